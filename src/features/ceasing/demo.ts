/**
 * The ceasing demo (issue 12 item 8), built as of the demo's day, deterministic (no generator draws, no clock reads):
 * a few plans of the demo authority taken from the end of the plan list, each in one state: the council considering
 * stopping one (the family consulted, the school not yet), one decided and in force while the family can appeal, one
 * ceased (its appeal window closed), one the council decided to keep after consulting; and three moves to another
 * council: one sent on time with the health commissioner told, one sent late, one not sent yet. Then the plans that
 * have ended are applied (the child's plan status, the review schedule), as the daily job would.
 */
import type { Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString, type Random } from '../../demo/random.ts';
import { ageOn } from '../../domain/calendar.ts';
import { ceaseDates } from '../../domain/clock/rules/cease.ts';
import { CEASE_GROUND_INFO, type CeaseGround } from '../../domain/review/index.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { caseEventsOfKindsSince } from '../../platform/people/case-events.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { insertImportedPlans, plansForReturns, plansForReviews } from '../plans/index.ts';
import { applyPlanEndings } from './service.ts';
import { insertCessation, saveTransferOut } from './store.ts';

const MOVES = [
  { name: 'Eastvale Council', code: '991', learned: -45, move: -30, sent: -33, health: -40 },
  { name: 'Northbridge Council', code: '992', learned: -70, move: -60, sent: -38, health: -35 },
  { name: 'Westmere Council', code: '993', learned: -4, move: 25, sent: null, health: null },
] as const;

export async function seedCeasingDemo(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
): Promise<{ cessations: number; transfers: number }> {
  const { laCode, today } = options;
  const day = (n: number) => addDays(today, n);
  const at = (d: string) => new Date(`${d}T10:00:00Z`);
  const children = await childrenForReviews(trx, laCode);
  // plans made at least a year ago, of children with a plan, last first: away from the plans other demos pick first
  const plans = (await plansForReviews(trx, laCode))
    .filter((p) => p.firstIssued <= day(-365) && children.get(p.childId)?.planStatus === 'plan')
    .sort((a, b) => b.id.localeCompare(a.id));
  const pick = (() => {
    const used = new Set<string>();
    return (adult?: boolean) => {
      const plan = plans.find((p) => {
        if (used.has(p.childId)) return false;
        const dob = children.get(p.childId)!.dateOfBirth;
        return adult === undefined || ageOn(dob, today) >= 18 === adult;
      });
      if (plan) used.add(plan.childId);
      return plan;
    };
  })();
  let cessations = 0;
  const cessation = async (
    plan: ReturnType<typeof pick>,
    spec: {
      started: number;
      reason: string;
      family: number | null;
      familySaid: string | null;
      school: number | null;
      schoolSaid: string | null;
      decision?: { on: number; cease: boolean; ground?: keyof typeof CEASE_GROUND_INFO; reasons: string };
    },
  ) => {
    if (!plan) return;
    const ground = spec.decision?.cease ? (spec.decision.ground ?? 'no-longer-necessary') : null;
    await insertCessation(trx, {
      la_code: laCode,
      plan_id: plan.id,
      child_id: plan.childId,
      started_on: day(spec.started),
      reason: spec.reason,
      family_consulted: spec.family === null ? null : day(spec.family),
      family_response: spec.familySaid,
      institution_consulted: spec.school === null ? null : day(spec.school),
      institution_response: spec.schoolSaid,
      decision: spec.decision ? (spec.decision.cease ? 'cease' : 'not-cease') : null,
      decision_date: spec.decision ? day(spec.decision.on) : null,
      ground,
      sen2_reason: ground ? CEASE_GROUND_INFO[ground].sen2 : null,
      decision_reasons: spec.decision?.reasons ?? null,
      created_at: at(day(spec.started)),
      updated_at: at(day(spec.decision?.on ?? spec.started)),
    });
    cessations += 1;
  };

  await cessation(pick(false), {
    started: -12,
    reason:
      'The annual review found the targets in the plan met; the school says support can continue without it.',
    family: -5,
    familySaid: 'We would like to keep the plan until the move to secondary school.',
    school: null,
    schoolSaid: null,
  });
  await cessation(pick(false), {
    started: -70,
    reason: 'Progress at the last review: needs now met from the school’s own resources.',
    family: -55,
    familySaid: 'We agree, provided the speech and language sessions continue.',
    school: -52,
    schoolSaid: 'The school will keep the sessions within its SEN support.',
    decision: { on: -20, cease: true, reasons: 'Needs can be met by SEN support in school.' },
  });
  const adult = pick(true);
  await cessation(adult ?? pick(false), {
    started: -200,
    reason: adult
      ? 'The young person has started a full-time job with training.'
      : 'Needs met without the plan, as the last two reviews found.',
    family: -185,
    familySaid: adult ? 'I do not want to continue at college.' : 'We agree.',
    school: -183,
    schoolSaid: 'No objection.',
    decision: {
      on: -160,
      cease: true,
      ground: adult ? 'paid-employment' : 'no-longer-necessary',
      reasons: adult ? 'Moved on to paid employment.' : 'Needs can be met by SEN support.',
    },
  });
  await cessation(pick(false), {
    started: -90,
    reason: 'The school suggested the plan may no longer be needed.',
    family: -80,
    familySaid: 'We do not agree: the support in the plan is why things are going well.',
    school: -78,
    schoolSaid: 'On reflection the school would rather keep the plan for another year.',
    decision: {
      on: -60,
      cease: false,
      reasons: 'After consulting, the plan is still needed for the coming year.',
    },
  });

  let transfers = 0;
  for (const m of MOVES) {
    const plan = pick(false);
    if (!plan) break;
    await saveTransferOut(trx, {
      la_code: laCode,
      plan_id: plan.id,
      child_id: plan.childId,
      learned_on: day(m.learned),
      move_date: day(m.move),
      to_authority: m.name,
      to_authority_code: m.code,
      sent_on: m.sent === null ? null : day(m.sent),
      health_told_on: m.health === null ? null : day(m.health),
      created_at: at(day(m.learned)),
      updated_at: at(day(m.sent ?? m.learned)),
    });
    transfers += 1;
  }
  await applyPlanEndings(trx, { laCode, userId: null, sessionId: null, ip: null }, today, undefined, at);
  const ended = await recordEndedPlans(trx, laCode, today);
  return { cessations: cessations + ended.cessations, transfers: transfers + ended.transfers };
}

