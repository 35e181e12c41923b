/**
 * The adviser's list at /advice (issue 18, finding 7), on both engines: advice to send and advice sent are two lists
 * with their own counts, a task asked for this week leads the list to send even behind more than a page of older
 * tasks, and sent advice is never listed as to send. Who may not: a caseworker (403), and nobody sees another
 * professional's tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createTeam,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const today = todayInLondon();
const daysAgo = (n: number) => formatDate(parseDate(today) - n);
const between = (html: string, from: string, to?: string) =>
  html.slice(html.indexOf(from), to && html.indexOf(to) > 0 ? html.indexOf(to) : undefined);

describe.each(ENGINES)("the adviser's list of advice, on %s", (engine) => {
  let t: TestApp;
  const la = '906';
  let adviser = '';
  let other = '';
  let caseworker = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const { teamId } = await createTeam(db, la);
    const cw = await createUser(db, la, 'caseworker', { teamId });
    const ep = await createUser(db, la, 'professional');
    const otherEp = await createUser(db, la, 'professional');
    adviser = ep.email;
    other = otherEp.email;
    caseworker = cw.email;
    const task = async (
      givenName: string,
      requested: string,
      received: string | null,
      professional = ep.id,
    ) => {
      const child = await createChild(db, la, { givenName, familyName: 'Advised' });
      const { id } = await db
        .insertInto('assessment_case')
        .values({
          la_code: la,
          child_id: child.id,
          request_received: daysAgo(60),
          request_method: 'letter',
          requested_by: 'parent',
          idempotency_key: `advice-list-${givenName}`,
          team_id: teamId,
          officer_id: cw.id,
          stage: 'assessment',
          decision_date: daysAgo(50),
          decision_outcome: 'assess',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('assessment_advice')
        .values({
          la_code: la,
          case_id: id,
          child_id: child.id,
          agency: 'educational-psychology',
          professional_user_id: professional,
          requested,
          due: formatDate(parseDate(requested) + 42),
          ...(received ? { received, status: 'received' as const } : {}),
        })
        .execute();
    };
    // 26 older tasks to send (more than a page of 25), 3 sent, one asked for today, one of another adviser's.
    for (let i = 0; i < 26; i++) await task(`Older${String(i).padStart(2, '0')}`, daysAgo(30 + i), null);
    for (let i = 0; i < 3; i++) await task(`Sent${i}`, daysAgo(40), daysAgo(5 + i));
    await task('Newest', today, null);
    await task('Elsewhere', today, null, otherEp.id);
  }, 180_000);
  afterAll(async () => t?.close());

  it('two lists with their own counts; the new task first; sent advice only under "Sent"', async () => {
    const ep = new TestClient(t.app);
    await ep.signIn(adviser, TEST_PASSWORD);
    const r = await ep.get(paths.advice.tasks);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('To send (27)');
    expect(r.body).toContain('27 pieces of advice to send');
    expect(r.body).toContain('Sent (3)');
    const toSend = between(r.body, 'id="to-send"', 'id="sent"');
    const sent = between(r.body, 'id="sent"');
    // the new task leads the first page, marked new; the soonest due follow
    expect(toSend.indexOf('Newest Advised')).toBeGreaterThan(0);
    expect(toSend.indexOf('Newest Advised')).toBeLessThan(toSend.indexOf('Older25 Advised'));
    expect(toSend).toContain('govuk-tag--blue">New</strong>');
    // then the soonest due (the oldest asked), in order, to a full page: Older25 to Older02
    expect(toSend.indexOf('Older25 Advised')).toBeLessThan(toSend.indexOf('Older24 Advised'));
    expect(toSend.indexOf('Older03 Advised')).toBeLessThan(toSend.indexOf('Older02 Advised'));
    expect(toSend).not.toContain('Older01 Advised');
    expect(toSend).not.toContain('Sent0 Advised');
    for (const i of [0, 1, 2]) expect(sent).toContain(`Sent${i} Advised`);
    // the latest sent first
    expect(sent.indexOf('Sent0 Advised')).toBeLessThan(sent.indexOf('Sent1 Advised'));
    expect(sent.indexOf('Sent1 Advised')).toBeLessThan(sent.indexOf('Sent2 Advised'));
    expect(sent).not.toContain('Older');
    expect(r.body).not.toContain('Elsewhere');
    // page 2 holds the rest of the list to send, and the sent list stays as it was
    const two = await ep.get(`${paths.advice.tasks}?page=2`);
    const twoToSend = between(two.body, 'id="to-send"', 'id="sent"');
    expect(twoToSend.indexOf('Older01 Advised')).toBeLessThan(twoToSend.indexOf('Older00 Advised'));
    expect(twoToSend.indexOf('Older01 Advised')).toBeGreaterThan(0);
    expect(twoToSend).not.toContain('Older02 Advised');
    expect(between(two.body, 'id="sent"')).toContain('Sent0 Advised');
  });

  it('the first screen still counts the same: to send of asked', async () => {
    const ep = new TestClient(t.app);
    await ep.signIn(adviser, TEST_PASSWORD);
    const home = await ep.get(paths.home);
    expect(home.body).toContain('27 to send of 30 asked');
    // how many children they advise on: their live grants, counted
    expect(home.body).not.toContain('asked to advise on');
    const db = t.database.db;
    const adviserId = (
      await db.selectFrom('app_user').select('id').where('email', '=', adviser).executeTakeFirstOrThrow()
    ).id;
    for (const n of ['One', 'Two']) {
      const child = await createChild(db, la, { givenName: n, familyName: 'Linked' });
      await grant(db, la, adviserId, child.id, 'adviser');
    }
    expect((await ep.get(paths.home)).body).toContain(
      'You have been asked to advise on 2 children and young people.',
    );
  });

  it('another adviser sees only their own; a caseworker may not open the list (403)', async () => {
    const otherEp = new TestClient(t.app);
    await otherEp.signIn(other, TEST_PASSWORD);
    const r = await otherEp.get(paths.advice.tasks);
    expect(r.body).toContain('To send (1)');
    expect(r.body).not.toContain('Newest');
    const cw = new TestClient(t.app);
    await cw.signIn(caseworker, TEST_PASSWORD);
    expect((await cw.get(paths.advice.tasks)).statusCode).toBe(403);
  });
});
