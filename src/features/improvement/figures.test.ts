/**
 * The improvement plan's performance indicators fed live (issue 14 item 6), on both engines, on the demo: an action
 * whose evidence is a performance indicator shows the leaders' figure it follows counted from the casework as of
 * today (the same number as the figures page), not a typed value; a manager names or changes the figure (audited,
 * one transaction); a broken choice is answered with the error summary; every other role is refused (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { todayInLondon } from '../../platform/web/views.ts';

describe.each(ENGINES)('live performance indicators on %s', (engine) => {
  let t: TestApp;
  const signedIn = async (email: string) => {
    const client = new TestClient(t.app);
    await client.signIn(email, DEMO_PASSWORD);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  const actions = () =>
    t.database.db
      .selectFrom('improvement_action')
      .select(['id', 'ref', 'figure', 'evidence_types'])
      .where('la_code', '=', DEMO_LA_CODE)
      .orderBy('position')
      .execute();

  it('the demo’s indicator actions follow a figure, and their pages show it live', async () => {
    const linked = (await actions()).filter((a) => a.figure);
    expect(linked.map((a) => [a.ref, a.figure])).toContainEqual(['18 A', 'plans-20-weeks']);
    const action = linked.find((a) => a.figure === 'plans-20-weeks')!;
    const tally = await t.services.figures.headline(DEMO_LA_CODE, 'plans-20-weeks', todayInLondon());
    expect(tally).not.toBeNull();
    const page = await (await signedIn('leader@demo.example')).get(`/improvement/actions/${action.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('counted from the casework (not typed in)');
    expect(page.body).toContain(tally!.percent === null ? 'None counted' : `${tally!.percent}%`);
    expect(page.body).toContain(`${tally!.met} of ${tally!.counted} issued in time`);
    // Anyone who may read the plan sees the number; only figure readers get the link to the children.
    const caseworker = await (
      await signedIn('caseworker@demo.example')
    ).get(`/improvement/actions/${action.id}`);
    expect(caseworker.body).toContain(`${tally!.met} of ${tally!.counted} issued in time`);
    expect(caseworker.body).not.toContain('See the figure and the children behind it');
  });

  it('a manager names the figure an indicator follows, audited; others are refused; a broken choice is an error', async () => {
    const action = (await actions()).find((a) => a.evidence_types.split(',').includes('PI') && !a.figure)!;
    const manager = await signedIn('manager@demo.example');
    const page = await manager.get(`/improvement/actions/${action.id}`);
    const csrf = TestClient.csrfFrom(page.body);
    const saved = await manager.post(`/improvement/actions/${action.id}/figure`, {
      figure: 'review-decisions-4-weeks',
      _csrf: csrf,
    });
    expect(saved.statusCode).toBe(303);
    expect((await actions()).find((a) => a.id === action.id)!.figure).toBe('review-decisions-4-weeks');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('action', '=', 'improvement.action.figure')
      .where('record_id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(entry.detail).toMatchObject({ from: null, to: 'review-decisions-4-weeks' });
    const shown = await manager.get(`/improvement/actions/${action.id}`);
    expect(shown.body).toContain(
      'Review decisions sent within 4 weeks of the meeting, counted from the casework',
    );

    const bad = await manager.post(`/improvement/actions/${action.id}/figure`, {
      figure: 'made-up',
      _csrf: csrf,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Choose a figure from the list');
    expect((await actions()).find((a) => a.id === action.id)!.figure).toBe('review-decisions-4-weeks');

    const caseworker = await signedIn('caseworker@demo.example');
    const cwPage = await caseworker.get(`/improvement/actions/${action.id}`);
    const refused = await caseworker.post(`/improvement/actions/${action.id}/figure`, {
      figure: '',
      _csrf: TestClient.csrfFrom(cwPage.body),
    });
    expect(refused.statusCode).toBe(403);
    expect((await actions()).find((a) => a.id === action.id)!.figure).toBe('review-decisions-4-weeks');

    const cleared = await manager.post(`/improvement/actions/${action.id}/figure`, {
      figure: '',
      _csrf: csrf,
    });
    expect(cleared.statusCode).toBe(303);
    expect((await actions()).find((a) => a.id === action.id)!.figure).toBeNull();
  });
});