/** The ground of a decision to cease for the reason the history gives, lawful for the young person's age then. */
function groundFor(reason: string, adult: boolean): CeaseGround {
  const ground: CeaseGround = /paid employment/i.test(reason)
    ? 'paid-employment'
    : /higher education/i.test(reason)
      ? 'higher-education'
      : /no longer wishes/i.test(reason)
        ? 'left-education'
        : 'no-longer-necessary';
  return adult || CEASE_GROUND_INFO[ground].under18 ? ground : 'no-longer-necessary';
}

/**
 * The day a decision to cease was sent for the plan to cease on `ceasedOn` with no appeal: the latest day whose
 * ceasing day (the day after the last day to appeal) is not after it, searched back from 40 days before.
 */
export function decisionForCeasing(ceasedOn: string): { decided: string; ceasesOn: string } {
  for (let back = 40; back <= 120; back++) {
    const decided = addDays(ceasedOn, -back);
    const ceasesOn = ceaseDates({ decisionSent: decided }).ceasesOn?.date;
    if (ceasesOn && ceasesOn <= ceasedOn) return { decided, ceasesOn };
  }
  throw new Error(`no decision day for a plan ceasing on ${ceasedOn}`);
}

const FAMILY_SAID = [
  'We agree the plan is no longer needed.',
  'We agree, as long as the support at school carries on.',
  'No response was received.',
  'We are happy with the decision.',
] as const;
const SCHOOL_SAID = [
  'The setting agrees and will meet needs from its own resources.',
  'No objection.',
  'The setting agrees.',
] as const;
const OTHER_COUNCILS = [
  { name: 'Eastvale Council', code: '991' },
  { name: 'Northbridge Council', code: '992' },
  { name: 'Westmere Council', code: '993' },
] as const;

