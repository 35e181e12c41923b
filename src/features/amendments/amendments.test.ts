/**
 * The amendments service and its table on both engines, on the demo authority: S1's amendment example (meeting
 * Monday 2026-02-02, proposal 2026-03-02, comments until 2026-03-16, the amended plan by 2026-04-27, a new version of
 * the same plan that does not move the next review), an amended plan without a proposal refused by the plan itself,
 * an amendment outside a review ended by a late decision not to amend with its rights, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesFeature } from '../notices/index.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE } from '../../demo/accounts.ts';
import type { Actor } from '../../platform/access/access.ts';
import { withChange } from '../../platform/change/change.ts';
import { newFormToken } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { registerTemplates } from '../../platform/notify/templates.ts';
import { consultationFeature } from '../consultation/index.ts';
import { familyProposals, issueAmendedPlan, planForAmendment, PlanError } from '../plans/index.ts';
import { createAmendmentsService } from './service.ts';
import { AmendmentFormError } from './support.ts';
import { AMENDMENT_TEMPLATES } from './templates.ts';

const LA = DEMO_LA_CODE;

describe.each(ENGINES)('amendments on %s', (engine) => {
  let database: TestDatabase;
  let today = '2026-03-02';
  let service: ReturnType<typeof createAmendmentsService>;
  let deps: ServiceDeps;
  const actors = new Map<string, Actor>();
  const plans: string[] = [];

  const actorOf = async (email: string): Promise<Actor> => {
    const u = await database.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return {
      laCode: LA,
      userId: u.id,
      sessionId: 'test',
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      jobTitle: u.job_title,
      ip: null,
    };
  };
  const cw = () => actors.get('caseworker')!;
  const auditCount = async (action: string) =>
    Number(
      (
        await database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Changes one provision's words in the working copy (test set-up writes the plan's rows directly). */
  const proposeChange = async (planId: string, words: string) => {
    const item = await database.db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('section', '=', 'F')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await database.db.updateTable('ehc_plan_item').set({ text: words }).where('id', '=', item.id).execute();
  };

  beforeAll(async () => {
    registerTemplates(AMENDMENT_TEMPLATES);
    registerTemplates(consultationFeature.templates);
    registerTemplates(noticesFeature.templates);
    database = await createTestDatabase(engine, { image: 'demo' });
    const db = database.db;
    const jobs = { send: () => Promise.resolve(null) } as unknown as ServiceDeps['jobs'];
    deps = { db, jobs, today: () => today } as unknown as ServiceDeps;
    service = createAmendmentsService(deps);
    for (const who of ['caseworker', 'leader', 'senco', 'parent']) {
      const email = `${who}@demo.example`;
      const exists = await db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (exists) actors.set(who, await actorOf(email));
    }
    // Demo plans in force before 2026-02-02 with section I named and a section F item, each made issuable (a team
    // manager's override for the working copy's revision when it has golden-thread errors).
    const rows = await db
      .selectFrom('ehc_plan as p')
      .select(['p.id', 'p.revision'])
      .where('p.la_code', '=', LA)
      .where('p.status', '=', 'final')
      .where('p.placement_setting_id', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ehc_plan_version as v')
            .select('v.id')
            .whereRef('v.plan_id', '=', 'p.id')
            .where('v.kind', '=', 'final')
            .where('v.issued_on', '<', '2026-01-01'),
        ),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ehc_plan_item as i')
            .select('i.id')
            .whereRef('i.plan_id', '=', 'p.id')
            .where('i.section', '=', 'F'),
        ),
      )
      .orderBy('p.id')
      .limit(3)
      .execute();
    expect(rows).toHaveLength(3);
    const manager = await actorOf('manager@demo.example');
    for (const r of rows) plans.push(r.id);
    // The override is recorded for the revision after the change the test makes (one change bumps nothing here:
    // the test edits rows directly, so the revision stays).
    for (const r of rows) {
      const p = await planForAmendment(db, cw(), r.id, today);
      if (p.threadErrors > 0) {
        await db
          .insertInto('ehc_plan_override')
          .values({
            la_code: LA,
            plan_id: r.id,
            revision: r.revision,
            reason: 'Test set-up: the demo plan is issued with its known errors',
            errors: JSON.stringify([]),
            recorded_by: manager.userId,
          })
          .execute();
      }
    }
  });
  afterAll(() => database?.close());

  it('S1: meeting 2026-02-02, proposal 2026-03-02 → comments until 2026-03-16, amended plan by 2026-04-27, issued 2026-04-20 as a new version; the next review does not move', async () => {
    const db = database.db;
    const planId = plans[0]!;
    const before = await db
      .selectFrom('ehc_plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const child = before.child_id;
    const { n } = await db
      .selectFrom('plan_review')
      .select((eb) => eb.fn.coalesce(eb.fn.max('number'), eb.lit(0)).as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    const review = await db
      .insertInto('plan_review')
      .values({
        la_code: LA,
        plan_id: planId,
        child_id: child,
        number: Number(n) + 1,
        kind: 'annual',
        arranged_by: 'school',
        meeting_date: '2026-02-02',
        invitations_sent: '2026-01-19',
        held: '2026-02-02',
        report_sent: '2026-02-16',
        decision: 'amend',
        decision_date: '2026-03-02',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    today = '2026-03-02';
    let view = await service.planAmendments(cw(), planId);
    expect(view.reviewsToAmend.map((r) => r.id)).toContain(review.id);
    expect(view.open).toBeNull();

    // refused: no reason; then started after the review
    await expect(
      service.start(cw(), planId, {
        trigger: null,
        reviewId: null,
        details: null,
        formToken: newFormToken(),
      }),
    ).rejects.toBeInstanceOf(AmendmentFormError);
    const token = newFormToken();
    const id = await service.start(cw(), planId, {
      trigger: 'review',
      reviewId: review.id,
      details: null,
      formToken: token,
    });
    // a double submit makes nothing more
    expect(
      await service.start(cw(), planId, {
        trigger: 'review',
        reviewId: review.id,
        details: null,
        formToken: token,
      }),
    ).toBe(id);
    view = await service.planAmendments(cw(), planId);
    expect(view.open?.row).toMatchObject({
      id,
      meeting_date: '2026-02-02',
      started_on: '2026-03-02',
      trigger: 'review',
    });
    expect(view.open?.state).toBe('preparing');
    expect(view.open?.steps.map((s) => [s.id, s.due.date, s.status])).toEqual([
      ['proposal', '2026-03-02', 'open'],
    ]);
    expect(view.reviewsToAmend.map((r) => r.id)).not.toContain(review.id);
    // a second amendment while one is open is refused
    await expect(
      service.start(cw(), planId, {
        trigger: 'change-of-need',
        reviewId: null,
        details: 'A second amendment while the first is open',
        formToken: newFormToken(),
      }),
    ).rejects.toThrow(/already has an amendment in progress/);

    // no change yet: the proposal is refused and nothing is written
    const proposals = await auditCount('amendment.proposal');
    await expect(
      service.sendProposal(cw(), id, { date: '2026-03-02', formToken: newFormToken() }),
    ).rejects.toThrow(/no proposed changes/);
    expect(await auditCount('amendment.proposal')).toBe(proposals);

    await proposeChange(
      planId,
      'Speech and language therapy: 45 minutes, once a week, one to one, by a speech and language therapist',
    );
    // two parents with parental responsibility and no account (ADR 0048): one by email, one asked for letters
    await db
      .insertInto('family_member')
      .values([
        {
          la_code: LA,
          child_id: child,
          given_name: 'Morgan',
          family_name: 'Onemail',
          relationship: 'Parent',
          parental_responsibility: true,
          email: 'morgan.onemail@example.com',
          contact_preference: 'email',
        },
        {
          la_code: LA,
          child_id: child,
          given_name: 'Pat',
          family_name: 'Bypost',
          relationship: 'Parent',
          parental_responsibility: true,
          address_line: '4 Mill Lane',
          town: 'Denmoor',
          postcode: 'DM1 2AB',
          contact_preference: 'letter',
        },
      ])
      .execute();
    const sent = await service.sendProposal(cw(), id, { date: '2026-03-02', formToken: newFormToken() });
    expect(sent.warnings).toEqual([]);
    // each is sent the proposal itself, in a form they can act on without an account: the change section by section,
    // the 15 days, whom to contact and how, their rights; never a link to sign in
    const proposalsOut = (
      await db
        .selectFrom('notification')
        .select(['channel', 'recipient', 'subject', 'body'])
        .where('template', '=', 'amendment-proposed-contact')
        .where('child_id', '=', child)
        .execute()
    ).filter((m) => m.recipient === 'morgan.onemail@example.com' || m.recipient.includes('Pat Bypost'));
    expect(proposalsOut.map((m) => m.channel).sort()).toEqual(['email', 'letter']);
    expect(proposalsOut.find((m) => m.channel === 'letter')!.recipient).toContain('DM1 2AB');
    for (const m of proposalsOut) {
      expect(m.subject).toContain('16 March 2026');
      expect(m.body).toContain('Section F: special educational provision');
      expect(m.body).toContain(
        'Proposed: "Speech and language therapy: 45 minutes, once a week, one to one, by a speech and language therapist.',
      );
      expect(m.body).toContain('What you can do by 16 March 2026');
      expect(m.body).toContain('you do not need a Goldthread account');
      expect(m.body).toMatch(/Contact .+ \(email [^)]+@[^)]+\)/);
      expect(m.body).toContain('ask for a particular school, college or other setting');
      expect(m.body).toContain('appeal to the SEND tribunal');
      expect(m.body).not.toContain('sign in');
    }
    const afterProposal = await db
      .selectFrom('ehc_plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const proposal = await db
      .selectFrom('ehc_plan_version')
      .selectAll()
      .where('id', '=', afterProposal.shared_version_id!)
      .executeTakeFirstOrThrow();
    expect([proposal.kind, proposal.issued_on, afterProposal.status, afterProposal.draft_served]).toEqual([
      'draft',
      '2026-03-02',
      'final',
      '2026-03-02',
    ]);
    view = await service.planAmendments(cw(), planId);
    expect(view.open?.state).toBe('proposal-sent');
    // The family sees the proposal among their tasks until its 15th day (issue 18 item 1).
    const parent = actors.get('parent');
    if (parent) {
      const { id: grantId } = await db
        .insertInto('access_grant')
        .values({ la_code: LA, user_id: parent.userId, child_id: afterProposal.child_id, kind: 'parent' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const open = await familyProposals(db, parent, '2026-03-16');
      expect(open.filter((p) => p.planId === planId).map((p) => p.to)).toEqual(['2026-03-16']);
      expect((await familyProposals(db, parent, '2026-03-17')).some((p) => p.planId === planId)).toBe(false);
      await db.deleteFrom('access_grant').where('id', '=', grantId).execute();
    }
    expect(view.open?.steps.map((s) => [s.id, s.due.date, s.status])).toEqual([
      ['proposal', '2026-03-02', 'met'],
      ['comments', '2026-03-16', 'open'],
      ['amended-plan', '2026-04-27', 'open'],
      ['not-to-amend', '2026-04-27', 'open'],
    ]);
    const told = await db
      .selectFrom('notification')
      .select(['body'])
      .where('template', '=', 'amendment-proposed')
      .where('child_id', '=', child)
      .execute();
    for (const m of told) expect(m.body).toContain('16 March 2026');

    // the notice the staff (and the family) see: the changes marked section by section, the dates
    const notice = await service.familyNotice(cw(), planId);
    expect(notice.commentsEnd).toBe('2026-03-16');
    expect(notice.amendedPlanDue).toBe('2026-04-27');
    expect(notice.changes.changed).toBe(1);
    expect(notice.changes.compared.find((c) => c.section === 'F')?.changed).toBe(1);

    // inside the comment period: refused, with the rule
    today = '2026-03-10';
    await expect(
      service.issueAmended(cw(), id, { date: '2026-03-10', formToken: newFormToken() }),
    ).rejects.toThrow(/16 March 2026/);
    today = '2026-04-20';
    const issued = await service.issueAmended(cw(), id, { date: '2026-04-20', formToken: newFormToken() });
    expect(issued.warnings).toEqual([]);
    // the family is sent one email about the amended plan, not two: the notice's, with the appeal date and its link
    const toFamily = await db
      .selectFrom('notification')
      .select(['recipient', 'template', 'body'])
      .where('child_id', '=', child)
      .where('template', 'in', [
        'amendment-issued',
        'amendment-issued-transfer',
        'plan-letter-to-family',
        'plan-letter-in-full',
      ])
      .execute();
    expect(new Set(toFamily.map((m) => m.recipient)).size).toBe(toFamily.length);
    for (const m of toFamily.filter((m) => m.template !== 'plan-letter-in-full')) {
      expect(m.template).toBe('amendment-issued');
      expect(m.body).toContain(`/letters/amended-plan/${id}`);
      expect(m.body).toMatch(/The last day to appeal is \d{1,2} [A-Z][a-z]+ 20\d\d/);
    }
    // the parents without an account are sent the amended plan's notice in full (by email and by post), with their
    // rights and whom to contact, not a link to sign in
    const inFull = toFamily.filter((m) => m.template === 'plan-letter-in-full');
    expect(inFull.map((m) => m.recipient)).toContain('morgan.onemail@example.com');
    expect(inFull.some((m) => m.recipient.includes('Pat Bypost'))).toBe(true);
    for (const m of inFull) {
      expect(m.body).toContain('the whole letter is below');
      expect(m.body).toMatch(/appeal/i);
      expect(m.body).toMatch(/The last day to appeal is \d{1,2} [A-Z][a-z]+ 20\d\d/);
      expect(m.body).toMatch(/contact .+ \(email [^)]+@[^)]+\)/);
      expect(m.body).not.toContain('/letters/');
    }
    const after = await db
      .selectFrom('ehc_plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const amended = await db
      .selectFrom('ehc_plan_version')
      .selectAll()
      .where('id', '=', after.shared_version_id!)
      .executeTakeFirstOrThrow();
    expect([after.status, amended.kind, amended.issued_on, amended.number]).toEqual([
      'amended',
      'amended',
      '2026-04-20',
      proposal.number + 1,
    ]);
    expect(after.review_due).toBe(before.review_due);
    view = await service.planAmendments(cw(), planId);
    expect(view.open).toBeNull();
    const done = view.amendments[0]!;
    expect(done.state).toBe('amended');
    expect(done.steps.find((s) => s.id === 'amended-plan')?.status).toBe('met');
    expect(done.rights?.kind).toBe('amended-plan');
    expect(await auditCount('amendment.issue')).toBeGreaterThan(0);
    expect(await auditCount('plan.amended.issue')).toBeGreaterThan(0);
    // reg 22(3): the amended plan's notice goes to the setting the plan names and the health commissioner (their
    // inbox), and to the family by email, in the child's history
    const items = await db
      .selectFrom('plan_letter_inbox_item')
      .select(['kind', 'reason', 'letter_date'])
      .where('record_id', '=', id)
      .orderBy('reason')
      .execute();
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.kind)).toEqual(items.map(() => 'amended-plan'));
    for (const i of items) expect(['named-setting', 'commissioner']).toContain(i.reason);
    expect(items.every((i) => i.letter_date === '2026-04-20')).toBe(true);
    const letter = await db
      .selectFrom('case_event')
      .select('summary')
      .where('kind', '=', 'letter.sent')
      .where('summary', 'like', 'Amended EHC plan issued sent%')
      .execute();
    expect(letter.length).toBeGreaterThan(0);
  });

  it('an amended plan without a proposal is refused by the plan itself', async () => {
    const planId = plans[1]!;
    const versions = async () =>
      Number(
        (
          await database.db
            .selectFrom('ehc_plan_version')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('plan_id', '=', planId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const count = await versions();
    await expect(
      withChange(deps, cw(), (ctx) =>
        issueAmendedPlan(ctx, planId, {
          date: '2026-04-20',
          proposalVersionId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).rejects.toSatisfy((e) => e instanceof PlanError && /reg 22\(2\)/.test(e.message));
    expect(await versions()).toBe(count);
  });

  it('outside a review: a change of need, the proposal, and a decision not to amend made late, with reasons and rights', async () => {
    const db = database.db;
    const planId = plans[1]!;
    today = '2026-05-01';
    await expect(
      service.start(cw(), planId, {
        trigger: 'change-of-need',
        reviewId: null,
        details: 'short',
        formToken: newFormToken(),
      }),
    ).rejects.toThrow(/at least 20 characters/);
    const id = await service.start(cw(), planId, {
      trigger: 'change-of-need',
      reviewId: null,
      details: 'A new diagnosis in April 2026 changes the communication needs in section B',
      formToken: newFormToken(),
    });
    expect((await service.planAmendments(cw(), planId)).open?.steps).toEqual([]);
    await proposeChange(
      planId,
      'Occupational therapy: 30 minutes, once a fortnight, one to one, by an occupational therapist',
    );
    today = '2026-05-04';
    await expect(
      service.sendProposal(cw(), id, { date: '2026-05-05', formToken: newFormToken() }),
    ).rejects.toThrow(/today or in the past/);
    expect(
      (await service.sendProposal(cw(), id, { date: '2026-05-04', formToken: newFormToken() })).warnings,
    ).toEqual([]);
    const view = await service.planAmendments(cw(), planId);
    expect(view.open?.steps.map((s) => [s.id, s.due.date])).toEqual([
      ['comments', '2026-05-18'],
      ['amended-plan', '2026-06-29'],
      ['not-to-amend', '2026-06-29'],
    ]);
    today = '2026-05-10';
    await expect(
      service.notToAmend(cw(), id, {
        date: '2026-05-10',
        reasons: 'The comments show the plan already meets the need',
        formToken: newFormToken(),
      }),
    ).rejects.toThrow(/decide after their 15 days/);
    today = '2026-07-01';
    const { child_id: childId } = await db
      .selectFrom('ehc_plan')
      .select('child_id')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('family_member')
      .values({
        la_code: LA,
        child_id: childId,
        given_name: 'Sam',
        family_name: 'Byletter',
        relationship: 'Parent',
        parental_responsibility: true,
        address_line: '9 Kiln Row',
        town: 'Denmoor',
        postcode: 'DM2 3CD',
        contact_preference: 'letter',
      })
      .execute();
    await expect(
      service.notToAmend(cw(), id, { date: '2026-07-01', reasons: 'no', formToken: newFormToken() }),
    ).rejects.toBeInstanceOf(AmendmentFormError);
    const late = await service.notToAmend(cw(), id, {
      date: '2026-07-01',
      reasons: 'The comments show the plan already meets the need',
      formToken: newFormToken(),
    });
    expect(late.warnings.map((w) => [w.step, w.daysLate])).toEqual([['not-to-amend', 2]]);
    expect(late.warnings[0]!.message).toMatch(/reg 22\(4\)/);
    // a parent without an account who asked for letters is sent the decision's letter in full by post
    const letters = await db
      .selectFrom('notification as n')
      .innerJoin('ehc_plan as p', (j) => j.onRef('p.child_id', '=', 'n.child_id'))
      .select(['n.channel', 'n.recipient', 'n.body'])
      .where('p.id', '=', planId)
      .where('n.template', '=', 'plan-letter-in-full')
      .execute();
    expect(letters.filter((m) => m.channel === 'letter').map((m) => m.recipient)).toEqual([
      expect.stringContaining('Sam Byletter'),
    ]);
    for (const m of letters) {
      expect(m.body).toContain('The comments show the plan already meets the need');
      expect(m.body).toMatch(/appeal/i);
    }
    // one email to each of the family about the decision: the letter's, with the reasons and its link
    const toFamily = await db
      .selectFrom('notification as n')
      .innerJoin('ehc_plan as p', (j) => j.onRef('p.child_id', '=', 'n.child_id'))
      .select(['n.recipient', 'n.template', 'n.body'])
      .where('p.id', '=', planId)
      .where('n.template', 'in', ['amendment-not-amended', 'plan-letter-to-family'])
      .execute();
    expect(new Set(toFamily.map((m) => m.recipient)).size).toBe(toFamily.length);
    for (const m of toFamily) {
      expect(m.template).toBe('amendment-not-amended');
      expect(m.body).toContain('The comments show the plan already meets the need');
      expect(m.body).toContain(`/letters/not-to-amend/${id}`);
    }
    const done = (await service.planAmendments(cw(), planId)).amendments[0]!;
    expect(done.state).toBe('not-amended');
    expect(done.steps.find((s) => s.id === 'not-to-amend')).toMatchObject({ status: 'late', daysLate: 2 });
    expect(done.rights?.kind).toBe('not-to-amend');
    // the plan in force is shared again, and the family can no longer reach a notice
    const plan = await db
      .selectFrom('ehc_plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const shared = await db
      .selectFrom('ehc_plan_version')
      .select('kind')
      .where('id', '=', plan.shared_version_id!)
      .executeTakeFirstOrThrow();
    expect(shared.kind).toBe('final');
    await expect(service.familyNotice(cw(), planId)).rejects.toThrow(/Not found/i);
    // the editor's working copy is the plan in force again: the proposed change is undone, so the next review or
    // amendment starts from the plan as issued, its links between sections intact
    const restored = await planForAmendment(db, cw(), planId, today);
    expect(restored.workingChanges?.total).toBe(0);
    const words = await db
      .selectFrom('ehc_plan_item')
      .select('text')
      .where('plan_id', '=', planId)
      .where('section', '=', 'F')
      .execute();
    expect(words.map((w) => w.text)).not.toContain(
      'Occupational therapy: 30 minutes, once a fortnight, one to one, by an occupational therapist',
    );
    expect(await auditCount('plan.proposal.withdraw')).toBeGreaterThanOrEqual(1);
    // a new amendment can start afterwards
    expect(
      await service.start(cw(), planId, {
        trigger: 'other',
        reviewId: null,
        details: 'The family asked for a change of setting in July',
        formToken: newFormToken(),
      }),
    ).toMatch(/-/);
  });

  it('consults a school the family asks for while the proposal is out, for a plan with no assessment on record', async () => {
    const db = database.db;
    // a demo plan with no assessment on record (as most real plans), not used above
    const found = await db
      .selectFrom('ehc_plan as p')
      .select(['p.id', 'p.revision'])
      .where('p.status', '=', 'final')
      .where('p.case_id', 'is', null)
      .where('p.placement_setting_id', 'is not', null)
      .where('p.id', 'not in', plans.slice(0, 2))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ehc_plan_version as v')
            .select('v.id')
            .whereRef('v.plan_id', '=', 'p.id')
            .where('v.kind', '=', 'final')
            .where('v.issued_on', '<', '2026-08-01'),
        ),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ehc_plan_item as i')
            .select('i.id')
            .whereRef('i.plan_id', '=', 'p.id')
            .where('i.section', '=', 'F'),
        ),
      )
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const planId = found.id;
    today = '2026-09-01';
    const id = await service.start(cw(), planId, {
      trigger: 'change-of-placement',
      reviewId: null,
      details: 'The family is moving house and wants a school nearer home',
      formToken: newFormToken(),
    });
    await expect(
      service.recordSchoolRequest(cw(), id, {
        settingId: null,
        date: '2026-09-01',
        formToken: newFormToken(),
      }),
    ).rejects.toThrow(/while the proposed amendments are out/);
    await proposeChange(
      planId,
      'Transport to and from school: every school day, by the council, with an escort',
    );
    await service.sendProposal(cw(), id, { date: '2026-09-01', formToken: newFormToken() });
    const setting = await db
      .selectFrom('setting as s')
      .select(['s.id'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('placement_preference as p')
              .select('p.id')
              .whereRef('p.setting_id', '=', 's.id')
              .where('p.plan_id', '=', planId),
          ),
        ),
      )
      .orderBy('s.name')
      .executeTakeFirstOrThrow();
    await expect(
      service.recordSchoolRequest(cw(), id, {
        settingId: null,
        date: '2026-08-30',
        formToken: newFormToken(),
      }),
    ).rejects.toSatisfy(
      (e) => e instanceof AmendmentFormError && e.errors.map((x) => x.field).join() === 'settingId,date',
    );
    today = '2026-09-03';
    await service.recordSchoolRequest(cw(), id, {
      settingId: setting.id,
      date: '2026-09-03',
      formToken: newFormToken(),
    });
    const consulted = await db
      .selectFrom('consultation')
      .select(['sent', 'consultee', 'case_id', 'plan_in_force'])
      .where('plan_id', '=', planId)
      .where('setting_id', '=', setting.id)
      .execute();
    expect(consulted.map((c) => c.sent)).toContain('2026-09-03');
    expect(consulted.every((c) => c.case_id === null && c.plan_in_force !== null)).toBe(true);
    // section I now names the plan in force's setting, and the family's preference is not met: refused until the
    // council names it or records its ground (S3), whatever the plan's history
    const view = await service.planAmendments(cw(), planId);
    expect(view.placement?.preferences.map((p) => p.setting_id)).toEqual([setting.id]);
    expect(view.sectionI.map((p) => p.blocks)).toEqual([true]);
    expect(view.sectionI[0]!.message).toMatch(/section 39\(4\)/);
    await expect(
      service.recordSchoolRequest(cw(), id, {
        settingId: setting.id,
        date: '2026-09-03',
        formToken: newFormToken(),
      }),
    ).rejects.toThrow(/already asked for this setting/);
    expect(await auditCount('amendment.school-request')).toBeGreaterThan(0);
  });

  it('lets only caseworkers and team managers change amendments, and casework staff read them', async () => {
    const planId = plans[2]!;
    const leader = actors.get('leader');
    if (leader) {
      expect((await service.planAmendments(leader, planId)).plan.planId).toBe(planId);
      await expect(
        service.start(leader, planId, {
          trigger: 'other',
          reviewId: null,
          details: 'x'.repeat(30),
          formToken: newFormToken(),
        }),
      ).rejects.toThrow();
    }
    const parent = actors.get('parent');
    if (parent) await expect(service.planAmendments(parent, planId)).rejects.toThrow();
    await expect(service.planAmendments(cw(), '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      /Not found/i,
    );
  });
});
