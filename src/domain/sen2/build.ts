/**
 * The SEN2 return from the casework (statutory-work.md S6; docs/sen2.md, "Who is in the return" and "Where each
 * item comes from"). Pure: given the casework snapshot, the census date and the header's details.
 *
 * - Census (reference) date C; the activity year is the calendar year before C's.
 * - A request is in the return when it was received by C and either received in the activity year, or decided or
 *   concluded in it (up to C), or still open (no decision, or assessing with no outcome). An outcome dated after C
 *   is not reported.
 * - A named plan is in the return when the child has one (plan or ceased) that started by C and did not cease
 *   before the activity year; it is active (module 5) when the child's plan has not ceased by C.
 * - A person is in the return with any request or plan in it. Persons by PersonID; requests by date received.
 */
import { upnUnknownCode } from './codes.ts';
import type {
  Casework,
  CaseworkCessation,
  CaseworkChild,
  CaseworkPlacement,
  CaseworkRequest,
  CaseworkSetting,
} from './casework.ts';
import {
  blankRecord,
  NAMED_PLAN_ITEMS,
  ACTIVE_PLAN_ITEMS,
  type Sen2ActivePlan,
  type Sen2Assessment,
  type Sen2NamedPlan,
  type Sen2Need,
  type Sen2Person,
  type Sen2PlanDetail,
  type Sen2Placement,
  type Sen2Request,
  type Sen2Return,
} from './model.ts';
import {
  extraDetails,
  extraNeeds,
  placementExtraKey,
  planExtraKey,
  requestExtraKey,
  settingKeyOf,
  type Extras,
} from './extras.ts';
import { sen2Flags } from '../personal-budget/index.ts';

export interface BuildOptions {
  readonly census: string;
  readonly generatedAt: string;
  readonly softwareCode: string;
}

const REQUEST_SOURCE: Record<string, string> = { parent: 'P', 'young-person': 'Y', school: 'S', other: 'O' };

function activityStart(census: string): string {
  return `${Number(census.slice(0, 4)) - 1}-01-01`;
}

function requestInScope(r: CaseworkRequest, census: string): boolean {
  if (r.received > census) return false;
  const start = activityStart(census);
  const within = (d: string | undefined) => d !== undefined && d >= start && d <= census;
  if (r.received >= start || within(r.decision?.date) || within(r.outcome?.date)) return true;
  const decided = r.decision && r.decision.date <= census ? r.decision : null;
  const concluded = r.outcome && r.outcome.date <= census ? r.outcome : null;
  return !decided || (decided.outcome === 'assess' && !concluded);
}

const pick = (casework: string, extras: Extras, key: string, fallback = ''): string =>
  casework !== '' ? casework : (extras.get(key) ?? fallback);

function requestRecord(r: CaseworkRequest, no: number, census: string, extras: Extras): Sen2Request {
  const x = (item: string, casework = '', fallback = '') =>
    pick(casework, extras, requestExtraKey(r.received, item), fallback);
  const decision = r.decision && r.decision.date <= census ? r.decision : null;
  const outcome = r.outcome && r.outcome.date <= census ? r.outcome : null;
  const assessed = decision?.outcome === 'assess';
  const assessment: Sen2Assessment = {
    assessmentOutcome: x('assessmentOutcome', outcome ? (outcome.outcome === 'issue-plan' ? 'I' : 'N') : ''),
    assessmentOutcomeDate: x('assessmentOutcomeDate', outcome?.date ?? ''),
    assessmentMediation: x('assessmentMediation'),
    assessmentTribunal: x('assessmentTribunal'),
    exceptionsApply: x('exceptionsApply', r.exceptions ? 'Y' : '', outcome ? 'N' : ''),
  };
  const hasAssessment = assessed || extras.get(requestExtraKey(r.received, 'assessment')) === 'Y';
  return {
    requestNo: String(no),
    receivedDate: r.received,
    // The source never changes once a request is made: the file's value, when one was read in, is kept.
    requestSource:
      extras.get(requestExtraKey(r.received, 'requestSource')) ?? REQUEST_SOURCE[r.requestedBy] ?? '',
    youthAccommodation: x('youthAccommodation'),
    requestOutcome: x('requestOutcome', decision ? (decision.outcome === 'assess' ? 'A' : 'N') : ''),
    requestOutcomeDate: x('requestOutcomeDate', decision?.date ?? ''),
    requestMediation: x('requestMediation'),
    requestTribunal: x('requestTribunal'),
    movedOut: x('movedOut'),
    assessment: hasAssessment ? assessment : null,
    links: { childId: r.childId, caseId: r.id },
  };
}

