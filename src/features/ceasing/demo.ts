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
import { ageOn } from '../../domain/calendar.ts';
import { CEASE_GROUND_INFO } from '../../domain/review/index.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { plansForReviews } from '../plans/index.ts';
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
  return { cessations, transfers };
}
