/**
 * Who is told (issue 10 item 6; J6) on both engines, through the assessments service with fixed dates: the decision
 * whether or not to assess goes to the health commissioning body, social care and the child's school (reg 5(2) and 4(2)); the
 * decision not to issue a plan to the commissioner (reg 10(2)); the final plan to the setting it names and the
 * commissioner (reg 13(2)). Each in the organisation's inbox and by email through Notify, to exactly those people;
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
import { createRequest, decide, decideOutcome, requestAdvice, type ChangeContext } from './service.ts';
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

  async function requested(received: string) {
    const child = await createChild(t.database.db, la, { leadOfficerId: caseworker.userId });
    await t.database.db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('la_code', '=', la)
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

  it('the decision to assess goes to the commissioner, social care and the child’s school, and to no one else', async () => {
    const { caseId, childId } = await requested('2026-03-02');
    await run('2026-04-01', (ctx) =>
      decide(ctx, caseId, { date: '2026-04-01', outcome: 'assess', reasons: 'Needs' }),
    );
    expect(await inbox(caseId)).toEqual([
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
    expect(await inbox(caseId)).toEqual(
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
      decideOutcome(ctx, caseId, { date: '2026-05-01', outcome: 'no-plan', reasons: 'Needs met' }),
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
