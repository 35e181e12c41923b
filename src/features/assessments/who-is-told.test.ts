/**
 * Who is told (issue 10 item 6; J6) on both engines, through the assessments service with fixed dates: the decision
 * whether or not to assess goes to the health commissioning body, social care and the child's school (reg 5(2) and 4(2)); the
 * decision not to issue a plan to the commissioner (reg 10(2)); the final plan to the setting it names and the
 * commissioner (reg 13(2)); and a request (every route, not one joined to an open request) to the persons of reg 4(2),
 * that the council is considering whether an assessment is necessary. Each in the organisation's inbox and by email through Notify, to exactly those people;
 * the organisations' users see the item in their inbox and read the notice; others do not.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  actorFor,
  createAuthority,
  createChild,
  createTeam,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { updateAuthoritySettings } from '../../platform/people/authority-settings.ts';
import { createRequest } from './requests.ts';
import { decide, decideOutcome } from './decisions.ts';
import { requestAdvice } from './advice.ts';
import type { ChangeContext } from './case-support.ts';
import { tellOrganisations } from '../notices/index.ts';

const CONTACT = { name: 'X', phone: '0300 000 0000', email: 'x@example.org', url: '' };

async function organisation(
  db: Kysely<DB>,
  la: string,
  name: string,
  kind: 'school' | 'health' | 'social-care',
) {
  const o = await db
    .insertInto('organisation')
    .values({ la_code: la, name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('team')
    .values({ la_code: la, organisation_id: o.id, name: `${name} team` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await createUser(db, la, 'professional', {
    teamId: team.id,
    email: `${kind}.${name.split(' ')[0]!.toLowerCase()}@test.example`,
  });
  return { id: o.id, user };
}

async function setting(db: Kysely<DB>, la: string, name: string) {
  const s = await db
    .insertInto('setting')
    .values({
      la_code: la,
      name,
      kind: 'school',
      type: 'Community school',
      phase: 'Primary',
      first_year_group: 0,
      last_year_group: 6,
      in_area: true,
      urn: null,
      location_authority: null,
      postcode: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: s.id, org: await organisation(db, la, name, 'school') };
}

let tokens = 0;
const token = () => `told-token-${++tokens}`;

/** The reason recorded for going ahead while advice asked for has not arrived (issue 18). */
const LATE = 'The advice is late and the time limit is near';
describe.each(ENGINES)('who is told of decisions on %s', (engine) => {
  let t: TestApp;
  const la = '951';
  let caseworker: Actor;
  let icb: Awaited<ReturnType<typeof organisation>>;
  let socialCare: Awaited<ReturnType<typeof organisation>>;
  let hill: Awaited<ReturnType<typeof setting>>;
  let vale: Awaited<ReturnType<typeof setting>>;
  let other: Awaited<ReturnType<typeof setting>>;

  const run = <T>(today: string, fn: (ctx: ChangeContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => fn({ trx, actor: caseworker, jobs: t.jobs, today }));

  const sent = (template: string, childId: string) =>
    t.database.db
      .selectFrom('notification')
      .select(['recipient', 'body', 'subject'])
      .where('la_code', '=', la)
      .where('template', '=', template)
      .where('child_id', '=', childId)
      .orderBy('recipient')
      .execute();
  const inbox = (caseId: string) =>
    t.database.db
      .selectFrom('organisation_inbox_item')
      .select(['organisation_id', 'kind', 'reason', 'decision_date'])
      .where('la_code', '=', la)
      .where('case_id', '=', caseId)
      .orderBy('kind')
      .orderBy('reason')
      .execute();

  async function requested(received: string, opts: { school?: boolean; plan?: boolean } = {}) {
    const child = await createChild(t.database.db, la, { leadOfficerId: caseworker.userId });
    await t.database.db
      .updateTable('child')
      .set(
        opts.plan
          ? { plan_status: 'plan', plan_first_issued: '2024-01-15' }
          : { plan_status: 'none', plan_first_issued: null },
      )
      .where('la_code', '=', la)
      .where('id', '=', child.id)
      .execute();
    if (opts.school !== false)
      await t.database.db
        .insertInto('child_setting')
        .values({
          la_code: la,
          child_id: child.id,
          setting_id: hill.id,
          start_date: '2024-09-01',
          end_date: null,
          attendance: 'full-time',
        })
        .execute();
    const parent = await createUser(t.database.db, la, 'parent');
    await grant(t.database.db, la, parent.id, child.id, 'parent');
    const { caseId } = await run(received, (ctx) =>
      createRequest(ctx, {
        childId: child.id,
        received,
        method: 'letter',
        requestedBy: 'parent',
        answers: {},
        idempotencyKey: token(),
      }),
    );
    return { caseId, childId: child.id, parent };
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    await createUser(db, la, 'team-manager', { teamId });
    const cw = await createUser(db, la, 'caseworker', { teamId });
    caseworker = actorFor(cw, teamId);
    icb = await organisation(db, la, 'Testshire ICB', 'health');
    socialCare = await organisation(db, la, 'Testshire Social Care', 'social-care');
    hill = await setting(db, la, 'Hill Primary');
    vale = await setting(db, la, 'Vale School');
    other = await setting(db, la, 'Other Academy');
    await updateAuthoritySettings(db, la, {
      mediationAdviser: CONTACT,
      authorityMediation: CONTACT,
      disagreementResolution: CONTACT,
      sendiass: CONTACT,
      commissioner: { organisationId: icb.id, email: 'decisions@icb.example' },
      socialCare: { organisationId: socialCare.id, email: '' },
    });
  }, 120_000);
  afterAll(() => t?.close());

  // Reg 4(2): a request received, the council considering whether an assessment is necessary.
  const considering = async (caseId: string) =>
    (await inbox(caseId)).filter((i) => i.kind === 'considering-assessment');
  const toldOfRequest = (received: string) =>
    [
      [icb.id, 'commissioner'],
      [hill.org.id, 'school'],
      [socialCare.id, 'social-care'],
    ].map(([organisation_id, reason]) => ({
      organisation_id,
      kind: 'considering-assessment',
      reason,
      decision_date: received,
    }));
  const addDays = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const longDay = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

  it('a request recorded by staff tells the commissioner, social care and the child’s school, once, that the council is considering whether to assess (reg 4(2))', async () => {
    const { caseId, childId } = await requested('2026-03-02');
    expect(await considering(caseId)).toEqual(toldOfRequest('2026-03-02'));
    const emails = await sent('assessment-request-sent-to-organisation', childId);
    expect(emails.map((e) => e.recipient)).toEqual(
      ['decisions@icb.example', socialCare.user.email, hill.org.user.email].sort(),
    );
    expect(emails.map((e) => e.recipient)).not.toContain(vale.org.user.email);
    for (const e of emails) {
      expect(e.subject).toContain('Considering whether an EHC needs assessment is necessary');
      expect(e.body).toContain('on 2 March 2026');
      // The clock's 6 weeks: 2 March + 42 days.
      expect(e.body).toContain('must decide whether to assess by 13 April 2026');
    }
    // It is not a decision: no decision email, and the family has its own acknowledgement.
    expect(await sent('decision-sent-to-organisation', childId)).toEqual([]);
    const family = await sent('assessment-request-received', childId);
    expect(family).toHaveLength(1);
    expect(family[0]!.body).toContain('considering whether an EHC needs assessment is necessary');
    const history = await t.database.db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', childId)
      .where('kind', '=', 'assessment-request.sent')
      .execute();
    expect(history.map((h) => h.summary)).toEqual([
      'Told Testshire ICB, Testshire Social Care, Hill Primary that the council is considering whether an EHC needs assessment is necessary',
    ]);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'notices.sent')
      .where('record_id', '=', caseId)
      .execute();
    expect(audited.map((a) => (a.detail as { kind: string }).kind)).toEqual(['considering-assessment']);
    // The decision later goes to them as well, as its own item.
    await run('2026-04-01', (ctx) =>
      decide(ctx, caseId, { date: '2026-04-01', outcome: 'assess', reasons: 'Needs' }),
    );
    expect(await considering(caseId)).toHaveLength(3);
    expect((await inbox(caseId)).filter((i) => i.kind === 'decision-to-assess')).toHaveLength(3);
  });

  it('telling them is part of the request’s transaction: a request rolled back tells no one', async () => {
    const child = await createChild(t.database.db, la, { leadOfficerId: caseworker.userId });
    await t.database.db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('id', '=', child.id)
      .execute();
    await expect(
      run('2026-03-02', async (ctx) => {
        await createRequest(ctx, {
          childId: child.id,
          received: '2026-03-02',
          method: 'letter',
          requestedBy: 'parent',
          answers: {},
          idempotencyKey: token(),
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await sent('assessment-request-sent-to-organisation', child.id)).toEqual([]);
    const items = await t.database.db
      .selectFrom('organisation_inbox_item')
      .select('id')
      .where('child_id', '=', child.id)
      .execute();
    expect(items).toEqual([]);
  });

  it('a request for a child with no school or setting tells the commissioner and social care only', async () => {
    const { caseId, childId } = await requested('2026-03-02', { school: false });
    expect((await considering(caseId)).map((i) => [i.organisation_id, i.reason])).toEqual([
      [icb.id, 'commissioner'],
      [socialCare.id, 'social-care'],
    ]);
    expect((await sent('assessment-request-sent-to-organisation', childId)).map((e) => e.recipient)).toEqual(
      ['decisions@icb.example', socialCare.user.email].sort(),
    );
  });

  it('a reassessment request tells the same organisations, with no 6-week date (the clock has none for it)', async () => {
    const { caseId, childId } = await requested('2026-03-02', { plan: true });
    expect(await considering(caseId)).toEqual(toldOfRequest('2026-03-02'));
    const emails = await sent('assessment-request-sent-to-organisation', childId);
    expect(emails).toHaveLength(3);
    expect(emails[0]!.body).toContain(
      'the council will decide whether to assess, and will tell you its decision.',
    );
    expect(emails[0]!.body).not.toContain('6 weeks');
    expect(await sent('reassessment-request-received', childId)).toHaveLength(1);
  });

  it('a request joined to an open one tells no one again; a repeated form tells no one again', async () => {
    const { caseId, childId } = await requested('2026-03-02');
    const again = await run('2026-03-09', (ctx) =>
      createRequest(ctx, {
        childId,
        received: '2026-03-09',
        method: 'email',
        requestedBy: 'school',
        answers: {},
        idempotencyKey: token(),
      }),
    );
    expect(again).toMatchObject({ caseId, linked: true });
    const items = await t.database.db
      .selectFrom('organisation_inbox_item')
      .select(['case_id', 'kind'])
      .where('child_id', '=', childId)
      .execute();
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.case_id === caseId)).toBe(true);
    expect(await sent('assessment-request-sent-to-organisation', childId)).toHaveLength(3);
  });

  it('every route tells them: a request recorded on the staff form and one sent online by a parent', async () => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const [y, m, d] = today.split('-');
    // The staff form.
    const { childId: staffChild } = await requested('2026-03-02');
    const staffCase = await t.database.db
      .selectFrom('assessment_case')
      .select('id')
      .where('child_id', '=', staffChild)
      .executeTakeFirstOrThrow();
    await run('2026-04-01', (ctx) =>
      decide(ctx, staffCase.id, { date: '2026-04-01', outcome: 'not-assess', reasons: 'Needs met' }),
    );
    const ref = (
      await t.database.db
        .selectFrom('child')
        .select('reference')
        .where('id', '=', staffChild)
        .executeTakeFirstOrThrow()
    ).reference;
    const cw = new TestClient(t.app);
    const cwUser = await t.database.db
      .selectFrom('app_user')
      .select('email')
      .where('id', '=', caseworker.userId)
      .executeTakeFirstOrThrow();
    await cw.signIn(cwUser.email, TEST_PASSWORD);
    const r = await cw.submitWithFormToken('/assessments/record', {
      child: ref,
      method: 'phone',
      requestedBy: 'parent',
      why: 'Asked again',
      'received-day': String(Number(d)),
      'received-month': String(Number(m)),
      'received-year': y!,
    });
    expect(r.statusCode).toBe(303);
    const second = await t.database.db
      .selectFrom('assessment_case')
      .select('id')
      .where('child_id', '=', staffChild)
      .where('is_open', '=', true)
      .executeTakeFirstOrThrow();
    expect(await considering(second.id)).toEqual(toldOfRequest(today));
    expect(
      (await sent('assessment-request-sent-to-organisation', staffChild)).filter((e) =>
        e.body.includes(`must decide whether to assess by ${longDay(addDays(today, 42))}`),
      ),
    ).toHaveLength(3);

    // Online, by a parent.
    const child = await createChild(t.database.db, la, { leadOfficerId: caseworker.userId });
    await t.database.db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('id', '=', child.id)
      .execute();
    await t.database.db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: child.id,
        setting_id: hill.id,
        start_date: '2024-09-01',
        end_date: null,
        attendance: 'full-time',
      })
      .execute();
    const parentUser = await createUser(t.database.db, la, 'parent');
    await grant(t.database.db, la, parentUser.id, child.id, 'parent');
    const parent = new TestClient(t.app);
    await parent.signIn(parentUser.email, TEST_PASSWORD);
    expect(
      (await parent.submit('/request-assessment/child', { childId: child.id, detailsCorrect: 'yes' }))
        .statusCode,
    ).toBe(303);
    await parent.submit('/request-assessment/why', { why: 'Struggling at school' });
    await parent.submit('/request-assessment/support', { support: 'Reading group' });
    await parent.submit('/request-assessment/involved', { involved: ['school'] });
    await parent.submit('/request-assessment/school', { schoolKind: 'undecided' });
    expect((await parent.submit('/request-assessment/consent', { consent: 'yes' })).headers.location).toBe(
      '/request-assessment/check',
    );
    const check = await parent.get('/request-assessment/check');
    const draft = /name="draft" value="([^"]+)"/.exec(check.body)![1]!;
    const posted = await parent.post('/request-assessment/check', {
      draft,
      _csrf: TestClient.csrfFrom(check.body),
    });
    expect(posted.statusCode).toBe(303);
    const online = await t.database.db
      .selectFrom('assessment_case')
      .select(['id', 'request_method'])
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(online.request_method).toBe('online');
    expect(await considering(online.id)).toEqual(toldOfRequest(today));
    expect((await sent('assessment-request-sent-to-organisation', child.id)).map((e) => e.recipient)).toEqual(
      ['decisions@icb.example', socialCare.user.email, hill.org.user.email].sort(),
    );
  });

  it('the SENCO opens it from the inbox: what it is, nothing more; another school gets 404, audited', async () => {
    const { caseId } = await requested('2026-03-02');
    await t.database.db
      .updateTable('assessment_case')
      .set({ request_answers: JSON.stringify({ why: 'PRIVATE-REASON' }), requester_name: 'PRIVATE-NAME' })
      .where('id', '=', caseId)
      .execute();
    const senco = new TestClient(t.app);
    await senco.signIn(hill.org.user.email, TEST_PASSWORD);
    const inboxPage = await senco.get('/inbox');
    expect(inboxPage.statusCode).toBe(200);
    expect(inboxPage.body).toContain(`/notices/${caseId}/considering-assessment`);
    expect(inboxPage.body).toContain('Considering whether an EHC needs assessment is necessary');
    const page = await senco.get(`/notices/${caseId}/considering-assessment`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We are considering whether to assess');
    expect(page.body).toContain(
      'We received the request for an education, health and care (EHC) needs assessment on 2 March 2026',
    );
    expect(page.body).toContain('This is not a decision');
    expect(page.body).toContain('decide whether to assess by 13 April 2026');
    expect(page.body).not.toContain('If you disagree');
    expect(page.body).not.toContain('data-rights-item');
    for (const secret of ['PRIVATE-REASON', 'PRIVATE-NAME']) expect(page.body).not.toContain(secret);
    expect((await senco.get('/inbox')).body).toMatch(/Read/);
    const elsewhere = new TestClient(t.app);
    await elsewhere.signIn(other.org.user.email, TEST_PASSWORD);
    expect((await elsewhere.get('/inbox')).body).not.toContain(caseId);
    expect((await elsewhere.get(`/notices/${caseId}/considering-assessment`)).statusCode).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['record_id', 'user_id'])
      .where('action', '=', 'notice.read.denied')
      .where('record_id', '=', caseId)
      .execute();
    expect(denied.map((d) => d.user_id)).toEqual([other.org.user.id]);
  });

  it('the decision to assess goes to the commissioner, social care and the child’s school, and to no one else', async () => {
    const { caseId, childId } = await requested('2026-03-02');
    await run('2026-04-01', (ctx) =>
      decide(ctx, caseId, { date: '2026-04-01', outcome: 'assess', reasons: 'Needs' }),
    );
    expect((await inbox(caseId)).filter((i) => i.kind === 'decision-to-assess')).toEqual([
      {
        organisation_id: icb.id,
        kind: 'decision-to-assess',
        reason: 'commissioner',
        decision_date: '2026-04-01',
      },
      {
        organisation_id: hill.org.id,
        kind: 'decision-to-assess',
        reason: 'school',
        decision_date: '2026-04-01',
      },
      {
        organisation_id: socialCare.id,
        kind: 'decision-to-assess',
        reason: 'social-care',
        decision_date: '2026-04-01',
      },
    ]);
    const emails = await sent('decision-sent-to-organisation', childId);
    // The commissioner's address for decisions; social care and the school have none, so their accounts.
    expect(emails.map((e) => e.recipient)).toEqual(
      ['decisions@icb.example', socialCare.user.email, hill.org.user.email].sort(),
    );
    expect(emails.map((e) => e.recipient)).not.toContain(vale.org.user.email);
    expect(emails[0]!.subject).toContain('Decision to carry out an EHC needs assessment');
    expect(emails.find((e) => e.recipient === hill.org.user.email)!.body).toContain('attends your school');
    const history = await t.database.db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', childId)
      .where('kind', '=', 'decision.sent')
      .execute();
    expect(history[0]?.summary).toBe(
      'Decision to carry out an EHC needs assessment sent to Testshire ICB, Testshire Social Care, Hill Primary',
    );
  });

  it('a refusal to assess goes to the same people as the decision to assess (reg 5(2)), with the family’s own message', async () => {
    const { caseId, childId } = await requested('2026-03-02');
    await run('2026-04-01', (ctx) =>
      decide(ctx, caseId, { date: '2026-04-01', outcome: 'not-assess', reasons: 'Needs met' }),
    );
    expect((await inbox(caseId)).filter((i) => i.kind === 'not-to-assess')).toEqual(
      [
        [icb.id, 'commissioner'],
        [hill.org.id, 'school'],
        [socialCare.id, 'social-care'],
      ].map(([organisation_id, reason]) => ({
        organisation_id,
        kind: 'not-to-assess',
        reason,
        decision_date: '2026-04-01',
      })),
    );
    const emails = await sent('decision-sent-to-organisation', childId);
    expect(emails.map((e) => e.recipient)).toEqual(
      ['decisions@icb.example', socialCare.user.email, hill.org.user.email].sort(),
    );
    expect(emails[0]!.subject).toContain('Decision not to carry out an EHC needs assessment');
    expect((await sent('assessment-decision', childId)).length).toBe(1);
  });

  it('the decision not to issue a plan goes to the commissioner only', async () => {
    const { caseId, childId } = await requested('2026-01-05');
    await run('2026-02-10', (ctx) =>
      decide(ctx, caseId, { date: '2026-02-10', outcome: 'assess', reasons: 'Needs' }),
    );
    await run('2026-02-11', (ctx) =>
      requestAdvice(ctx, caseId, {
        requested: '2026-02-11',
        asks: (['family', 'setting', 'health', 'educational-psychology', 'social-care'] as const).map(
          (agency) => ({
            agency: agency as never,
            serviceName: agency === 'health' ? 'Community paediatrics' : undefined,
          }),
        ),
        token: token(),
      }),
    );
    await run('2026-05-01', (ctx) =>
      decideOutcome(ctx, caseId, {
        date: '2026-05-01',
        outcome: 'no-plan',
        reasons: 'Needs met',
        withoutAdvice: LATE,
      }),
    );
    const items = (await inbox(caseId)).filter((i) => i.kind === 'not-to-issue');
    expect(items).toEqual([
      { organisation_id: icb.id, kind: 'not-to-issue', reason: 'commissioner', decision_date: '2026-05-01' },
    ]);
    const emails = (await sent('decision-sent-to-organisation', childId)).filter((e) =>
      e.subject!.startsWith('Decision not to issue'),
    );
    expect(emails.map((e) => e.recipient)).toEqual(['decisions@icb.example']);
    const family = await sent('assessment-decision', childId);
    expect(family.find((m) => m.body.includes('not to write'))!.body).toContain(
      'contact the mediation adviser by 1 July 2026',
    );
  });

  it('the final plan goes to the commissioner and, when it names one, the setting named; never another school', async () => {
    const { caseId, childId } = await requested('2026-01-05');
    await run('2026-02-10', (ctx) =>
      decide(ctx, caseId, { date: '2026-02-10', outcome: 'assess', reasons: 'Needs' }),
    );
    await tellOrganisations(
      { trx: t.database.db, actor: caseworker, jobs: t.jobs },
      {
        caseId,
        childId,
        kind: 'final-plan',
        date: '2026-05-20',
        childName: 'Test Child',
        reference: 'GT-1',
        namedSettingId: vale.id,
      },
    );
    const items = (await inbox(caseId)).filter((i) => i.kind === 'final-plan');
    expect(items.map((i) => [i.organisation_id, i.reason])).toEqual([
      [icb.id, 'commissioner'],
      [vale.org.id, 'named-setting'],
    ]);
    const emails = (await sent('decision-sent-to-organisation', childId)).filter((e) =>
      e.subject!.startsWith('Final EHC plan'),
    );
    expect(emails.map((e) => e.recipient).sort()).toEqual(
      ['decisions@icb.example', vale.org.user.email].sort(),
    );
    // Told once: a repeat adds nothing.
    await tellOrganisations(
      { trx: t.database.db, actor: caseworker, jobs: t.jobs },
      {
        caseId,
        childId,
        kind: 'final-plan',
        date: '2026-05-20',
        childName: 'Test Child',
        reference: 'GT-1',
        namedSettingId: vale.id,
      },
    );
    expect((await inbox(caseId)).filter((i) => i.kind === 'final-plan')).toHaveLength(2);
  });

  it('the organisation’s users see the item in their inbox and read the notice; another school sees neither', async () => {
    const { caseId } = await requested('2026-03-02');
    await run('2026-04-01', (ctx) =>
      decide(ctx, caseId, { date: '2026-04-01', outcome: 'assess', reasons: 'Needs' }),
    );
    const senco = new TestClient(t.app);
    await senco.signIn(hill.org.user.email, TEST_PASSWORD);
    const page = await senco.get('/inbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Decisions sent to you');
    expect(page.body).toContain(`/notices/${caseId}/decision-to-assess`);
    expect(page.body).toContain('New');
    expect((await senco.get(`/notices/${caseId}/decision-to-assess`)).statusCode).toBe(200);
    expect((await senco.get('/inbox')).body).toMatch(/Read/);
    const commissioner = new TestClient(t.app);
    await commissioner.signIn(icb.user.email, TEST_PASSWORD);
    expect((await commissioner.get('/inbox')).body).toContain(`/notices/${caseId}/decision-to-assess`);
    expect((await commissioner.get(`/notices/${caseId}/decision-to-assess`)).statusCode).toBe(200);
    const elsewhere = new TestClient(t.app);
    await elsewhere.signIn(other.org.user.email, TEST_PASSWORD);
    expect((await elsewhere.get('/inbox')).body).not.toContain(caseId);
    expect((await elsewhere.get(`/notices/${caseId}/decision-to-assess`)).statusCode).toBe(404);
  });

  it('only professionals have an inbox', async () => {
    for (const role of ['caseworker', 'parent', 'administrator', 'local-offer-editor'] as const) {
      const user = await createUser(t.database.db, la, role);
      const c = new TestClient(t.app);
      await c.signIn(user.email, TEST_PASSWORD);
      expect((await c.get('/inbox')).statusCode, role).toBe(403);
    }
  });
});
