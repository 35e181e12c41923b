/**
 * Reading a return into casework (docs/sen2.md, "Reading a return in"): what each person's records become — a
 * child, requests and assessments, a plan, placements, needs, and the items the casework cannot hold yet (kept
 * beside it, ./extras.ts) — so that writing the return again from the casework gives back the same file. Pure:
 * the feature looks up what exists and writes through each owner's service.
 */
import {
  ACTIVE_PLAN_ITEMS,
  ASSESSMENT_ITEMS,
  NAMED_PLAN_ITEMS,
  REQUEST_ITEMS,
  type Sen2Person,
  type Sen2Placement,
  type Sen2Return,
} from './model.ts';
import { placementExtraKey, planExtraKey, requestExtraKey, settingTypeFor } from './extras.ts';
import type { ReadProblem } from './csv.ts';

export interface SettingKey {
  readonly urn: string;
  readonly ukprn: string;
  readonly settingCode: string;
}

export const settingKeyText = (k: SettingKey) => `${k.urn}|${k.ukprn}|${k.settingCode}`;

export interface ImportRequest {
  readonly received: string;
  readonly requestedBy: 'parent' | 'young-person' | 'school' | 'other';
  readonly decision: { readonly date: string; readonly outcome: 'assess' | 'not-assess' } | null;
  readonly outcome: { readonly date: string; readonly outcome: 'issue-plan' | 'no-plan' } | null;
  readonly finalIssued: string | null;
}

export interface ImportPerson {
  readonly reference: string;
  readonly child: {
    readonly givenName: string;
    readonly familyName: string;
    readonly dateOfBirth: string;
    readonly sex: 'F' | 'M';
    readonly ethnicity: string | null;
    readonly postcode: string | null;
    readonly upn: string | null;
    readonly uln: string | null;
    readonly upnMissingReason: string | null;
    readonly primaryNeed: string | null;
    readonly planStatus: 'none' | 'assessment' | 'plan' | 'ceased';
    readonly planFirstIssued: string | null;
  };
  readonly requests: ImportRequest[];
  readonly plan: {
    readonly startDate: string;
    readonly placement: SettingKey | null;
    /** Index into `requests` of the request the plan came from, or null. */
    readonly requestIndex: number | null;
  } | null;
  readonly placements: {
    readonly setting: SettingKey;
    readonly start: string;
    readonly end: string | null;
    readonly attendance: 'full-time' | 'dual-registered';
  }[];
  readonly extras: Record<string, string>;
}

export interface ImportPlan {
  readonly laCode: string;
  readonly census: string;
  readonly persons: ImportPerson[];
  /** Every setting the persons name, by settingKeyText, with the type to create it with. */
  readonly settings: Map<string, SettingKey & { type: string }>;
  /** Records the reader kept but the casework cannot take, with the reason. */
  readonly problems: ReadProblem[];
}

/** The needs the casework's child record can hold as its primary need (every SEN2 need type but DS, for now). */
const PRIMARY_NEED_CODES: readonly string[] = [
  'ASD',
  'SLCN',
  'SEMH',
  'MLD',
  'SPLD',
  'SLD',
  'PD',
  'PMLD',
  'HI',
  'VI',
  'MSI',
  'OTH',
];

const SOURCES = { P: 'parent', Y: 'young-person', S: 'school', O: 'other' } as const;

/** What a read return becomes in the casework. */
export function planImport(ret: Sen2Return): ImportPlan {
  const census = ret.header.referenceDate;
  const problems: ReadProblem[] = [];
  const settings: ImportPlan['settings'] = new Map();
  const persons: ImportPerson[] = [];
  for (const person of ret.persons) {
    const reject = (module: string, reason: string) =>
      problems.push({ where: `person ${person.personId}`, module, personId: person.personId, reason });
    if (person.sex !== 'F' && person.sex !== 'M') {
      reject('1', `Sex "${person.sex}" cannot be kept: the casework records F or M`);
      continue;
    }
    persons.push(personPlan(person, census, settings, reject));
  }
  return { laCode: ret.header.laCode, census, persons, settings, problems };
}

