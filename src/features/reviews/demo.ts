/**
 * The reviews demo (issue 12 item 8), built as of the day the demo is (DemoSeedOptions.today), deterministic (a seeded
 * generator, no clock reads). Every demo plan gets its review history: a review record for each review meeting the
 * child's history records (the core records' `review-held` events, which the plans' demo also dates its next review
 * from), mostly on time with some paperwork late, the latest ones still waiting for their report or decision; the next
 * review scheduled or arranged when it is coming up, and about half the overdue ones not yet arranged; a few early
 * review requests; four plans transferred in from another council at different stages (demo-transfers.ts). Then every
 * plan's schedule is refreshed.
 */
import type { Insertable, Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import type { DB, PlanReviewTable } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { caseEventDays, recordCaseEvents } from '../../platform/people/case-events.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  EARLY_REVIEW_REASONS,
  EARLY_REVIEW_REASON_LABELS,
  reviewSchedule,
} from '../../domain/review/index.ts';
import { PLAN_LETTER_LABELS } from '../notices/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { seedReviewVoicesDemo } from './demo-voices.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { demoTransfersIn } from './demo-transfers.ts';
import { insertEarlyRequest, insertReviews, saveTransferIn } from './store.ts';

const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * Each decided review's letter to the family in the child's history, on the day of the decision, as the service
 * writes it when a review is decided (`sendPlanLetter`): the "review decided" milestone the register's survey offers
 * after (ADR 0034), and the letter's page from the history.
 */
async function recordDemoDecisionLetters(
  trx: Transaction<DB>,
  laCode: string,
  rows: readonly Insertable<PlanReviewTable>[],
): Promise<void> {
  const link = (id: string) => paths.notices.letter('review-decision', id);
  await recordCaseEvents(
    { trx, actor: { laCode, userId: null } },
    rows
      .filter((r) => r.decision_date && r.id)
      .map((r) => ({
        childId: r.child_id,
        kind: 'letter.sent',
        summary: `${PLAN_LETTER_LABELS['review-decision']} sent to the family`,
        detail: { kind: 'review-decision', recordId: r.id, planId: r.plan_id, link: link(r.id!) },
        at: new Date(`${r.decision_date}T11:00:00Z`),
      })),
  );
}

export async function seedReviewsDemo(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
): Promise<{ reviews: number; schedules: number }> {
  const { laCode, today } = options;
  const rng = createRandom(hashString(`reviews:${today}`));
  const held = new Map<string, string[]>();
  for (const e of await caseEventDays(trx, laCode, 'review-held')) {
    held.set(e.child_id, [...(held.get(e.child_id) ?? []), e.day]);
  }
  const rows: Insertable<PlanReviewTable>[] = [];
  const early: Array<{ plan_id: string; child_id: string }> = [];
  const plans = await plansForReviews(trx, laCode);
  for (const plan of plans) {
    if (plan.firstIssued > today) continue;
    const meetings = [...new Set(held.get(plan.childId) ?? [])]
      .filter((d) => d > plan.firstIssued && d <= today)
      .sort();
    meetings.forEach((m, i) => {
      const age = Number(new Date(`${today}T00:00:00Z`)) - Number(new Date(`${m}T00:00:00Z`));
      const daysAgo = Math.round(age / 86_400_000);
      const invitations = addDays(
        m,
        -rng.weighted([
          [rng.int(14, 28), 85],
          [rng.int(8, 13), 15],
        ] as const),
      );
      const advice = addDays(
        m,
        -rng.weighted([
          [rng.int(14, 21), 80],
          [rng.int(5, 13), 20],
        ] as const),
      );
      const report = addDays(
        m,
        rng.weighted([
          [rng.int(3, 14), 80],
          [rng.int(15, 30), 20],
        ] as const),
      );
      const decision = addDays(
        m,
        rng.weighted([
          [rng.int(15, 28), 75],
          [rng.int(29, 45), 25],
        ] as const),
      );
      const reportSent = report <= today ? report : null;
      const decided = reportSent !== null && decision <= today && decision >= reportSent;
      rows.push({
        la_code: laCode,
        plan_id: plan.id,
        child_id: plan.childId,
        number: i + 1,
        kind: 'annual',
        arranged_by: rng.chance(0.85) ? 'school' : 'authority',
        meeting_date: m,
        invitations_sent: minDay(invitations, m),
        advice_circulated: minDay(advice, m),
        held: m,
        report_sent: daysAgo < 3 ? null : reportSent,
        decision: decided && daysAgo >= 3 ? (rng.chance(0.55) ? 'amend' : 'maintain') : null,
        decision_date: decided && daysAgo >= 3 ? decision : null,
      });
    });
    // the next review, by how soon it is due
    const next = reviewSchedule({ asOf: today, firstIssued: plan.firstIssued, meetings });
    const toDue = next.daysOverdue > 0 ? -next.daysOverdue : (next.daysUntilDue ?? 0);
    let meeting: string | null = null;
    if (toDue < 0) {
      if (rng.chance(0.5)) meeting = addDays(today, rng.int(7, 35));
    } else if (toDue <= 56) {
      meeting = addDays(today, Math.max(1, rng.int(Math.max(1, toDue - 21), Math.max(1, toDue))));
    } else if (toDue <= 84 && rng.chance(0.3)) {
      meeting = addDays(today, rng.int(toDue - 28, toDue));
    }
    if (meeting) {
      const noticeBy = addDays(meeting, -14);
      const arranged = noticeBy <= today ? minDay(addDays(meeting, -rng.int(14, 21)), today) : null;
      rows.push({
        la_code: laCode,
        plan_id: plan.id,
        child_id: plan.childId,
        number: meetings.length + 1,
        kind: 'annual',
        arranged_by: rng.chance(0.85) ? 'school' : 'authority',
        meeting_date: meeting,
        invitations_sent: arranged,
        advice_circulated: arranged && rng.chance(0.7) ? arranged : null,
      });
    }
    if (rng.chance(0.03)) early.push({ plan_id: plan.id, child_id: plan.childId });
  }
  // a few plans transferred in from another council, at different stages (demo-transfers.ts), before the reviews
  // are written: the one after the transfer goes in with the rest
  const transfers = demoTransfersIn(laCode, today, plans, rows);
  // Ids from a generator of their own (the draws above stay as they were), so the decision letters below can name
  // their review in the children's histories the same way on every seeding.
  const ids = createRandom(hashString(`review-ids:${today}`));
  for (const r of rows) r.id = ids.uuid();
  await insertReviews(trx, rows);
  await recordDemoDecisionLetters(trx, laCode, rows);
  for (const t of transfers) await saveTransferIn(trx, t);
  const reasons = EARLY_REVIEW_REASONS.filter((r) => r !== 'other');
  for (const e of early) {
    const reason = rng.pick(reasons);
    await insertEarlyRequest(trx, {
      la_code: laCode,
      ...e,
      reason,
      details: `${EARLY_REVIEW_REASON_LABELS[reason]} (demo).`,
      requested_on: addDays(today, -rng.int(1, 20)),
    });
  }
  await seedReviewVoicesDemo(trx, options);
  return { reviews: rows.length, schedules: await refreshReviewSchedules(trx, laCode, today) };
}
