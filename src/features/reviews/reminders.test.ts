/**
 * Reminders before a review's dates on both engines, on the demo authority (docs/reviews.md "Reminders"): a
 * professional whose review advice is due within the week is reminded once; each family account that has not sent
 * its views is reminded once in the week before the day they are asked by, and again only when the meeting moves
 * (a new date); a family that has sent its views is not; a family is reminded once of the last day to comment on
 * proposed amendments, except an account that has commented on the proposal, and a parent without an account by the
 * route they have (email, or a letter by post, with who to contact). Each run repeated sends nothing more, and
 * nothing is sent before the week or after the date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createUser, grant } from '../../../test/helpers/factories.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import { runCommentReminders } from '../amendments/index.ts';
import { runReviewReminders } from './index.ts';

const LA = DEMO_LA_CODE;
const plus = (iso: string, days: number) => formatDate(parseDate(iso) + days);

describe.each(ENGINES)('review reminders on %s', (engine) => {
  let t: TestApp;
  let parentId: string;
  let healthId: string;
  let review: { id: string; child_id: string; plan_id: string };
  const meeting = '2027-03-15';

  const sentTo = async (userId: string, template: string) =>
    (
      await t.database.db
        .selectFrom('notification')
        .select(['body', 'subject'])
        .where('la_code', '=', LA)
        .where('user_id', '=', userId)
        .where('template', '=', template)
        .where('child_id', '=', review.child_id)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    const db = t.database.db;
    const user = (email: string) =>
      db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    parentId = (await user('parent@demo.example')).id;
    healthId = (await user('health@demo.example')).id;
    // the parent's child's open review (the demo has one coming up), moved to a meeting day of the test's choosing
    review = await db
      .selectFrom('plan_review as r')
      .innerJoin('access_grant as g', (j) => j.onRef('g.child_id', '=', 'r.child_id'))
      .select(['r.id', 'r.child_id', 'r.plan_id'])
      .where('g.user_id', '=', parentId)
      .where('g.revoked_at', 'is', null)
      .where('r.held', 'is', null)
      .where('r.decision', 'is', null)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('plan_review')
      .set({ meeting_date: meeting })
      .where('la_code', '=', LA)
      .where('id', '=', review.id)
      .execute();
    // the parent has sent no views for it yet (the demo's draft stays a draft)
    await db
      .deleteFrom('plan_review_view')
      .where('la_code', '=', LA)
      .where('review_id', '=', review.id)
      .where('sent_on', 'is not', null)
      .execute();
    // health@'s advice asked by this test (any the demo asked of health@ for this review replaced)
    await db
      .deleteFrom('plan_review_advice')
      .where('la_code', '=', LA)
      .where('review_id', '=', review.id)
      .where('professional_user_id', '=', healthId)
      .execute();
    await db
      .insertInto('plan_review_advice')
      .values({
        la_code: LA,
        review_id: review.id,
        plan_id: review.plan_id,
        child_id: review.child_id,
        agency: 'health',
        professional_user_id: healthId,
        requested: '2027-02-01',
        due: plus(meeting, -14),
      })
      .execute();
  });
  afterAll(() => t?.close());

  it('reminds the professional of their advice and the family of their views once, in the week before the date', async () => {
    const db = t.database.db;
    const due = plus(meeting, -14);
    // 8 days before: too early for either
    await runReviewReminders(db, t.jobs, LA, plus(due, -8));
    expect(await sentTo(healthId, 'review-advice-reminder')).toBe(0);
    expect(await sentTo(parentId, 'review-views-reminder')).toBe(0);
    // 7 days before: both reminded, with the date
    const first = await runReviewReminders(db, t.jobs, LA, plus(due, -7));
    expect(first.advice).toBeGreaterThanOrEqual(1);
    expect(first.views).toBeGreaterThanOrEqual(1);
    expect(await sentTo(healthId, 'review-advice-reminder')).toBe(1);
    expect(await sentTo(parentId, 'review-views-reminder')).toBe(1);
    const [advice] = await db
      .selectFrom('notification')
      .select('body')
      .where('user_id', '=', healthId)
      .where('template', '=', 'review-advice-reminder')
      .where('child_id', '=', review.child_id)
      .execute();
    expect(advice!.body).toContain('1 March 2027');
    expect(advice!.body).toContain('/review-advice/');
    // the same day again, and the days after: nothing more
    expect(await runReviewReminders(db, t.jobs, LA, plus(due, -7))).toEqual({ advice: 0, views: 0 });
    await runReviewReminders(db, t.jobs, LA, plus(due, -1));
    await runReviewReminders(db, t.jobs, LA, due);
    expect(await sentTo(healthId, 'review-advice-reminder')).toBe(1);
    expect(await sentTo(parentId, 'review-views-reminder')).toBe(1);
    // after the date: no reminder (the date has passed)
    await runReviewReminders(db, t.jobs, LA, plus(due, 1));
    expect(await sentTo(parentId, 'review-views-reminder')).toBe(1);
  });

  it('reminds again when the meeting moves, but not a family that has sent its views', async () => {
    const db = t.database.db;
    const moved = '2027-04-12';
    await db
      .updateTable('plan_review')
      .set({ meeting_date: moved })
      .where('la_code', '=', LA)
      .where('id', '=', review.id)
      .execute();
    await runReviewReminders(db, t.jobs, LA, plus(moved, -20));
    expect(await sentTo(parentId, 'review-views-reminder')).toBe(2);
    const again = '2027-05-10';
    await db
      .updateTable('plan_review')
      .set({ meeting_date: again })
      .where('la_code', '=', LA)
      .where('id', '=', review.id)
      .execute();
    // the parent's draft, sent
    await db
      .deleteFrom('plan_review_view')
      .where('la_code', '=', LA)
      .where('review_id', '=', review.id)
      .where('author_user_id', '=', parentId)
      .where('about', '=', 'family')
      .execute();
    await db
      .insertInto('plan_review_view')
      .values({
        la_code: LA,
        review_id: review.id,
        plan_id: review.plan_id,
        child_id: review.child_id,
        about: 'family',
        author_user_id: parentId,
        going_well: 'Reading is better.',
        sent_on: '2027-04-01',
        sent_at: new Date('2027-04-01T10:00:00Z'),
      })
      .execute();
    await runReviewReminders(db, t.jobs, LA, plus(again, -20));
    expect(await sentTo(parentId, 'review-views-reminder')).toBe(2);
  });

  it('reminds the family once of the last day to comment on proposed amendments, each by their route, but not who has commented', async () => {
    const db = t.database.db;
    // a second parent with an account who has commented on the proposal, and two with parental responsibility and
    // no account: one with an email address, one with a postal address only
    const commenter = await createUser(db, LA, 'parent');
    await grant(db, LA, commenter.id, review.child_id, 'parent');
    const member = (given: string, email: string | null, preference: 'email' | 'letter') =>
      db
        .insertInto('family_member')
        .values({
          la_code: LA,
          child_id: review.child_id,
          given_name: given,
          family_name: 'Reminderton',
          relationship: 'Parent',
          parental_responsibility: true,
          email,
          address_line: '7 Kiln Row, Upper Beck',
          town: 'Denmoor',
          postcode: 'DN4 5EF',
          contact_preference: preference,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const byEmail = await member('Robin', 'robin.reminderton@example.com', 'email');
    const byPost = await member('Sasha', null, 'letter');
    // a member without parental responsibility is not the council's to remind
    await db
      .insertInto('family_member')
      .values({
        la_code: LA,
        child_id: review.child_id,
        given_name: 'Grandparent',
        family_name: 'Reminderton',
        relationship: 'Grandparent',
        parental_responsibility: false,
        email: 'grandparent.reminderton@example.com',
        contact_preference: 'email',
      })
      .execute();
    const version = await db
      .selectFrom('ehc_plan_version')
      .select('id')
      .where('la_code', '=', LA)
      .where('plan_id', '=', review.plan_id)
      .where('kind', 'in', ['final', 'amended'])
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    const sent = '2027-06-01';
    const amendment = await db
      .insertInto('plan_amendment')
      .values({
        la_code: LA,
        plan_id: review.plan_id,
        child_id: review.child_id,
        trigger: 'change-of-need',
        details: 'A new diagnosis changes what support is needed',
        started_on: '2027-05-20',
        in_force_version_id: version.id,
        proposal_version_id: version.id,
        proposal_sent: sent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('ehc_plan_comment')
      .values({
        la_code: LA,
        plan_id: review.plan_id,
        version_id: version.id,
        section: 'F',
        item_id: null,
        author_id: commenter.id,
        author_kind: 'family',
        body: 'The speech and language sessions should stay weekly.',
        idempotency_key: `${commenter.id}:reminder-test`,
      })
      .execute();
    const end = plus(sent, 14);
    expect(await runCommentReminders(db, t.jobs, LA, plus(end, -6))).toBe(0);
    expect(await runCommentReminders(db, t.jobs, LA, plus(end, -5))).toBeGreaterThanOrEqual(1);
    expect(await runCommentReminders(db, t.jobs, LA, plus(end, -5))).toBe(0);
    expect(await runCommentReminders(db, t.jobs, LA, end)).toBe(0);
    expect(await sentTo(parentId, 'amendment-comments-reminder')).toBe(1);
    const [mail] = await db
      .selectFrom('notification')
      .select('body')
      .where('user_id', '=', parentId)
      .where('template', '=', 'amendment-comments-reminder')
      .execute();
    expect(mail!.body).toContain('15 June 2027');
    expect(mail!.body).toContain(`/your-plans/${review.plan_id}/proposal`);
    // the parent who has commented: no reminder
    expect(await sentTo(commenter.id, 'amendment-comments-reminder')).toBe(0);
    // without an account: an email, and a letter to the postal address, each once, saying who to contact
    const contacted = await db
      .selectFrom('notification')
      .select(['channel', 'recipient', 'subject', 'body', 'user_id'])
      .where('la_code', '=', LA)
      .where('child_id', '=', review.child_id)
      .where('template', '=', 'amendment-comments-reminder-contact')
      .where('recipient', 'like', '%eminderton%')
      .orderBy('channel')
      .execute();
    expect(contacted.map((m) => [m.channel, m.recipient, m.user_id])).toEqual([
      ['email', 'robin.reminderton@example.com', null],
      ['letter', 'Sasha Reminderton\n7 Kiln Row\nUpper Beck\nDenmoor\nDN4 5EF', null],
    ]);
    expect(contacted.some((m) => m.recipient.startsWith('grandparent'))).toBe(false);
    for (const m of contacted) {
      expect(m.subject).toContain('15 June 2027');
      expect(m.body).toContain('15 June 2027');
      expect(m.body).toMatch(/tell .+ \(email [^ ]+@[^ ]+/);
      expect(m.body).not.toContain('sign in');
    }
    const claimed = await db
      .selectFrom('plan_review_reminder')
      .select(['kind', 'due', 'user_id', 'family_member_id'])
      .where('la_code', '=', LA)
      .where('record_id', '=', amendment.id)
      .execute();
    expect(claimed.map((c) => [c.kind, c.due])).toEqual(
      claimed.map(() => ['proposal-comments', '2027-06-15']),
    );
    expect(claimed.map((c) => c.family_member_id).filter((id) => id !== null)).toEqual(
      expect.arrayContaining([byEmail.id, byPost.id]),
    );
    expect(claimed.some((c) => c.user_id === commenter.id)).toBe(false);
  });
});