function settingFields(setting: CaseworkSetting | undefined): {
  urn: string;
  ukprn: string;
  settingCode: string;
} {
  if (!setting) return { urn: '', ukprn: '', settingCode: '' };
  const key = settingKeyOf(setting);
  return { urn: key.urn, ukprn: key.ukprn, settingCode: key.code };
}

function personRecord(child: CaseworkChild): Omit<Sen2Person, 'requests' | 'plans'> {
  return {
    personId: child.reference,
    surname: child.familyName,
    forename: child.givenName,
    dateOfBirth: child.dateOfBirth,
    sex: child.sex,
    ethnicity: child.ethnicity ?? '',
    postcode: child.postcode ?? '',
    upn: child.upn ?? '',
    uln: child.uln ?? '',
    upnUnknown: child.upn ? '' : upnUnknownCode(child.upnMissingReason ?? ''),
    links: { childId: child.id },
  };
}

/** Groups rows by child id. */
function byChild<T extends { childId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.childId);
    if (list) list.push(r);
    else map.set(r.childId, [r]);
  }
  return map;
}

const compareRequests = (a: CaseworkRequest, b: CaseworkRequest) =>
  a.received.localeCompare(b.received) ||
  (a.decision?.date ?? '').localeCompare(b.decision?.date ?? '') ||
  (a.outcome?.date ?? '').localeCompare(b.outcome?.date ?? '');

/** The return for the census date. */
export function buildSen2Return(casework: Casework, options: BuildOptions): Sen2Return {
  const { census } = options;
  const start = activityStart(census);
  const settings = new Map(casework.settings.map((s) => [s.id, s]));
  const requestsOf = byChild(casework.requests);
  const plansOf = byChild(casework.plans);
  const placementsOf = byChild(casework.placements);
  const noExtras: Extras = new Map();
  const persons: Sen2Person[] = [];
  const children = [...casework.children].sort((a, b) => a.reference.localeCompare(b.reference));
  for (const child of children) {
    if (child.dateOfBirth > census) continue;
    const extras = casework.extras.get(child.id) ?? noExtras;
    const caseRows = (requestsOf.get(child.id) ?? [])
      .filter((r) => requestInScope(r, census))
      .sort(compareRequests);
    const requests = caseRows.map((r, i) => requestRecord(r, i + 1, census, extras));
    const plan = namedPlan(
      child,
      casework.cessations?.get(child.id) ?? null,
      extras,
      caseRows,
      requests,
      plansOf.get(child.id) ?? [],
      placementsOf.get(child.id) ?? [],
      settings,
      census,
      start,
    );
    // S8: the personal budget items derive from the decisions (a child with none keeps what a return read in)
    const budgets = casework.personalBudgets?.get(child.id);
    if (plan && budgets?.length) Object.assign(plan, sen2Flags(budgets, census));
    if (requests.length === 0 && !plan) continue;
    persons.push({ ...personRecord(child), requests, plans: plan ? [plan] : [] });
  }
  return {
    header: {
      collection: 'SEN2',
      year: census.slice(0, 4),
      referenceDate: census,
      laCode: casework.laCode,
      softwareCode: options.softwareCode,
      generatedAt: options.generatedAt,
      dmo: '',
      dco: '',
      dsco: '',
    },
    persons,
  };
}

