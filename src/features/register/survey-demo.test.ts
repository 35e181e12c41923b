/**
 * The survey's demo (survey-demo.ts) in the shared demo image: offers in every state (open, answered, closed after 8
 * weeks), the milestones the demo's histories hold, answers with written text coded and not yet coded, one that asked to be contacted, and
 * parent@'s open offer on their first screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { DEMO_IMAGE_TODAY } from '../../../test/helpers/images.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { offerOpen } from '../../domain/register/index.ts';

describe('the survey demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { image: 'demo', today: () => DEMO_IMAGE_TODAY });
  });
  afterAll(() => t?.close());

  it('has offers and answers in every state', async () => {
    const db = t.database.db;
    const offers = await db
      .selectFrom('survey_offer')
      .selectAll()
      .where('la_code', '=', DEMO_LA_CODE)
      .execute();
    const state = (o: (typeof offers)[number]) =>
      o.answered
        ? 'answered'
        : offerOpen({ offeredOn: o.offered_on, answered: false }, DEMO_IMAGE_TODAY)
          ? 'open'
          : 'closed';
    expect(new Set(offers.map(state))).toEqual(new Set(['answered', 'open', 'closed']));
    // Every milestone: the reviews demo writes each decided review's letter into the child's history.
    expect(new Set(offers.map((o) => o.milestone))).toEqual(
      new Set(['request-decided', 'plan-issued', 'review-decided']),
    );
    const responses = await db.selectFrom('survey_response').selectAll().execute();
    expect(responses).toHaveLength(offers.filter((o) => o.answered).length);
    const coded = new Set(
      (await db.selectFrom('survey_response_theme').select('response_id').execute()).map(
        (r) => r.response_id,
      ),
    );
    const written = responses.filter((r) => r.comment);
    expect(written.some((r) => coded.has(r.id))).toBe(true);
    expect(written.some((r) => !coded.has(r.id))).toBe(true);
    expect(responses.filter((r) => r.contact_name)).toHaveLength(1);
    const parent = new TestClient(t.app);
    await parent.signIn('parent@demo.example', DEMO_PASSWORD);
    expect((await parent.get('/')).body).toContain('Tell us how it went');
  });
});
