/**
 * The pre-submission check (statutory-work.md S6; docs/sen2.md, "The pre-submission check"): every problem the
 * Department's validation would raise that the casework can show, each with the person, the module and item, and
 * the casework record to fix it in (its links).
 */
import type { Sen2Links, Sen2Return } from './model.ts';

export const PROBLEM_CODES = {
  'upn-missing': 'No UPN and no reason it is unavailable',
  'impossible-date': 'A date that cannot be right',
  'outcome-without-date': 'An outcome without its date',
  'date-without-outcome': 'A date without its outcome',
  'plan-without-placement': 'An active plan without a placement',
  'plan-without-need': 'An active plan without a type of need',
  'need-without-rank': 'A need without a rank',
  'need-without-type': 'A rank without a type of need',
  'ceased-without-reason': 'A ceased plan without its reason',
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface Sen2Problem {
  readonly code: ProblemCode;
  readonly personId: string;
  readonly module: string;
  readonly item: string;
  readonly message: string;
  readonly links: Sen2Links;
}

/** Every problem in the return, person by person in file order. */
export function checkSen2Return(ret: Sen2Return): Sen2Problem[] {
  const out: Sen2Problem[] = [];
  const census = ret.header.referenceDate;
  for (const p of ret.persons) {
    const add = (code: ProblemCode, module: string, item: string, message: string, links?: Sen2Links) =>
      out.push({ code, personId: p.personId, module, item, message, links: links ?? p.links ?? {} });
    const after = (date: string, than: string) => date !== '' && than !== '' && date > than;
    if (p.upn === '' && p.upnUnknown === '')
      add('upn-missing', '1', 'UPN', 'There is no UPN and no reason code for it being unavailable.');
    if (after(p.dateOfBirth, census))
      add(
        'impossible-date',
        '1',
        'PersonBirthDate',
        `Born ${p.dateOfBirth}, after the census date ${census}.`,
      );
    for (const r of p.requests) {
      const links = r.links ?? p.links ?? {};
      const at = `Request ${r.requestNo}`;
      if (after(r.receivedDate, census))
        add(
          'impossible-date',
          '2',
          'ReceivedDate',
          `${at} was received ${r.receivedDate}, after the census date.`,
          links,
        );
      if (after(p.dateOfBirth, r.receivedDate))
        add(
          'impossible-date',
          '2',
          'ReceivedDate',
          `${at} was received ${r.receivedDate}, before the date of birth.`,
          links,
        );
      if (r.requestOutcome !== '' && r.requestOutcomeDate === '')
        add(
          'outcome-without-date',
          '2',
          'RequestOutcomeDate',
          `${at} has an outcome but no outcome date.`,
          links,
        );
      if (r.requestOutcome === '' && r.requestOutcomeDate !== '')
        add(
          'date-without-outcome',
          '2',
          'RequestOutcome',
          `${at} has an outcome date but no outcome.`,
          links,
        );
      if (after(r.receivedDate, r.requestOutcomeDate))
        add(
          'impossible-date',
          '2',
          'RequestOutcomeDate',
          `${at} was decided ${r.requestOutcomeDate}, before it was received.`,
          links,
        );
      const a = r.assessment;
      if (!a) continue;
      if (a.assessmentOutcome !== '' && a.assessmentOutcomeDate === '')
        add(
          'outcome-without-date',
          '3',
          'AssessmentOutcomeDate',
          `${at}'s assessment has an outcome but no date.`,
          links,
        );
      if (a.assessmentOutcome === '' && a.assessmentOutcomeDate !== '')
        add(
          'date-without-outcome',
          '3',
          'AssessmentOutcome',
          `${at}'s assessment has an outcome date but no outcome.`,
          links,
        );
      if (
        after(r.requestOutcomeDate, a.assessmentOutcomeDate) ||
        after(r.receivedDate, a.assessmentOutcomeDate)
      )
        add(
          'impossible-date',
          '3',
          'AssessmentOutcomeDate',
          `${at}'s assessment ended ${a.assessmentOutcomeDate}, before the request was decided.`,
          links,
        );
    }
    for (const plan of p.plans) {
      const links = plan.links ?? p.links ?? {};
      if (plan.startDate === '')
        add('impossible-date', '4a', 'StartDate', 'The plan has no start (first issued) date.', links);
      if (after(plan.startDate, census))
        add(
          'impossible-date',
          '4a',
          'StartDate',
          `The plan starts ${plan.startDate}, after the census date.`,
          links,
        );
      if (after(p.dateOfBirth, plan.startDate))
        add(
          'impossible-date',
          '4a',
          'StartDate',
          `The plan starts ${plan.startDate}, before the date of birth.`,
          links,
        );
      if (after(plan.startDate, plan.ceasedDate))
        add(
          'impossible-date',
          '4a',
          'CeaseDate',
          `The plan ceased ${plan.ceasedDate}, before it started.`,
          links,
        );
      if (plan.ceasedDate !== '' && plan.ceasedReason === '')
        add(
          'ceased-without-reason',
          '4a',
          'CeaseReason',
          `The plan ceased ${plan.ceasedDate} with no reason.`,
          links,
        );
      if (plan.ceasedDate === '' && plan.ceasedReason !== '')
        add(
          'outcome-without-date',
          '4a',
          'CeaseDate',
          'The plan has a reason for ceasing but no date.',
          links,
        );
      const active = plan.active;
      if (!active) continue;
      if (plan.details.length === 0 && active.placements.length === 0)
        add(
          'plan-without-placement',
          '4b',
          'URN',
          'The active plan names no placement (no URN, UKPRN or setting code).',
          links,
        );
      for (const pl of active.placements) {
        const where = pl.urn || pl.ukprn || pl.settingCode;
        if (after(pl.entryDate, pl.leavingDate))
          add(
            'impossible-date',
            '5b',
            'LeavingDate',
            `The placement at ${where} ends ${pl.leavingDate}, before it starts ${pl.entryDate}.`,
            links,
          );
        if (after(pl.entryDate, census))
          add(
            'impossible-date',
            '5b',
            'EntryDate',
            `The placement at ${where} starts ${pl.entryDate}, after the census date.`,
            links,
          );
      }
      if (active.needs.length === 0)
        add('plan-without-need', '5c', 'SENtype', 'The active plan records no type of need.', links);
      for (const n of active.needs) {
        if (n.needType !== '' && n.needRank === '')
          add(
            'need-without-rank',
            '5c',
            'SENtypeRank',
            `The need ${n.needType} has no rank (1 primary, 2 secondary).`,
            links,
          );
        if (n.needType === '' && n.needRank !== '')
          add('need-without-type', '5c', 'SENtype', `A need of rank ${n.needRank} has no type.`, links);
      }
    }
  }
  return out;
}
