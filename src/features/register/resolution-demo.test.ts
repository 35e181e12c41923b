/**
 * The disagreement resolution demo (resolution-demo.ts; issue 15 item 5) in the shared demo image: records in every
 * state (asked for and not held, agreed with actions to do, late and done, agreed on some of it, no agreement), the
 * family's section on /your-say, the caseworker's agreed actions on their first screen, and the leaders' counts, each
 * number equal to its list. The survey's demo offers carry the short code their letters print (ADR 0057).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { obligationStatus, printedShortCode } from '../../domain/register/index.ts';

describe('the disagreement resolution demo', () => {
  let t: TestApp;
  const signIn = async (email: string) => {
    const c = new TestClient(t.app);
    await c.signIn(email, DEMO_PASSWORD);
    return c;
  };
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { image: 'demo', today: () => DEMO_IMAGE_TODAY });
  });
  afterAll(() => t?.close());

  it('has records in every outcome and agreed actions in every state', async () => {
    const db = t.database.db;
    const records = await db
      .selectFrom('disagreement_resolution')
      .selectAll()
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    expect(new Set(records.map((r) => r.outcome))).toEqual(
      new Set(['agreed', 'partly-agreed', 'not-agreed', 'not-held']),
    );
    expect(records.every((r) => r.requested_on <= DEMO_IMAGE_TODAY)).toBe(true);
    const obligations = await db
      .selectFrom('disagreement_resolution_obligation')
      .selectAll()
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    expect(
      new Set(obligations.map((o) => obligationStatus({ due: o.due, doneOn: o.done_on }, DEMO_IMAGE_TODAY))),
    ).toEqual(new Set(['open', 'overdue', 'done', 'done-late']));
  });

  it('shows parent@ their meetings with what the council must do: to do, late and done', async () => {
    const page = await (await signIn('parent@demo.example')).get('/your-say');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Meetings to sort out a disagreement');
    for (const text of ['To do', 'Late', 'Done on']) expect(page.body).toContain(text);
  });

  it('gives caseworker@ the agreed actions on their first screen, and the leader counts them', async () => {
    expect((await (await signIn('caseworker@demo.example')).get('/')).body).toContain(
      'Disagreement resolution agreements',
    );
    const leader = await signIn('leader@demo.example');
    const overdue = await leader.get('/register/disagreement-resolution?overdue=yes');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.body).toContain('Write to the family with the date of the early review');
  });

  it('gives the survey’s demo offers the short code their letters print', async () => {
    const offer = await t.database.db
      .selectFrom('survey_offer')
      .select(['short_code', 'token'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('short_code', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const r = await new TestClient(t.app).get(`/say/${DEMO_LA_CODE}/${printedShortCode(offer.short_code!)}`);
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/have-your-say/${DEMO_LA_CODE}/${offer.token}`);
  });
});
