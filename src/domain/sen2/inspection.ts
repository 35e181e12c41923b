/**
 * The inspection child-level lists (statutory-work.md S5; docs/inspection-list.md): every child or young person
 * with an EHC plan on the snapshot date, and the second list, with the columns of reporting.md in the template's
 * order. Items the casework does not record yet (suspensions, exclusions, absence, pupil premium, social care team,
 * disability) are exported blank, and the completeness report says so per column.
 */
import type { Casework, CaseworkChild, CaseworkPlacement, CaseworkSetting } from './casework.ts';
import { upnUnknownCode } from './codes.ts';
import { planExtraKey, settingKeyOf } from './extras.ts';

export const INSPECTION_COLUMNS = [
  'Local ID',
  'UPN',
  'ULN',
  'Date of birth',
  'Sex',
  'Ethnicity',
  'Date first EHC plan issued',
  'Date latest EHC plan issued',
  'Date last reviewed',
  'Primary need',
  'Main establishment URN',
  'Main establishment phase',
  'Dual registration phase',
  'Elective home education',
  'Suspensions',
  'Permanent exclusions',
  'Absence (%)',
  'Pupil premium',
  "Known to children's social care",
  'Social care team',
  'Disability',
] as const;

export type InspectionRow = readonly string[];

export interface ColumnCompleteness {
  readonly column: string;
  readonly filled: number;
  readonly blank: number;
  /** Whole per cent filled (0 when there are no rows). */
  readonly percent: number;
}

export interface InspectionList {
  readonly title: string;
  readonly rows: InspectionRow[];
  readonly completeness: ColumnCompleteness[];
  /** Every row with a blank UPN, with the reason code (blank when none is recorded). */
  readonly blankUpns: { readonly localId: string; readonly reason: string }[];
}

export interface InspectionLists {
  readonly snapshot: string;
  readonly plans: InspectionList;
  readonly support: InspectionList;
}

/** Whether the child has a plan in force on the date (issued by then and not ceased by then). */
export function hasPlanOn(child: CaseworkChild, ceasedDate: string, date: string): boolean {
  // a plan that has ceased since the date was still in force on it
  const held = child.planStatus === 'plan' || (child.planStatus === 'ceased' && ceasedDate > date);
  if (!held || !child.planFirstIssued || child.planFirstIssued > date) return false;
  return ceasedDate === '' || ceasedDate > date;
}

const yn = (b: boolean) => (b ? 'Y' : 'N');

function currentPlacements(placements: readonly CaseworkPlacement[], date: string) {
  return placements.filter((p) => p.start <= date && (p.end === null || p.end >= date));
}

function row(
  child: CaseworkChild,
  latestIssued: string,
  lastReviewed: string,
  placements: readonly CaseworkPlacement[],
  settings: ReadonlyMap<string, CaseworkSetting>,
  date: string,
): InspectionRow {
  const now = currentPlacements(placements, date).sort((a, b) => b.start.localeCompare(a.start));
  const main = now.find((p) => p.attendance !== 'dual-registered');
  const dual = now.find((p) => p.attendance === 'dual-registered');
  const mainSetting = main ? settings.get(main.settingId) : undefined;
  const dualSetting = dual ? settings.get(dual.settingId) : undefined;
  const ehe = now.some((p) => {
    const s = settings.get(p.settingId);
    return s !== undefined && settingKeyOf(s).code === 'EHE';
  });
  return [
    child.reference,
    child.upn ?? '',
    child.uln ?? '',
    child.dateOfBirth,
    child.sex,
    child.ethnicity ?? '',
    child.planFirstIssued ?? '',
    latestIssued,
    lastReviewed,
    child.primaryNeed ?? '',
    mainSetting?.urn ?? '',
    mainSetting?.phase ?? '',
    dualSetting?.phase ?? '',
    now.length ? yn(ehe) : '',
    '',
    '',
    '',
    '',
    yn(child.knownToSocialCare),
    '',
    '',
  ];
}

function list(title: string, rows: InspectionRow[], children: readonly CaseworkChild[]): InspectionList {
  const completeness = INSPECTION_COLUMNS.map((column, i) => {
    const filled = rows.filter((r) => r[i] !== '').length;
    return {
      column,
      filled,
      blank: rows.length - filled,
      percent: rows.length ? Math.floor((filled * 100) / rows.length) : 0,
    };
  });
  const byRef = new Map(children.map((c) => [c.reference, c]));
  const blankUpns = rows
    .filter((r) => r[1] === '')
    .map((r) => ({ localId: r[0]!, reason: upnUnknownCode(byRef.get(r[0]!)?.upnMissingReason ?? '') }));
  return { title, rows, completeness, blankUpns };
}

/** Both lists for the snapshot date, children by local ID. */
export function buildInspectionLists(casework: Casework, snapshot: string): InspectionLists {
  const settings = new Map(casework.settings.map((s) => [s.id, s]));
  const placementsOf = new Map<string, CaseworkPlacement[]>();
  for (const p of casework.placements)
    placementsOf.set(p.childId, [...(placementsOf.get(p.childId) ?? []), p]);
  const latestOf = new Map<string, string>();
  for (const plan of casework.plans) {
    const d = plan.latestIssued ?? plan.finalIssued;
    if (d && d <= snapshot && d > (latestOf.get(plan.childId) ?? '')) latestOf.set(plan.childId, d);
  }
  const children = [...casework.children].sort((a, b) => a.reference.localeCompare(b.reference));
  const withPlan: InspectionRow[] = [];
  const support: InspectionRow[] = [];
  for (const child of children) {
    if (child.dateOfBirth > snapshot) continue;
    const extras = casework.extras.get(child.id);
    const ceased = casework.cessations?.get(child.id)?.date ?? extras?.get(planExtraKey('ceasedDate')) ?? '';
    const reviewed = extras?.get(planExtraKey('reviewMeeting')) ?? '';
    const placements = placementsOf.get(child.id) ?? [];
    if (hasPlanOn(child, ceased, snapshot)) {
      const latest = latestOf.get(child.id) ?? child.planFirstIssued ?? '';
      withPlan.push(row(child, latest, reviewed <= snapshot ? reviewed : '', placements, settings, snapshot));
    } else if (child.planStatus === 'none' || child.planStatus === 'assessment') {
      support.push(row(child, '', '', placements, settings, snapshot));
    }
  }
  return {
    snapshot,
    plans: list('Children and young people with an EHC plan', withPlan, children),
    support: list('Children and young people known to the service without an EHC plan', support, children),
  };
}