/**
 * Each plan the core history records as ended (`plan-ceased`, the demo's children whose plan status is `ceased`)
 * carries its ending in this feature's own records, so the plans and the SEN2 return read its day and reason: the plan
 * itself (a final plan as one read in from a return, issued on the day the history gives, naming the child's setting)
 * and either a transfer to another council (sent, and left, on the day it ended: reason 5) or a procedure (started,
 * the family and the setting consulted, decided with the ground for the history's reason, ceased the day after the last
 * day to appeal, on or just before the history's day). Drawn from its own stream, one per child (the demo's sequence
 * is unchanged); recorded as already applied, so no second history entry or audit entry is written.
 */
async function recordEndedPlans(
  trx: Transaction<DB>,
  laCode: string,
  today: string,
): Promise<{ cessations: number; transfers: number }> {
  const children = await childrenForReviews(trx, laCode);
  const events = await caseEventsOfKindsSince(trx, laCode, ['plan-issued', 'plan-ceased'], '2000-01-01');
  const issued = new Map<string, string>();
  const endings = new Map<string, { day: string; reason: string }>();
  for (const e of events) {
    if (children.get(e.child_id)?.planStatus !== 'ceased') continue;
    if (e.kind === 'plan-issued' && !issued.has(e.child_id)) issued.set(e.child_id, e.day);
    if (e.kind === 'plan-ceased') {
      const reason = (e.detail as { reason?: unknown } | null)?.reason;
      endings.set(e.child_id, {
        day: e.day,
        reason: typeof reason === 'string' ? reason : 'Needs met without an EHC plan',
      });
    }
  }
  const ended = [...endings.keys()].filter((id) => issued.has(id)).sort();
  await insertImportedPlans(
    trx,
    laCode,
    ended.map((childId) => ({
      childId,
      caseId: null,
      finalIssued: issued.get(childId)!,
      placementSettingId: children.get(childId)?.setting?.id ?? null,
    })),
  );
  const planOf = new Map((await plansForReturns(trx, laCode)).map((p) => [p.child_id, p]));
  const root = createRandom(hashString(`ceasing-ended:${laCode}`));
  const at = (d: string, rng: Random) => new Date(`${d}T${String(rng.int(9, 16)).padStart(2, '0')}:00:00Z`);
  let cessations = 0;
  let transfers = 0;
  for (const childId of ended) {
    const plan = planOf.get(childId);
    const child = children.get(childId)!;
    if (!plan || plan.final_issued === null) continue;
    const { day, reason } = endings.get(childId)!;
    const rng = root.fork(childId);
    if (/another local authority/i.test(reason)) {
      const to = rng.pick(OTHER_COUNCILS);
      const learned = addDays(day, -rng.int(20, 45));
      await saveTransferOut(trx, {
        la_code: laCode,
        plan_id: plan.id,
        child_id: childId,
        learned_on: learned,
        move_date: addDays(learned, rng.int(5, 15)),
        to_authority: to.name,
        to_authority_code: to.code,
        sent_on: day,
        health_told_on: addDays(day, -rng.int(0, 5)),
        left_on: day,
        created_at: at(learned, rng),
        updated_at: at(day, rng),
      });
      transfers += 1;
      continue;
    }
    const { decided, ceasesOn } = decisionForCeasing(day);
    const adult = ageOn(child.dateOfBirth, decided) >= 18;
    const ground = groundFor(reason, adult);
    const started = addDays(decided, -rng.int(35, 70));
    const named = child.setting !== null;
    await insertCessation(trx, {
      la_code: laCode,
      plan_id: plan.id,
      child_id: childId,
      started_on: started,
      reason,
      family_consulted: addDays(started, rng.int(2, 10)),
      family_response: rng.pick(FAMILY_SAID),
      institution_consulted: named ? addDays(started, rng.int(2, 12)) : null,
      institution_response: named ? rng.pick(SCHOOL_SAID) : null,
      decision: 'cease',
      decision_date: decided,
      ground,
      sen2_reason: CEASE_GROUND_INFO[ground].sen2,
      decision_reasons: reason,
      review_establishing_no_return: ground === 'left-education' ? addDays(started, -rng.int(7, 30)) : null,
      ceased_on: ceasesOn <= today ? ceasesOn : null,
      created_at: at(started, rng),
      updated_at: at(ceasesOn, rng),
    });
    cessations += 1;
  }
  return { cessations, transfers };
}
