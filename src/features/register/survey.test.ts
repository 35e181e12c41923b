/**
 * What families say (issue 15 item 4; ADR 0034) against the database, on both engines: the job offers the survey
 * after each milestone in a child's history (once per milestone, the family emailed the link, the history and the
 * audit), the family's first screen shows it, the family answers once without signing in (errors keep what they
 * typed and store nothing; a double submit stores one; a second answer from another tab is refused politely), the
 * answer carries no link to the child, person or offer, leaders see the results with small numbers kept from view
 * and code the free text into the register's themes; and every other role is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/feature-test.ts';
import { createAuthority, createChild, createTeam, grant } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { SURVEY_OFFERS_QUEUE } from './index.ts';

const formOf = (body: string) => ({
  formToken: /name="formToken" value="([^"]+)"/.exec(body)?.[1] ?? '',
  _csrf: TestClient.csrfFrom(body),
});

const rows = (t: TestApp, table: 'survey_offer' | 'survey_response') =>
  t.database.db.selectFrom(table).selectAll().execute();

describe.each(ENGINES)('the survey after each milestone on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let child: string;
  let parentId: string;
  let team: string;
  const clients = {} as Record<Role, TestClient>;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp(engine, { GOLDTHREAD_LOCAL_OFFER_LA: '902' });
    la = await createAuthority(t.database.db, '902');
    const db = t.database.db;
    team = (await createTeam(db, la, { name: 'North team' })).teamId;
    let caseworkerId = '';
    for (const role of [
      'caseworker',
      'team-manager',
      'send-leader',
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'administrator',
    ] as const) {
      const s = await signedIn(t, la, role, role === 'caseworker' ? team : undefined);
      clients[role] = s.client;
      if (role === 'caseworker') caseworkerId = s.user.id;
      if (role === 'parent') parentId = s.user.id;
    }
    child = (
      await createChild(db, la, { givenName: 'Ava', familyName: 'Ashdown', leadOfficerId: caseworkerId })
    ).id;
    await db
      .updateTable('child')
      .set({ ethnicity: 'BSOM', first_language: 'Somali' })
      .where('id', '=', child)
      .execute();
    await grant(db, la, parentId, child, 'parent');
    const actor = { laCode: la, userId: caseworkerId };
    // A decision to assess and a review's decision letter (milestones), and something that is not one.
    for (const [kind, detail] of [
      ['assessment-agreed', {}],
      ['letter.sent', { kind: 'review-decision' }],
      ['letter.sent', { kind: 'to-cease' }],
      ['review-held', {}],
    ] as const)
      await recordCaseEvent({ trx: db, actor }, { childId: child, kind, summary: 'x', detail });
  });
  afterAll(() => t?.close());

  it('offers the survey once per milestone, with the family emailed the link, the history and the audit', async () => {
    await t.jobs.send(t.database.db, SURVEY_OFFERS_QUEUE, { today });
    expect(await t.jobs.runPending(SURVEY_OFFERS_QUEUE)).toBe(1);
    expect(await t.services.register.offerAfterMilestones(la, today)).toBe(0);
    const offers = await rows(t, 'survey_offer');
    expect(offers.map((o) => o.milestone).sort()).toEqual(['request-decided', 'review-decided']);
    expect(offers[0]).toMatchObject({
      child_id: child,
      team_id: team,
      ethnicity: 'BSOM',
      first_language: 'Somali',
    });
    expect(offers.every((o) => o.offered_on === today && !o.answered)).toBe(true);
    const sent = await t.database.db
      .selectFrom('notification')
      .select(['template', 'body'])
      .where('template', '=', 'survey-offered')
      .execute();
    expect(sent).toHaveLength(2);
    expect(sent.map((s) => s.body).join('\n')).toContain(`/have-your-say/${la}/`);
    const history = await t.database.db
      .selectFrom('case_event')
      .select('kind')
      .where('kind', '=', 'register.survey-offered')
      .execute();
    expect(history).toHaveLength(2);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'register.survey.offer')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('shows the open surveys on the family’s first screen', async () => {
    const home = await clients.parent.get('/');
    expect(home.body).toContain('Tell us how it went');
    expect(home.body).toContain(`/have-your-say/${la}/`);
    const other = await clients['young-person'].get('/');
    expect(other.body).not.toContain('Tell us how it went');
  });

  it('keeps what was typed when the answer is incomplete, and stores nothing', async () => {
    const offer = (await rows(t, 'survey_offer')).find((o) => o.milestone === 'request-decided')!;
    const url = `/have-your-say/${la}/${offer.token}`;
    const anonymous = new TestClient(t.app);
    const page = await anonymous.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Overall, how did we do?');
    const r = await anonymous.post(url, {
      ...formOf(page.body),
      listened: 'partly',
      comment: 'Typed and kept',
      contactMe: 'yes',
      contactName: 'Sam',
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('There is a problem');
    expect(r.body).toContain('Select how we did overall');
    expect(r.body).toContain('Enter an email address or phone number');
    expect(r.body).toContain('Typed and kept');
    expect(r.body).toMatch(/value="partly" checked/);
    expect(r.body).toContain('value="Sam"');
    expect(await rows(t, 'survey_response')).toHaveLength(0);
  });

  it('stores one answer for a double submit, with nothing that points to the child, the person or the offer', async () => {
    const offer = (await rows(t, 'survey_offer')).find((o) => o.milestone === 'request-decided')!;
    const url = `/have-your-say/${la}/${offer.token}`;
    const page = await clients.parent.get(url);
    const body = { ...formOf(page.body), overall: 'good', listened: 'yes', comment: 'The letter was clear.' };
    const first = await clients.parent.post(url, body);
    const second = await clients.parent.post(url, body);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    const responses = await rows(t, 'survey_response');
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      milestone: 'request-decided',
      month: today.slice(0, 7),
      team_id: team,
      ethnicity: 'BSOM',
      first_language: 'Somali',
      overall: 'good',
      listened: 'yes',
      comment: 'The letter was clear.',
      contact_name: null,
      contact: null,
    });
    const stored = JSON.stringify(responses[0]);
    for (const id of [child, parentId, offer.id, offer.token]) expect(stored).not.toContain(id);
    expect((await rows(t, 'survey_offer')).find((o) => o.id === offer.id)!.answered).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['record_id', 'detail'])
      .where('action', '=', 'register.survey.answer')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.record_id).toBe(offer.id);
    expect(JSON.stringify(audit[0]!.detail ?? {})).not.toContain(responses[0]!.id);
    // Another tab (a new form) after the answer: thanked, nothing stored.
    const again = await new TestClient(t.app).get(url);
    expect(again.body).toContain('already been answered');
    // A form opened before the answer (another tab) and sent after it.
    const review = (await rows(t, 'survey_offer')).find((o) => o.milestone === 'review-decided')!;
    const otherTab = await clients.parent.get(`/have-your-say/${la}/${review.token}`);
    const late = await clients.parent.post(url, {
      ...formOf(otherTab.body),
      overall: 'poor',
      listened: 'no',
    });
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toContain('already=yes');
    expect(await rows(t, 'survey_response')).toHaveLength(1);
    const home = await clients.parent.get('/');
    expect(home.body.match(/\/have-your-say\//g)).toHaveLength(1);
  });

  it('answers 404 for a link that is no survey', async () => {
    const r = await new TestClient(t.app).get(`/have-your-say/${la}/${'a'.repeat(22)}`);
    expect(r.statusCode).toBe(404);
  });

  it('shows leaders the results with small numbers kept from view, and lets them code the free text', async () => {
    const page = await clients['team-manager'].get('/register/survey');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What families said about the service');
    expect(page.body).toContain('Fewer than 5');
    expect(page.body).toContain('Communities with fewer than 5 answers, together');
    expect(page.body).not.toContain('>Somali<');
    expect(page.body).toContain('The letter was clear.');
    const response = (await rows(t, 'survey_response'))[0]!;
    const form = await clients['send-leader'].get(`/register/survey/${response.id}/themes`);
    expect(form.statusCode).toBe(200);
    const saved = await clients['send-leader'].post(`/register/survey/${response.id}/themes`, {
      _csrf: TestClient.csrfFrom(form.body),
      themes: ['communication'],
    });
    expect(saved.statusCode).toBe(303);
    const themes = await t.database.db.selectFrom('survey_response_theme').selectAll().execute();
    expect(themes.map((r) => r.theme)).toEqual(['communication']);
    const after = await clients['send-leader'].get('/register/survey');
    expect(after.body).toMatch(
      /Communication<\/td><td class="govuk-table__cell govuk-table__cell--numeric">1</,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['register.survey.read', 'register.survey.code'])
      .execute();
    expect(audit.map((a) => a.action)).toContain('register.survey.code');
    expect(audit.map((a) => a.action)).toContain('register.survey.read');
    const counts = await clients['send-leader'].get('/register/counts');
    expect(counts.body).toContain('href="/register/survey"');
  });

  it('refuses the results to every other role', async () => {
    const response = (await rows(t, 'survey_response'))[0]!;
    for (const role of [
      'caseworker',
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'administrator',
    ] as const) {
      expect((await clients[role].get('/register/survey')).statusCode, role).toBe(403);
      expect((await clients[role].get(`/register/survey/${response.id}/themes`)).statusCode, role).toBe(403);
    }
    expect((await new TestClient(t.app).get('/register/survey')).statusCode).not.toBe(200);
  });
});
