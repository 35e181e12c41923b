/**
 * Validation of the clock's input (section 5 of the statutory clock document): the shape with zod, then the order
 * of events (a final plan cannot come before the request). Every problem names the field at fault by its path,
 * for example `assessment.requestReceived: not a date`.
 */
import { z } from 'zod';
import { formatDate, isIsoDate, tryParseDate } from './dates.ts';
import { appealOuterDate } from './steps/appeal.ts';
import {
  ADVICE_AGENCIES,
  ASSESSMENT_OUTCOMES,
  DECISION_TO_ASSESS_OUTCOMES,
  EXCEPTION_KINDS,
  PHASE_TRANSFER_KINDS,
  REVIEW_OUTCOMES,
  type ClockInput,
} from './types.ts';
import { tribunalLastDay } from './working-days.ts';
import { BANK_HOLIDAYS_FIRST_YEAR, BANK_HOLIDAYS_LAST_YEAR } from './bank-holidays.ts';

export interface InputIssue {
  /** The field at fault: `assessment.adviceRequests[0].received`; `input` for the document as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult = { ok: true; input: ClockInput } | { ok: false; issues: InputIssue[] };

const requiredOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'required' : message;

const date = z.string({ error: requiredOr('not a date') }).refine(isIsoDate, { error: 'not a date' });
const optionalDate = date.nullish();

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? 'required'
        : `${JSON.stringify(issue.input)} is not one of ${values.join(', ')}`,
  });
}

function object<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, { error: requiredOr('must be an object') });
}

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: requiredOr('must be a list') });
}

const text = z.string({ error: requiredOr('must be a string') }).min(1, { error: 'must not be empty' });

const schema = object({
  asOf: date,
  assessment: object({
    requestReceived: optionalDate,
    decisionToAssess: object({
      date: optionalDate,
      outcome: oneOf(DECISION_TO_ASSESS_OUTCOMES as readonly ['assess', 'not-assess']).nullish(),
    }).nullish(),
    adviceRequests: list(
      object({
        id: text,
        agency: oneOf(
          ADVICE_AGENCIES as readonly [
            'educational-psychology',
            'health',
            'social-care',
            'school',
            'other',
            'family',
          ],
        ).nullish(),
        requested: optionalDate,
        received: optionalDate,
      }),
    ).nullish(),
    assessmentOutcome: object({
      date: optionalDate,
      outcome: oneOf(ASSESSMENT_OUTCOMES as readonly ['issue-plan', 'no-plan']).nullish(),
    }).nullish(),
    draftServed: optionalDate,
    finalIssued: optionalDate,
  }).nullish(),
  exceptions: list(
    object({
      kind: oneOf(
        EXCEPTION_KINDS as readonly [
          'school-closure',
          'personal-circumstances',
          'absence-from-area',
          'missed-appointment',
        ],
      ),
      from: date,
      to: optionalDate,
      appliesTo: list(text).nullish(),
    }),
  ).nullish(),
  plan: object({
    firstIssued: optionalDate,
    reviews: list(
      object({
        meeting: date,
        invitationsSent: optionalDate,
        adviceCirculated: optionalDate,
        reportSent: optionalDate,
        decision: object({
          date: optionalDate,
          outcome: oneOf(REVIEW_OUTCOMES as readonly ['maintain', 'amend', 'cease']).nullish(),
        }).nullish(),
        amendmentProposalSent: optionalDate,
        amendedPlanIssued: optionalDate,
      }),
    ).nullish(),
    phaseTransfer: object({
      year: z
        .number({ error: requiredOr('not a year') })
        .int({ error: 'not a year' })
        .min(1900, { error: 'not a year' })
        .max(2199, { error: 'not a year' })
        .nullish(),
      kind: oneOf(PHASE_TRANSFER_KINDS as readonly ['school', 'post-16', 'post-16-move']).nullish(),
      transferDate: optionalDate,
      amendedPlanIssued: optionalDate,
    }).nullish(),
    transferIn: object({ date: optionalDate, noticeSent: optionalDate }).nullish(),
  }).nullish(),
  reassessment: object({ decisionSent: optionalDate, finalIssued: optionalDate }).nullish(),
  appeal: object({
    decisionSent: optionalDate,
    certificateIssued: optionalDate,
    registered: optionalDate,
  }).nullish(),
});

// The schema and the hand-written input type must describe the same thing.
type SchemaOutput = z.output<typeof schema>;
const _sameShape: (x: SchemaOutput) => ClockInput = (x) => x;

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'input' : out;
}

function zodIssues(error: z.ZodError): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: pathOf([...issue.path, key]), message: 'unknown field' });
    } else {
      out.push({ path: pathOf(issue.path), message: issue.message });
    }
  }
  return out;
}

/** Checks that events happen in a possible order and that each one has what it depends on. */
function orderIssues(input: ClockInput): InputIssue[] {
  const issues: InputIssue[] = [];
  const fail = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  type Dated = { path: string; value: string | null | undefined };
  const d = (path: string, value: string | null | undefined): Dated => ({ path, value });
  const has = (x: Dated): x is { path: string; value: string } => x.value !== null && x.value !== undefined;
  /** later must be on or after earlier, when both are known. */
  const notBefore = (later: Dated, earlier: Dated): void => {
    if (has(later) && has(earlier) && tryParseDate(later.value) < tryParseDate(earlier.value)) {
      fail(later.path, `${later.value} is before ${earlier.path} (${earlier.value})`);
    }
  };
  const needs = (dependent: Dated | boolean, required: Dated, why: string): void => {
    const present = typeof dependent === 'boolean' ? dependent : has(dependent);
    if (present && !has(required)) fail(required.path, `required when ${why}`);
  };

  const a = input.assessment;
  const adviceIds = new Set<string>();
  if (a) {
    const r = d('assessment.requestReceived', a.requestReceived);
    const dta = d('assessment.decisionToAssess.date', a.decisionToAssess?.date);
    const dtaOutcome = a.decisionToAssess?.outcome ?? null;
    const outcomeDate = d('assessment.assessmentOutcome.date', a.assessmentOutcome?.date);
    const outcome = a.assessmentOutcome?.outcome ?? null;
    const draft = d('assessment.draftServed', a.draftServed);
    const final = d('assessment.finalIssued', a.finalIssued);
    const anythingElse =
      has(dta) ||
      dtaOutcome !== null ||
      (a.adviceRequests?.length ?? 0) > 0 ||
      has(outcomeDate) ||
      outcome !== null ||
      has(draft) ||
      has(final);
    needs(anythingElse, r, 'other assessment events are given');
    if (has(dta) && dtaOutcome === null) {
      fail('assessment.decisionToAssess.outcome', 'required when the decision date is given');
    }
    notBefore(dta, r);

    (a.adviceRequests ?? []).forEach((req, i) => {
      const base = `assessment.adviceRequests[${i}]`;
      if (adviceIds.has(req.id))
        fail(`${base}.id`, `${JSON.stringify(req.id)} is used by another advice request`);
      adviceIds.add(req.id);
      const requested = d(`${base}.requested`, req.requested);
      const received = d(`${base}.received`, req.received);
      needs(received, requested, 'received is given');
      notBefore(requested, r);
      notBefore(received, requested);
    });

    if (has(outcomeDate) && outcome === null) {
      fail('assessment.assessmentOutcome.outcome', 'required when the outcome date is given');
    }
    if (dtaOutcome === 'not-assess') {
      for (const x of [outcomeDate, draft, final]) {
        if (has(x)) fail(x.path, 'not possible when the council decided not to assess');
      }
      if (outcome !== null && !has(outcomeDate)) {
        fail('assessment.assessmentOutcome.outcome', 'not possible when the council decided not to assess');
      }
    }
    if (outcome === 'no-plan') {
      for (const x of [draft, final]) if (has(x)) fail(x.path, 'not possible when the outcome is no-plan');
    }
    notBefore(outcomeDate, dta);
    notBefore(outcomeDate, r);
    notBefore(draft, dta);
    notBefore(draft, r);
    notBefore(final, draft);
    notBefore(final, dta);
    notBefore(final, r);
  }

  (input.exceptions ?? []).forEach((e, i) => {
    const base = `exceptions[${i}]`;
    const from = d(`${base}.from`, e.from);
    const to = d(`${base}.to`, e.to);
    notBefore(to, from);
    if (e.kind === 'missed-appointment' && has(to) && to.value !== e.from) {
      fail(to.path, 'a missed appointment is a single day, so to must equal from');
    }
    if (e.kind === 'missed-appointment' || e.kind === 'school-closure') {
      (e.appliesTo ?? []).forEach((id, j) => {
        if (!adviceIds.has(id))
          fail(`${base}.appliesTo[${j}]`, `no advice request has the id ${JSON.stringify(id)}`);
      });
    }
  });

  const plan = input.plan;
  if (plan) {
    const p = d('plan.firstIssued', plan.firstIssued);
    const reviews = plan.reviews ?? [];
    needs(reviews.length > 0, p, 'reviews are given');
    let previous: Dated = p;
    let ceasedAt: string | null = null;
    reviews.forEach((review, i) => {
      const base = `plan.reviews[${i}]`;
      const m = d(`${base}.meeting`, review.meeting);
      if (ceasedAt !== null) {
        fail(
          m.path,
          `the plan was ceased after the review meeting on ${ceasedAt}, so there can be no later review`,
        );
      }
      if (i > 0 && has(previous) && tryParseDate(review.meeting) <= tryParseDate(previous.value)) {
        fail(m.path, `${review.meeting} is not after ${previous.path} (${previous.value})`);
      } else if (i === 0) {
        notBefore(m, p);
      }
      const invited = d(`${base}.invitationsSent`, review.invitationsSent);
      if (has(invited) && tryParseDate(invited.value) > tryParseDate(review.meeting)) {
        fail(invited.path, `${invited.value} is after ${m.path} (${review.meeting})`);
      }
      notBefore(d(`${base}.reportSent`, review.reportSent), m);
      const decided = d(`${base}.decision.date`, review.decision?.date);
      const outcome = review.decision?.outcome ?? null;
      notBefore(decided, m);
      if (has(decided) && outcome === null)
        fail(`${base}.decision.outcome`, 'required when the decision date is given');
      const proposal = d(`${base}.amendmentProposalSent`, review.amendmentProposalSent);
      const amended = d(`${base}.amendedPlanIssued`, review.amendedPlanIssued);
      for (const x of [proposal, amended]) {
        if (has(x) && outcome !== 'amend') fail(x.path, 'only possible when the review decision is amend');
      }
      notBefore(proposal, m);
      notBefore(amended, proposal);
      notBefore(amended, m);
      if (outcome === 'cease') ceasedAt = review.meeting;
      previous = m;
    });

    const pt = plan.phaseTransfer;
    if (pt) {
      const year = pt.year ?? null;
      const kind = pt.kind ?? null;
      const transferDate = d('plan.phaseTransfer.transferDate', pt.transferDate);
      const issued = d('plan.phaseTransfer.amendedPlanIssued', pt.amendedPlanIssued);
      if (kind === 'post-16-move') {
        needs(true, transferDate, 'kind is post-16-move');
        if (year !== null)
          fail('plan.phaseTransfer.year', 'not used when kind is post-16-move (give transferDate)');
      } else {
        if (year === null && (kind !== null || has(issued))) {
          fail('plan.phaseTransfer.year', 'required when the phase transfer has other details');
        }
        if (year !== null && kind === null) fail('plan.phaseTransfer.kind', 'required when year is given');
        if (has(transferDate)) {
          fail(transferDate.path, 'only used when kind is post-16-move (reg 18(2))');
        }
      }
    }

    const t = d('plan.transferIn.date', plan.transferIn?.date);
    const notice = d('plan.transferIn.noticeSent', plan.transferIn?.noticeSent);
    needs(notice, t, 'noticeSent is given');
    notBefore(notice, t);
    notBefore(t, p);
  }

  const reassessment = input.reassessment;
  if (reassessment) {
    const n = d('reassessment.decisionSent', reassessment.decisionSent);
    const final = d('reassessment.finalIssued', reassessment.finalIssued);
    needs(final, n, 'finalIssued is given');
    notBefore(final, n);
  }

  const appeal = input.appeal;
  if (appeal) {
    const decision = d('appeal.decisionSent', appeal.decisionSent);
    const certificate = d('appeal.certificateIssued', appeal.certificateIssued);
    const registered = d('appeal.registered', appeal.registered);
    needs(has(certificate) || has(registered), decision, 'other appeal dates are given');
    notBefore(certificate, decision);
    notBefore(registered, decision);
    if (has(decision) && issues.length === 0) {
      // HESC r12 needs the working days around the deadline: bank holidays are held for a fixed range of years.
      const cert = has(certificate) ? tryParseDate(certificate.value) : null;
      const l = appealOuterDate(tryParseDate(decision.value), cert);
      try {
        tribunalLastDay(l);
      } catch {
        const at =
          cert !== null && l !== appealOuterDate(tryParseDate(decision.value), null) ? certificate : decision;
        fail(
          at.path,
          `the appeal deadline would fall on ${formatDate(l)}, but the tribunal's working days (bank holidays) are known only for ${BANK_HOLIDAYS_FIRST_YEAR} to ${BANK_HOLIDAYS_LAST_YEAR}`,
        );
      }
    }
  }
  return issues;
}

/** Validates a parsed JSON value as clock input. */
export function parseClockInput(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: 'input', message: 'must be a JSON object' }] };
  }
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, issues: zodIssues(result.error) };
  const input = _sameShape(result.data);
  const issues = orderIssues(input);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, input };
}

/** One line per issue: `assessment.requestReceived: not a date`. */
export function formatIssues(issues: readonly InputIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
