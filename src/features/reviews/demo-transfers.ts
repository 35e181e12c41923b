/**
 * Plans transferred in from another council, in the demo (issue 12 item 8; S11 inbound; docs/reviews.md "Transfers
 * in"). Deterministic: no generator draws and no clock reads, every date counted from the demo's day. Four plans at
 * four stages of the reg 15 procedure:
 *
 * 1. arrived 12 days ago, the family not told yet (the notice due in 30 days);
 * 2. arrived 55 days ago, the family still not told: the notice overdue (6 weeks, reg 15(4));
 * 3. arrived 60 days ago, the family told on time (no new assessment proposed), the review after the transfer set
 *    for 20 days ahead (within the 3 months beginning with the transfer, reg 15(5));
 * 4. arrived 200 days ago, the family told late (50 days, a new assessment proposed), the review after the transfer
 *    held and decided (keep the plan).
 *
 * The plans are taken in id order among plans made at least 2 years before the demo's day whose reviews are all
 * decided (so no open review and no amendment comes from them: the amendments demo takes reviews decided to amend),
 * the last meeting at least a month before the transfer. The placement is the plan's own (section I), kept until the
 * plan is amended (CoP 9.159): nothing here changes it.
 */
import type { Insertable } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import type { PlanReviewTable, PlanReviewTransferInTable } from '../../platform/db/schema/index.ts';
import type { PlanForReviews } from '../plans/index.ts';

interface Stage {
  readonly from: string;
  /** Days from the demo's day. */
  readonly transferred: number;
  readonly told: number | null;
  /** Whether the council told the family it proposes to reassess (reg 15(4)); null while they are not told. */
  readonly reassess: boolean | null;
  /** The review after the transfer: scheduled (meeting ahead) or held and decided. */
  readonly review?: { readonly meeting: number; readonly held: boolean };
}

export const DEMO_TRANSFERS_IN: readonly Stage[] = [
  { from: 'Fenwick Borough Council', transferred: -12, told: null, reassess: null },
  { from: 'Harrowgate City Council', transferred: -55, told: null, reassess: null },
  {
    from: 'Kingsmere County Council',
    transferred: -60,
    told: -35,
    reassess: false,
    review: { meeting: 20, held: false },
  },
  {
    from: 'Lowther Council',
    transferred: -200,
    told: -150,
    reassess: true,
    review: { meeting: -120, held: true },
  },
];

/**
 * Picks the demo's transferred plans and returns their transfer-in rows, adding each one's review after the transfer
 * to `reviews` (the rows the reviews demo is about to insert).
 */
export function demoTransfersIn(
  laCode: string,
  today: string,
  plans: readonly PlanForReviews[],
  reviews: Insertable<PlanReviewTable>[],
): Insertable<PlanReviewTransferInTable>[] {
  const day = (n: number) => addDays(today, n);
  const byPlan = new Map<string, Insertable<PlanReviewTable>[]>();
  for (const r of reviews) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
  const used = new Set<string>();
  const candidates = [...plans]
    .filter((p) => p.firstIssued <= day(-730))
    .sort((a, b) => a.id.localeCompare(b.id));
  const out: Insertable<PlanReviewTransferInTable>[] = [];
  for (const stage of DEMO_TRANSFERS_IN) {
    const transferred = day(stage.transferred);
    const plan = candidates.find((p) => {
      if (used.has(p.childId)) return false;
      const rows = byPlan.get(p.id) ?? [];
      return (
        rows.length > 0 &&
        rows.every((r) => r.held && r.held <= addDays(transferred, -30) && r.decision === 'maintain')
      );
    });
    if (!plan) continue;
    used.add(plan.childId);
    out.push({
      la_code: laCode,
      plan_id: plan.id,
      child_id: plan.childId,
      transferred_on: transferred,
      from_authority: stage.from,
      notice_sent: stage.told === null ? null : day(stage.told),
      proposes_reassessment: stage.reassess,
      created_at: new Date(`${transferred}T10:00:00Z`),
    });
    if (!stage.review) continue;
    const meeting = day(stage.review.meeting);
    const held = stage.review.held;
    reviews.push({
      la_code: laCode,
      plan_id: plan.id,
      child_id: plan.childId,
      number: (byPlan.get(plan.id)?.length ?? 0) + 1,
      kind: 'transfer-in',
      arranged_by: 'authority',
      meeting_date: meeting,
      invitations_sent: held ? addDays(meeting, -18) : null,
      advice_circulated: held ? addDays(meeting, -15) : null,
      held: held ? meeting : null,
      report_sent: held ? addDays(meeting, 10) : null,
      decision: held ? 'maintain' : null,
      decision_date: held ? addDays(meeting, 25) : null,
    });
  }
  return out;
}