function namedPlan(
  child: CaseworkChild,
  cessation: CaseworkCessation | null,
  extras: Extras,
  caseRows: readonly CaseworkRequest[],
  requests: readonly Sen2Request[],
  plans: readonly {
    id: string;
    caseId: string | null;
    finalIssued: string | null;
    placementSettingId: string | null;
  }[],
  placements: readonly CaseworkPlacement[],
  settings: ReadonlyMap<string, CaseworkSetting>,
  census: string,
  start: string,
): Sen2NamedPlan | null {
  if (child.planStatus !== 'plan' && child.planStatus !== 'ceased') return null;
  const latest = [...plans].sort(
    (a, b) => (b.finalIssued ?? '').localeCompare(a.finalIssued ?? '') || a.id.localeCompare(b.id),
  )[0];
  const issuing = [...caseRows].reverse().find((r) => r.outcome?.outcome === 'issue-plan' && r.finalIssued);
  const startDate = child.planFirstIssued ?? issuing?.finalIssued ?? latest?.finalIssued ?? '';
  if (startDate !== '' && startDate > census) return null;
  const x = (key: string, casework = '') => pick(casework, extras, planExtraKey(key));
  const record = blankRecord<Sen2NamedPlan>(NAMED_PLAN_ITEMS);
  for (const item of NAMED_PLAN_ITEMS) record[item.key] = x(item.key);
  record.startDate = startDate;
  // the casework's cessation, once it has happened by C, wins over a kept item (a later one: still active at C)
  if (cessation && cessation.date <= census) {
    record.ceasedDate = cessation.date;
    record.ceasedReason = cessation.reason;
  }
  const ceased = record.ceasedDate;
  if (ceased !== '' && ceased < start) return null;
  // The plan's request: the one the plan record names; without a plan record, the request that issued it.
  const fromCase = latest ? latest.caseId : (issuing?.id ?? null);
  const requestIndex = fromCase ? caseRows.findIndex((r) => r.id === fromCase) : -1;
  record.planNo = '1';
  record.requestNo = requestIndex >= 0 ? requests[requestIndex]!.requestNo : '';
  // 4b: the setting the plan names (the latest plan's placement, else the child's main current placement).
  const current = placements
    .filter(
      (p) => p.start <= census && (p.end === null || p.end >= census) && p.attendance !== 'dual-registered',
    )
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  const namedSetting = settings.get((latest ? latest.placementSettingId : current?.settingId) ?? '');
  const details: Sen2PlanDetail[] = [];
  if (namedSetting) {
    details.push({
      ...settingFields(namedSetting),
      placementRank: '1',
      senUnit: x('detail1.senUnit'),
      resourcedProvision: x('detail1.resourcedProvision'),
    });
  }
  details.push(...extraDetails(extras));
  record.details = details;
  const held = child.planStatus === 'plan' || (cessation !== null && cessation.date > census);
  const active = held && (ceased === '' || ceased > census);
  record.active = active ? activePlan(child, extras, placements, settings, census, start) : null;
  record.links = { childId: child.id, planId: latest?.id, caseId: fromCase ?? undefined };
  return record;
}

function activePlan(
  child: CaseworkChild,
  extras: Extras,
  placements: readonly CaseworkPlacement[],
  settings: ReadonlyMap<string, CaseworkSetting>,
  census: string,
  start: string,
): Sen2ActivePlan {
  const active = blankRecord<Sen2ActivePlan>(ACTIVE_PLAN_ITEMS);
  for (const item of ACTIVE_PLAN_ITEMS) active[item.key] = extras.get(planExtraKey(item.key)) ?? '';
  const rows: Sen2Placement[] = placements
    .filter((p) => p.start <= census && (p.end === null || p.end >= start))
    .map((p) => {
      const fields = settingFields(settings.get(p.settingId));
      const key = placementExtraKey(fields, p.start);
      const x = (item: string) => extras.get(`${key}.${item}`) ?? '';
      return {
        ...fields,
        placementRank: p.attendance === 'dual-registered' ? '2' : '1',
        entryDate: p.start,
        leavingDate: p.end !== null && p.end <= census ? p.end : '',
        senUnit: x('senUnit'),
        resourcedProvision: x('resourcedProvision'),
        residential: x('residential'),
        workBased: x('workBased'),
      };
    })
    .sort(
      (a, b) =>
        a.placementRank.localeCompare(b.placementRank) ||
        a.entryDate.localeCompare(b.entryDate) ||
        `${a.urn}|${a.ukprn}|${a.settingCode}`.localeCompare(`${b.urn}|${b.ukprn}|${b.settingCode}`),
    );
  const needs: Sen2Need[] = [];
  if (child.primaryNeed) needs.push({ needType: child.primaryNeed, needRank: '1' });
  needs.push(...extraNeeds(extras));
  return { ...active, placements: rows, needs };
}