function personPlan(
  person: Sen2Person,
  census: string,
  settings: ImportPlan['settings'],
  reject: (module: string, reason: string) => void,
): ImportPerson {
  const extras: Record<string, string> = {};
  const requests: ImportRequest[] = [];
  const requestIndexByNo = new Map<string, number>();
  const seenDates = new Set<string>();
  for (const r of person.requests) {
    if (seenDates.has(r.receivedDate)) {
      reject(
        '2',
        `request ${r.requestNo}: a second request received on ${r.receivedDate} cannot be told apart`,
      );
      continue;
    }
    seenDates.add(r.receivedDate);
    const a = r.assessment;
    const decision =
      (r.requestOutcome === 'A' || r.requestOutcome === 'N') && r.requestOutcomeDate !== ''
        ? {
            date: r.requestOutcomeDate,
            outcome: r.requestOutcome === 'A' ? ('assess' as const) : ('not-assess' as const),
          }
        : null;
    const outcome =
      decision?.outcome === 'assess' &&
      a &&
      (a.assessmentOutcome === 'I' || a.assessmentOutcome === 'N') &&
      a.assessmentOutcomeDate !== ''
        ? {
            date: a.assessmentOutcomeDate,
            outcome: a.assessmentOutcome === 'I' ? ('issue-plan' as const) : ('no-plan' as const),
          }
        : null;
    requestIndexByNo.set(r.requestNo, requests.length);
    requests.push({
      received: r.receivedDate,
      requestedBy: SOURCES[r.requestSource as keyof typeof SOURCES] ?? 'other',
      decision,
      outcome,
      finalIssued: null,
    });
    for (const item of REQUEST_ITEMS) {
      if (item.key === 'receivedDate') continue;
      extras[requestExtraKey(r.receivedDate, item.key)] = r[item.key];
    }
    if (a) {
      extras[requestExtraKey(r.receivedDate, 'assessment')] = 'Y';
      for (const item of ASSESSMENT_ITEMS) extras[requestExtraKey(r.receivedDate, item.key)] = a[item.key];
    }
  }
  let plan: ImportPerson['plan'] = null;
  let primaryNeed: string | null = null;
  let planStatus: ImportPerson['child']['planStatus'] = requests.some(
    (r) => r.decision?.outcome === 'assess' && !r.outcome,
  )
    ? 'assessment'
    : 'none';
  const placements: ImportPerson['placements'] = [];
  const named = person.plans[0];
  if (person.plans.length > 1) reject('4a', 'only one named plan per person can be kept (the first is)');
  if (named) {
    planStatus = named.active ? 'plan' : 'ceased';
    for (const item of NAMED_PLAN_ITEMS)
      if (item.key !== 'startDate') extras[planExtraKey(item.key)] = named[item.key];
    const [first, ...rest] = named.details;
    let placement: SettingKey | null = null;
    if (first && first.placementRank === '1' && (first.urn || first.ukprn || first.settingCode)) {
      placement = remember(settings, first);
      extras[planExtraKey('detail1.senUnit')] = first.senUnit;
      extras[planExtraKey('detail1.resourcedProvision')] = first.resourcedProvision;
      if (rest.length) extras[planExtraKey('details')] = JSON.stringify(rest);
    } else if (named.details.length) extras[planExtraKey('details')] = JSON.stringify(named.details);
    const requestIndex = named.requestNo === '' ? null : (requestIndexByNo.get(named.requestNo) ?? null);
    plan = { startDate: named.startDate, placement, requestIndex };
    // The plan's own request was concluded by issuing it: its final plan is the plan's start.
    const issued = requestIndex === null ? undefined : requests[requestIndex];
    if (issued?.outcome?.outcome === 'issue-plan' && named.startDate !== '')
      requests[requestIndex!] = { ...issued, finalIssued: named.startDate };
    const active = named.active;
    if (active) {
      for (const item of ACTIVE_PLAN_ITEMS) extras[planExtraKey(item.key)] = active[item.key];
      for (const p of active.placements) {
        const kept = placementPlan(p, census, settings, reject);
        if (!kept) continue;
        placements.push(kept);
        const key = placementExtraKey(kept.setting, p.entryDate);
        extras[`${key}.senUnit`] = p.senUnit;
        extras[`${key}.resourcedProvision`] = p.resourcedProvision;
        extras[`${key}.residential`] = p.residential;
        extras[`${key}.workBased`] = p.workBased;
      }
      const [firstNeed, ...otherNeeds] = active.needs;
      const casework =
        firstNeed && firstNeed.needRank === '1' && PRIMARY_NEED_CODES.includes(firstNeed.needType);
      if (casework) primaryNeed = firstNeed.needType;
      const kept = casework ? otherNeeds : active.needs;
      if (kept.length) extras[planExtraKey('needs')] = JSON.stringify(kept);
    }
  }
  return {
    reference: person.personId,
    child: {
      givenName: person.forename,
      familyName: person.surname,
      dateOfBirth: person.dateOfBirth,
      sex: person.sex as 'F' | 'M',
      ethnicity: person.ethnicity || null,
      postcode: person.postcode || null,
      upn: person.upn || null,
      uln: person.uln || null,
      upnMissingReason: person.upnUnknown || null,
      primaryNeed,
      planStatus,
      planFirstIssued: plan?.startDate || null,
    },
    requests,
    plan,
    placements,
    extras,
  };
}

function remember(settings: ImportPlan['settings'], s: SettingKey): SettingKey {
  const key = { urn: s.urn, ukprn: s.urn ? '' : s.ukprn, settingCode: s.urn || s.ukprn ? '' : s.settingCode };
  const text = settingKeyText(key);
  if (!settings.has(text)) settings.set(text, { ...key, type: settingTypeFor(key) });
  return key;
}

function placementPlan(
  p: Sen2Placement,
  census: string,
  settings: ImportPlan['settings'],
  reject: (module: string, reason: string) => void,
): ImportPerson['placements'][number] | null {
  const at = `placement at ${p.urn || p.ukprn || p.settingCode || '(no setting)'}`;
  if (!p.urn && !p.ukprn && !p.settingCode)
    return (reject('5b', `${at}: no URN, UKPRN or setting code`), null);
  if (p.entryDate === '') return (reject('5b', `${at}: EntryDate is blank`), null);
  if (p.entryDate > census)
    return (reject('5b', `${at}: EntryDate ${p.entryDate} is after the census date`), null);
  if (p.leavingDate !== '' && p.leavingDate < p.entryDate)
    return (reject('5b', `${at}: LeavingDate ${p.leavingDate} is before EntryDate ${p.entryDate}`), null);
  if (p.placementRank === '') return (reject('5b', `${at}: PlacementRank is blank`), null);
  return {
    setting: remember(settings, p),
    start: p.entryDate,
    end: p.leavingDate || null,
    attendance: p.placementRank === '2' ? 'dual-registered' : 'full-time',
  };
}
