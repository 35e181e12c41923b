/**
 * The held reviews the leaders' figures count, worked out in SQL (`heldReviewsForFigures`, ADR 0059), on both
 * engines: the meeting before each (from outside the figures' 24 months too), none after a decision to cease sent by
 * the day, none held after the day, only those whose meeting or decision falls in the 24 months; their items by the
 * clock's rules are exactly those of the domain's `reviewItems` over the plan's whole list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { createAuthority, createChild } from '../../../test/helpers/factories.ts';
import { heldReviewItems, reviewItems, type FigureItem } from '../../domain/figures/index.ts';
import { heldReviewsForFigures } from './index.ts';

const LA = '941';
const SINCE = '2024-12-01';

describe.each(ENGINES)('the held reviews the figures count, on %s', (engine) => {
  let database: TestDatabase;
  const plans: Record<string, { planId: string; childId: string; firstIssued: string }> = {};
  const reviews: Record<
    string,
    Array<{ held: string; decision?: 'maintain' | 'amend' | 'cease'; decisionDate?: string }>
  > = {
    // Met in 2023 (before the 24 months), then late in 2025: the 2025 meeting is due 12 months from 2023's.
    ann: [
      { held: '2023-05-10', decision: 'maintain', decisionDate: '2023-05-20' },
      { held: '2025-01-15', decision: 'amend', decisionDate: '2025-03-01' },
      { held: '2026-01-10' },
    ],
    // Ceased at the second review (decided 2025-09-01): the meeting recorded after it is not counted.
    bob: [
      { held: '2025-02-01', decision: 'maintain', decisionDate: '2025-02-10' },
      { held: '2025-08-01', decision: 'cease', decisionDate: '2025-09-01' },
      { held: '2026-02-01', decision: 'maintain', decisionDate: '2026-02-05' },
    ],
    // A decision to cease sent after the day does not end the reviews as of the day; a meeting after the day is not
    // held yet; a meeting in November 2024 counts only by its decision, sent in December.
    cat: [
      { held: '2024-11-20', decision: 'maintain', decisionDate: '2024-12-05' },
      { held: '2025-11-01', decision: 'cease', decisionDate: '2026-11-25' },
      { held: '2026-11-22' },
    ],
  };
  const firstIssued: Record<string, string> = { ann: '2022-05-01', bob: '2024-02-01', cat: '2023-11-01' };
  const AS_OF = '2026-11-20';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    await createAuthority(db, LA);
    for (const [name, list] of Object.entries(reviews)) {
      const child = await createChild(db, LA, { givenName: name, familyName: 'Reviews' });
      const plan = await db
        .insertInto('ehc_plan')
        .values({ la_code: LA, child_id: child.id, status: 'final', final_issued: firstIssued[name]! })
        .returning('id')
        .executeTakeFirstOrThrow();
      plans[name] = { planId: plan.id, childId: child.id, firstIssued: firstIssued[name]! };
      await db
        .insertInto('plan_review_schedule')
        .values({
          la_code: LA,
          plan_id: plan.id,
          child_id: child.id,
          first_issued: firstIssued[name]!,
          next_number: list.length + 1,
          next_due: '2027-06-01',
          basis: 'last-meeting',
          counted_from: '2026-06-01',
          stage: 'not-arranged',
          refreshed_on: AS_OF,
        })
        .execute();
      await db
        .insertInto('plan_review')
        .values(
          list.map((r, n) => ({
            la_code: LA,
            plan_id: plan.id,
            child_id: child.id,
            number: n + 1,
            kind: 'annual' as const,
            arranged_by: 'school' as const,
            held: r.held,
            decision: r.decision ?? null,
            decision_date: r.decisionDate ?? null,
          })),
        )
        .execute();
    }
  });
  afterAll(() => database?.close());

  const key = (i: FigureItem) => `${i.measure} ${i.date} due ${i.due} ${i.met ? 'met' : 'late'}`;

  it('gives the items the domain counts from the whole list, in the 24 months', async () => {
    const rows = await heldReviewsForFigures(database.db, LA, SINCE, AS_OF);
    for (const [name, plan] of Object.entries(plans)) {
      const ids = (
        await database.db
          .selectFrom('plan_review')
          .select(['id', 'number'])
          .where('plan_id', '=', plan.planId)
          .orderBy('number')
          .execute()
      ).map((r) => r.id);
      const expected = reviewItems(
        {
          planId: plan.planId,
          childId: plan.childId,
          teamId: null,
          firstIssued: plan.firstIssued,
          reviews: reviews[name]!.map((r, n) => ({
            id: ids[n]!,
            held: r.held,
            decision: r.decision ? { date: r.decisionDate!, outcome: r.decision } : null,
          })),
        },
        AS_OF,
      ).filter((i) => i.date >= SINCE);
      const fromSql = rows
        .filter((r) => r.plan_id === plan.planId)
        .flatMap((r) =>
          heldReviewItems(
            {
              id: r.id,
              childId: r.child_id,
              teamId: null,
              firstIssued: r.first_issued,
              held: r.held,
              previousMeeting: r.previous_held,
              decision: r.decision && r.decision_date ? { date: r.decision_date, outcome: r.decision } : null,
            },
            AS_OF,
          ),
        )
        .filter((i) => i.date >= SINCE);
      expect(fromSql.map(key), name).toEqual(expected.map(key));
      expect(fromSql.length, name).toBeGreaterThan(0);
    }
  });

  it('dates each meeting from the one before, leaves out what follows a cease and what is not held yet', async () => {
    const rows = await heldReviewsForFigures(database.db, LA, SINCE, AS_OF);
    const of = (name: string) =>
      rows.filter((r) => r.plan_id === plans[name]!.planId).map((r) => [r.held, r.previous_held]);
    expect(of('ann')).toEqual([
      ['2025-01-15', '2023-05-10'],
      ['2026-01-10', '2025-01-15'],
    ]);
    expect(of('bob')).toEqual([
      ['2025-02-01', null],
      ['2025-08-01', '2025-02-01'],
    ]);
    expect(of('cat')).toEqual([
      ['2024-11-20', null],
      ['2025-11-01', '2024-11-20'],
    ]);
    // As of a day before the 2025 cease decision, bob's third meeting had not happened; as of its decision, it ends.
    const earlier = await heldReviewsForFigures(database.db, LA, SINCE, '2025-08-31');
    expect(earlier.filter((r) => r.plan_id === plans.bob!.planId).map((r) => r.held)).toEqual([
      '2025-02-01',
      '2025-08-01',
    ]);
  });
});
