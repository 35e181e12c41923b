/**
 * The voices service on both engines, on the demo authority: each change one transaction with one audit entry, a
 * refused change leaving nothing behind, drafts private to their author, advice due on the clock's date, a
 * professional's requests in order (waiting first, oldest due first), and a family's next review with what is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesFeature } from '../notices/index.ts';
import { registerTemplates } from '../../platform/notify/templates.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import { reviewAdviceDue } from '../../domain/review/index.ts';
import type { Actor } from '../../platform/access/access.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { newFormToken } from '../../platform/change/once.ts';
import { createReviewsService, ReviewFormError } from './service.ts';

const LA = DEMO_LA_CODE;
const TODAY = DEMO_IMAGE_TODAY;

describe.each(ENGINES)('review voices on %s', (engine) => {
  let database: TestDatabase;
  let service: ReturnType<typeof createReviewsService>;
  const actors = new Map<string, Actor>();
  const as = (who: string) => actors.get(who)!;
  const count = async (table: 'audit_log' | 'plan_review_view' | 'plan_review_advice') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    // a decision's letter is queued to the family through the notices feature's templates
    registerTemplates(noticesFeature.templates);
    database = await createTestDatabase(engine, { image: 'demo' });
    service = createReviewsService({
      db: database.db,
      today: () => TODAY,
      jobs: { send: () => Promise.resolve() },
    } as unknown as ServiceDeps);
    for (const who of ['caseworker', 'leader', 'parent', 'parent2', 'youngperson', 'ep', 'health']) {
      const u = await database.db
        .selectFrom('app_user')
        .selectAll()
        .where('email', '=', `${who}@demo.example`)
        .executeTakeFirstOrThrow();
      actors.set(who, {
        laCode: LA,
        userId: u.id,
        sessionId: `test-${who}`,
        email: u.email,
        displayName: u.display_name,
        role: u.role,
        teamId: u.team_id,
        jobTitle: u.job_title,
        ip: null,
      });
    }
  });
  afterAll(() => database?.close());

  it('gives the demo family accounts a review coming up, with what is asked of them and by when', async () => {
    const parent = await service.familyReviews(as('parent'));
    expect(parent).toHaveLength(1);
    const review = parent[0]!.review!;
    expect(review.meetingDate! >= TODAY).toBe(true);
    expect(review.askedBy.date).toBe(reviewAdviceDue(review.meetingDate!).date);
    expect(review.forms.map((f) => [f.about, f.status])).toEqual([
      ['family', 'draft'],
      ['child', 'not-started'],
    ]);
    const young = await service.familyReviews(as('youngperson'));
    expect(young[0]!.review!.forms.map((f) => f.about)).toEqual(['child']);
    expect(await service.familyReviews(as('parent2'))).toEqual([]);
  });

  it('saves and sends views in one audited transaction each; drafts stay private; refusals write nothing', async () => {
    const [mine] = await service.familyReviews(as('parent'));
    const reviewId = mine!.review!.id;
    const planId = (await service.familyReview(as('parent'), reviewId)).review.plan_id;
    const before = await service.planVoices(as('caseworker'), planId);
    expect(before[reviewId]!.views).toEqual([]); // the demo draft is not shown to staff

    const audits = await count('audit_log');
    await service.saveViews(as('parent'), reviewId, 'child', {
      answers: { goingWell: 'Drawing' },
      easyRead: true,
      send: false,
      formToken: newFormToken(),
    });
    expect(await count('audit_log')).toBe(audits + 2); // the child read, and the save
    const views = await count('plan_review_view');
    await expect(
      service.saveViews(as('parent2'), reviewId, 'child', {
        answers: { goingWell: 'x' },
        easyRead: false,
        send: true,
        formToken: newFormToken(),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      service.saveViews(as('youngperson'), reviewId, 'family', {
        answers: { goingWell: 'x' },
        easyRead: false,
        send: true,
        formToken: newFormToken(),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await count('plan_review_view')).toBe(views);

    const sending = {
      answers: { goingWell: 'Drawing', future: 'Make games' },
      easyRead: true,
      send: true,
      formToken: newFormToken(),
    };
    const first = await service.saveViews(as('parent'), reviewId, 'child', sending);
    // sent twice (a double click): one view, and the repeat answers as the first did, with no error
    expect(await service.saveViews(as('parent'), reviewId, 'child', sending)).toEqual(first);
    const after = await service.planVoices(as('caseworker'), planId);
    const sent = after[reviewId]!.views as Array<{ about: string; sent_on: string; timing: string }>;
    expect(sent.map((v) => [v.about, v.sent_on, v.timing])).toEqual([['child', TODAY, 'before']]);
    await expect(
      service.saveViews(as('parent'), reviewId, 'child', {
        answers: { goingWell: 'y' },
        easyRead: true,
        send: true,
        formToken: newFormToken(),
      }),
    ).rejects.toBeInstanceOf(ReviewFormError);
    await expect(service.planVoices(as('parent'), planId)).rejects.toThrow('Forbidden');
  });

  it('asks advice due on the clock’s date; only the professional asked answers, once', async () => {
    const [mine] = await service.familyReviews(as('parent'));
    const reviewId = mine!.review!.id;
    const token = newFormToken();
    const ask = () =>
      service.requestAdvice(as('caseworker'), reviewId, {
        agency: 'other',
        professionalId: as('ep').userId,
        question: null,
        formToken: token,
      });
    const asked = await count('plan_review_advice');
    const made = await ask();
    // the same form sent twice (a double click): one request, and the repeat answers as the first did
    expect(await ask()).toEqual(made);
    expect(await count('plan_review_advice')).toBe(asked + 1);
    const row = (await service.adviceTask(as('caseworker'), made.id!)).advice;
    expect(row.due).toBe(reviewAdviceDue(mine!.review!.meetingDate!).date);
    expect(row.requested).toBe(TODAY);
    await expect(
      service.requestAdvice(as('leader'), reviewId, {
        agency: 'other',
        professionalId: as('ep').userId,
        question: null,
        formToken: newFormToken(),
      }),
    ).rejects.toThrow('Forbidden');
    await expect(service.adviceTask(as('health'), row.id)).rejects.toBeInstanceOf(NotFoundError);
    const answer = { progress: 'Some', working: null, notWorking: null, changes: 'none' };
    const once = { ...answer, formToken: newFormToken() };
    await expect(service.answerAdvice(as('health'), row.id, once)).rejects.toBeInstanceOf(NotFoundError);
    const done = await service.answerAdvice(as('ep'), row.id, once);
    expect(done.received).toBe(TODAY);
    // the same form again is a repeat, not an error; a new answer is refused
    expect((await service.answerAdvice(as('ep'), row.id, once)).received).toBe(TODAY);
    await expect(
      service.answerAdvice(as('ep'), row.id, { ...answer, formToken: newFormToken() }),
    ).rejects.toBeInstanceOf(ReviewFormError);
    await expect(service.answerAdvice(as('ep'), row.id, answer)).rejects.toThrow('This form has expired');
  });

  it("orders a professional's requests: waiting first, oldest due first", async () => {
    const list = await service.adviceRequestsFor(as('ep'), 1, 500);
    expect(list.total).toBeGreaterThan(3);
    const key = (r: { received: string | null; due: string }) => `${r.received ? 1 : 0}${r.due}`;
    const keys = list.rows.map(key);
    expect(keys).toEqual([...keys].sort());
    expect(list.waiting).toBe(list.rows.filter((r) => !r.received).length);
    await expect(service.adviceRequestsFor(as('caseworker'))).rejects.toThrow('Forbidden');
  });
});
