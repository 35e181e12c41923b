/**
 * The "confirm an exception" (J10) and "close the request" (withdrawn, moved out of the area) forms through the web
 * layer on both engines: every role's access (the caseworker and team manager use them; every other role is refused,
 * and a caseworker of another authority gets 404, each denial audited), the GOV.UK error summary with the input
 * kept, and a good answer changing the case once, audited.
 */
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
import type { Role } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import { addException, decide } from './decisions.ts';
import { createRequest } from './requests.ts';
import { requestAdvice } from './advice.ts';
import type { ChangeContext } from './case-support.ts';

const FORMS = ['confirm-exception', 'close'] as const;

describe.each(ENGINES)('the confirm-exception and close-request forms on %s', (engine) => {
  let t: TestApp;
  const la = '931';
  const otherLa = '932';
  let caseworkerActor: Actor;
  let caseId = '';
  let closeId = '';
  const clients: Partial<Record<string, TestClient>> = {};
  const userIds: Record<string, string> = {};
  const childOf = { first: '' };

  const run = <T>(today: string, fn: (ctx: ChangeContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => fn({ trx, actor: caseworkerActor, jobs: t.jobs, today }));

  /** A child being assessed: the request received, the caseworker named, the decision to assess and advice asked. */
  async function assessing(childId: string, key: string): Promise<string> {
    const { caseId: id } = await run('2026-01-05', (ctx) =>
      createRequest(ctx, {
        childId,
        received: '2026-01-05',
        method: 'letter',
        requestedBy: 'parent',
        answers: {},
        idempotencyKey: `forms-${engine}-${key}`,
      }),
    );
    await run('2026-02-10', (ctx) =>
      decide(ctx, id, { date: '2026-02-10', outcome: 'assess', reasons: 'Needs' }),
    );
    await run('2026-02-11', (ctx) =>
      requestAdvice(ctx, id, {
        requested: '2026-02-11',
        asks: (['family', 'setting', 'health', 'educational-psychology'] as const).map((agency) => ({
          agency,
          serviceName: agency === 'health' ? 'Community paediatrics' : undefined,
        })),
        token: `forms-advice-${engine}-${key}`,
      }),
    );
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    await createAuthority(db, otherLa);
    const { teamId } = await createTeam(db, la);
    const child = await createChild(db, la, { dateOfBirth: '2017-04-01' });
    const second = await createChild(db, la, { dateOfBirth: '2016-09-12' });
    await db
      .updateTable('child')
      .set({ plan_status: 'none', plan_first_issued: null })
      .where('la_code', '=', la)
      .execute();
    const roles: Array<[string, Role, string?]> = [
      ['caseworker', 'caseworker', teamId],
      ['team-manager', 'team-manager', teamId],
      ['send-leader', 'send-leader'],
      ['adviser', 'professional'],
      ['parent', 'parent'],
      ['young-person', 'young-person'],
      ['local-offer-editor', 'local-offer-editor'],
      ['local-offer-provider', 'local-offer-provider'],
      ['administrator', 'administrator'],
    ];
    for (const [name, role, team] of roles) {
      const user = await createUser(db, la, role, team ? { teamId: team } : {});
      userIds[name] = user.id;
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      clients[name] = client;
    }
    await grant(db, la, userIds.adviser!, child.id, 'adviser');
    await grant(db, la, userIds.parent!, child.id, 'parent');
    await grant(db, la, userIds['young-person']!, child.id, 'young-person');
    const stranger = await createUser(db, otherLa, 'caseworker');
    clients.elsewhere = new TestClient(t.app);
    await clients.elsewhere.signIn(stranger.email, TEST_PASSWORD);
    userIds.elsewhere = stranger.id;
    caseworkerActor = actorFor(
      { id: userIds.caseworker!, email: '', laCode: la, role: 'caseworker' },
      teamId,
    );
    childOf.first = child.id;
    caseId = await assessing(child.id, 'one');
    closeId = await assessing(second.id, 'two');
    // An absence of more than 4 weeks inside the 20 weeks: the clock says it can qualify for the final plan.
    await run('2026-03-20', (ctx) =>
      addException(ctx, caseId, {
        kind: 'absence-from-area',
        from: '2026-02-01',
        to: '2026-03-10',
        reason: 'Staying with grandparents abroad',
        appliesTo: [],
        token: `forms-exception-${engine}`,
      }),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  const url = (form: (typeof FORMS)[number]) => `${paths.assessments.case(caseId)}/${form}`;

  it('the caseworker and the team manager reach both forms, with the case', async () => {
    for (const who of ['caseworker', 'team-manager']) {
      for (const form of FORMS) {
        const page = await clients[who]!.get(url(form));
        expect(page.statusCode, `${who} ${form}`).toBe(200);
        expect(page.body).toContain('name="_csrf"');
      }
    }
    const confirm = await clients.caseworker!.get(url('confirm-exception'));
    expect(confirm.body).toContain('Which exception caused the delay?');
    expect(confirm.body).toContain('can qualify');
    const close = await clients.caseworker!.get(url('close'));
    expect(close.body).toContain('Why is the request closing?');
  });

  it('opens the team view to the manager and the SEND leader (only the manager may move work); the rest get 403', async () => {
    const manager = await clients['team-manager']!.get(paths.assessments.team);
    expect(manager.statusCode).toBe(200);
    expect(manager.body).toContain('Move the work of an officer who is leaving');
    const leader = await clients['send-leader']!.get(paths.assessments.team);
    expect(leader.statusCode).toBe(200);
    expect(leader.body).toContain('Requests with no caseworker');
    expect(leader.body).not.toContain('Move the work of an officer who is leaving');
    const move = await clients['send-leader']!.post(paths.assessments.moveAll, {
      _csrf: TestClient.csrfFrom(leader.body),
      from: userIds.caseworker!,
      to: userIds['team-manager']!,
    });
    expect(move.statusCode).toBe(403);
    for (const who of [
      'caseworker',
      'adviser',
      'parent',
      'young-person',
      'local-offer-editor',
      'administrator',
    ])
      expect((await clients[who]!.get(paths.assessments.team)).statusCode, who).toBe(403);
    // "Assessments" opens on the team's work for a manager, everyone's for a leader, and "My cases" for a caseworker.
    const selected = (html: string) =>
      /<option value="([^"]*)"\s+selected/.exec(html.split('id="officer"')[1]!)?.[1];
    expect(selected((await clients['team-manager']!.get(paths.assessments.workspace)).body)).toBe('team');
    expect(selected((await clients['send-leader']!.get(paths.assessments.workspace)).body)).toBe('any');
    expect(selected((await clients.caseworker!.get(paths.assessments.workspace)).body)).toBe('me');
  });

  it('refuses every other role (403, audited), even the family and the adviser of the child; another authority gets 404', async () => {
    const refused = [
      'send-leader',
      'adviser',
      'parent',
      'young-person',
      'local-offer-editor',
      'local-offer-provider',
      'administrator',
    ];
    for (const who of refused) {
      for (const form of FORMS) {
        const page = await clients[who]!.get(url(form));
        expect(page.statusCode, `${who} GET ${form}`).toBe(403);
        expect(page.body).not.toContain('Staying with grandparents');
        const post = await clients[who]!.post(url(form), { _csrf: TestClient.csrfFrom(page.body) });
        expect(post.statusCode, `${who} POST ${form}`).toBe(403);
      }
    }
    for (const form of FORMS) {
      const page = await clients.elsewhere!.get(url(form));
      expect(page.statusCode, `another authority ${form}`).toBe(404);
      expect(page.body).not.toContain('Staying with grandparents');
    }
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'action'])
      .where('outcome', '=', 'denied')
      .execute();
    for (const who of refused) {
      expect(
        denied.some((d) => d.user_id === userIds[who]),
        `${who}'s denial is audited`,
      ).toBe(true);
    }
    // Nothing changed.
    const kase = await t.database.db
      .selectFrom('assessment_case')
      .select(['is_open', 'closed_reason'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ is_open: true, closed_reason: null });
  });

  it('confirming: the error summary with the input kept, then the exception confirmed once and audited', async () => {
    const cw = clients.caseworker!;
    const empty = await cw.submitWithFormToken(url('confirm-exception'), {
      reason: 'It held us up <b>a lot</b>',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('Select the exception to confirm');
    expect(empty.body).toContain('It held us up &lt;b&gt;a lot&lt;/b&gt;');
    const page = await cw.get(url('confirm-exception'));
    const exceptionId = /name="exception" type="radio" value="([0-9a-f-]{36})"/.exec(page.body)?.[1];
    expect(exceptionId).toBeDefined();
    const noReason = await cw.submitWithFormToken(url('confirm-exception'), {
      exception: exceptionId!,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter how this held up the step');
    expect(noReason.body).toMatch(new RegExp(`value="${exceptionId}" checked`));
    const ok = await cw.submitWithFormToken(url('confirm-exception'), {
      exception: exceptionId!,
      reason: 'The family were away for five weeks, so the advice could not be gathered.',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toContain('done=exception-confirmed');
    const row = await t.database.db
      .selectFrom('assessment_exception')
      .select(['confirmed_by', 'confirmation_reason'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row.confirmed_by).toBe(userIds.caseworker);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', childOf.first)
      .where('action', '=', 'assessment.exception.confirm')
      .execute();
    expect(audited).toHaveLength(1);
    // Once confirmed it is no longer offered.
    expect((await cw.get(url('confirm-exception'))).body).toContain('each has been confirmed already');
  });

  it('closing: the error summary with the input kept, then the request closed as withdrawn, audited', async () => {
    const manager = clients['team-manager']!;
    const closeUrl = `${paths.assessments.case(closeId)}/close`;
    const bad = await manager.submitWithFormToken(closeUrl, {
      notes: 'Parent phoned',
      'date-day': '31',
      'date-month': '2',
      'date-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Select why the request is closing');
    expect(bad.body).toContain('Parent phoned');
    expect(bad.body).toContain('value="31"');
    const early = await manager.submitWithFormToken(closeUrl, {
      reason: 'withdrawn',
      notes: '',
      'date-day': '1',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('govuk-error-summary');
    const ok = await manager.submitWithFormToken(closeUrl, {
      reason: 'withdrawn',
      notes: 'Parent phoned to withdraw the request',
      'date-day': '2',
      'date-month': '3',
      'date-year': '2026',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toContain('done=closed');
    const kase = await t.database.db
      .selectFrom('assessment_case')
      .select(['is_open', 'stage', 'closed_reason', 'closed_date'])
      .where('id', '=', closeId)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({
      is_open: false,
      stage: 'withdrawn',
      closed_reason: 'withdrawn',
      closed_date: '2026-03-02',
    });
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', closeId)
      .where('action', '=', 'assessment.withdrawn')
      .execute();
    expect(audited).toHaveLength(1);
  });
});
