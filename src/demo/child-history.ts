/**
 * A demo child's history as case events: the request for an assessment, the decision to assess, the plan's issue,
 * its annual reviews and amendments and its end, or where an assessment has got to; drawn from the child's own
 * generator (child.ts), in the order it always has been.
 */
import type { ChildTable } from '../platform/db/schema/index.ts';
import type { DemoCaseEvent } from './build.ts';
import { addDays, addYears, EHC_PLANS_BEGAN, maxDate, minDate, timestamp } from './dates.ts';
import type { Random } from './random.ts';

export function event(
  la: string,
  rng: Random,
  childId: string,
  date: string,
  kind: string,
  summary: string,
  detail?: Record<string, unknown>,
): DemoCaseEvent {
  return {
    la_code: la,
    child_id: childId,
    at: timestamp(date, rng),
    actor_user_id: null,
    kind,
    summary,
    detail: detail ? JSON.stringify(detail) : null,
  };
}

const REQUESTERS: readonly (readonly [string, number])[] = [
  ['parent', 45],
  ['school', 40],
  ['health', 8],
  ['young person', 2],
  ['other', 5],
];

const CEASE_REASONS: readonly string[] = [
  'Moved to another local authority',
  'Needs met without an EHC plan',
  'Moved into paid employment',
  'Moved on to higher education',
  'Young person no longer wishes to engage in education or training',
];

export interface History {
  events: DemoCaseEvent[];
  planFirstIssued: string | null;
  requestDate: string;
}

/** History: the request, the assessment, the plan and its reviews, or where an assessment has got to. */
export function childHistory(
  rng: Random,
  ctx: { la: string; today: string },
  who: { id: string; yg: number; dateOfBirth: string },
  status: ChildTable['plan_status'],
): History {
  const { today } = ctx;
  const { id, yg, dateOfBirth } = who;
  const events: DemoCaseEvent[] = [];
  let planFirstIssued: string | null = null;
  let requestDate: string;
  const latestRequest = addDays(today, -3);
  if (status === 'assessment') {
    requestDate = rng.dateBetween(
      minDate(maxDate(addDays(dateOfBirth, 21), addDays(today, -210)), latestRequest),
      latestRequest,
    );
  } else {
    // No EHC plan before they began (1 September 2014): no reviews from 2014 or audits from 2013.
    const earliest = maxDate(
      addDays(dateOfBirth, yg <= -2 ? 240 : 730),
      maxDate(addYears(today, -14), EHC_PLANS_BEGAN),
    );
    const latest = addDays(today, status === 'ceased' ? -60 : -14);
    planFirstIssued = rng.dateBetween(minDate(earliest, latest), latest);
    // About half of new plans are issued within 20 weeks of the request.
    const weeks = rng.chance(0.5) ? rng.int(12, 20) : rng.int(21, 52);
    requestDate = maxDate(addDays(planFirstIssued, -7 * weeks), addDays(dateOfBirth, 30));
  }
  // No request before EHC plans began (1 September 2014): a plan issued in their first months was asked for on that
  // day at the earliest. Its decision is drawn as before (the generator's stream is unchanged) and kept when it falls
  // before the plan.
  const drawnRequest = requestDate;
  requestDate = maxDate(requestDate, EHC_PLANS_BEGAN);
  const requester = yg >= 12 && rng.chance(0.3) ? 'young person' : rng.weighted(REQUESTERS);
  events.push(
    event(
      ctx.la,
      rng,
      id,
      requestDate,
      'request-received',
      `Request for an EHC needs assessment received from the ${requester}`,
      {
        requestedBy: requester,
      },
    ),
  );
  const delay = rng.int(28, 42);
  if (
    addDays(drawnRequest, delay) < today &&
    (planFirstIssued === null || addDays(drawnRequest, delay) < planFirstIssued)
  ) {
    const decision = addDays(requestDate, delay);
    const agreed = event(
      ctx.la,
      rng,
      id,
      decision,
      'assessment-agreed',
      'Decided to carry out an EHC needs assessment',
    );
    if (planFirstIssued === null || decision < planFirstIssued) events.push(agreed);
  }
  let ceasedOn: string | null = null;
  if (planFirstIssued) {
    events.push(event(ctx.la, rng, id, planFirstIssued, 'plan-issued', 'EHC plan first issued'));
    if (status === 'ceased') {
      ceasedOn = rng.dateBetween(
        minDate(addDays(planFirstIssued, 365), addDays(today, -30)),
        addDays(today, -7),
      );
    }
    const end = ceasedOn ?? today;
    for (let year = 1; ; year++) {
      const due = addYears(planFirstIssued, year);
      if (due > end) break;
      const overdue = addYears(due, 1) > end && rng.chance(0.12);
      if (overdue) break;
      const held = addDays(due, rng.int(-45, 25));
      if (held >= end) break;
      events.push(event(ctx.la, rng, id, held, 'review-held', 'Annual review meeting held'));
      const amended = addDays(held, rng.int(42, 110));
      if (rng.chance(0.3) && amended < end) {
        events.push(event(ctx.la, rng, id, amended, 'plan-amended', 'EHC plan amended after annual review'));
      }
    }
    if (ceasedOn) {
      const reason = yg >= 14 ? rng.pick(CEASE_REASONS) : rng.pick(CEASE_REASONS.slice(0, 2));
      events.push(
        event(ctx.la, rng, id, ceasedOn, 'plan-ceased', `EHC plan ceased: ${reason.toLowerCase()}`, {
          reason,
        }),
      );
    }
  }
  // A child with no plan and no request yet (parent2@'s, free to ask for a first assessment: a request for a child
  // with a plan is a reassessment, J8) draws a history like a child with a plan, so the generator's stream and the
  // rest of the demo are unchanged, and keeps none of it.
  if (status === 'none') {
    events.length = 0;
    planFirstIssued = null;
  }
  return { events, planFirstIssued, requestDate };
}
