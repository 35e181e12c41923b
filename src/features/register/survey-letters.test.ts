/**
 * The survey's invitation in the milestone letters and for families without email (issue 15 item 4; ADR 0057), on
 * both engines: the letter knows its short code from the milestone's history event before the job makes the offer;
 * the job offers a family reached only by post (counted as asked) and posts them the short address and code; the
 * short address opens the survey, typed with or without the dash, in any case; a code with no offer, or one that
 * cannot be a code, keeps what was typed and says what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createChild, createTeam, createUser } from '../../../test/helpers/factories.ts';
import { printedShortCode } from '../../domain/register/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const CASE = '00000000-0000-4000-8000-00000000c0de';

describe.each(ENGINES)('the survey in the milestone letters on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let byPost: string;
  let nobody: string;
  const today = todayInLondon();
  const milestone = (childId: string) => ({
    childId,
    kinds: ['assessment-agreed', 'assessment-refused'],
    detail: { caseId: CASE },
  });
  const codeIn = (paragraphs: readonly string[] | undefined) =>
    /the code ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((paragraphs ?? []).join('\n'))?.[1];

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db, '903');
    const db = t.database.db;
    const team = (await createTeam(db, la, { name: 'South team' })).teamId;
    const officer = await createUser(db, la, 'caseworker', { teamId: team });
    byPost = (
      await createChild(db, la, { givenName: 'Bea', familyName: 'Bypost', leadOfficerId: officer.id })
    ).id;
    nobody = (await createChild(db, la, { givenName: 'Cal', familyName: 'Nocontact' })).id;
    await db
      .insertInto('family_member')
      .values([
        {
          la_code: la,
          child_id: byPost,
          given_name: 'Robin',
          family_name: 'Bypost',
          relationship: 'Parent',
          parental_responsibility: true,
          address_line: '4 Mill Lane',
          town: 'Denmoor',
          postcode: 'DM3 4EF',
          contact_preference: 'letter',
        },
        {
          la_code: la,
          child_id: nobody,
          given_name: 'Sol',
          family_name: 'Nocontact',
          relationship: 'Parent',
          parental_responsibility: true,
          phone: '07700 900000',
          contact_preference: 'phone',
        },
      ])
      .execute();
    for (const childId of [byPost, nobody])
      await recordCaseEvent(
        { trx: db, actor: { laCode: la, userId: officer.id } },
        { childId, kind: 'assessment-agreed', summary: 'x', detail: { caseId: CASE } },
      );
  });
  afterAll(() => t?.close());

  it('gives the letter its short code before the job runs, and the job stores the same code on the offer', async () => {
    const db = t.database.db;
    const before = await t.services.register.surveyInvitation(db, la, milestone(byPost));
    const printed = codeIn(before);
    expect(printed).toBeDefined();
    expect(before!.join('\n')).toContain(`/say/${la}/${printed}`);
    // The job has not run: the address says to try again, and keeps the code.
    const early = await new TestClient(t.app).get(`/say/${la}/${printed}`);
    expect(early.statusCode).toBe(404);
    expect(early.body).toContain('There is a problem');
    expect(early.body).toContain('try again in 15 minutes');
    expect(early.body).toContain(`value="${printed}"`);

    expect(await t.services.register.offerAfterMilestones(la, today)).toBe(1);
    const offers = await db.selectFrom('survey_offer').selectAll().where('la_code', '=', la).execute();
    // The family reached only by post is asked (and counted); the one with only a phone number is not.
    expect(offers.map((o) => o.child_id)).toEqual([byPost]);
    expect(printedShortCode(offers[0]!.short_code!)).toBe(printed);
    // The same code in the letter after the job, too.
    expect(codeIn(await t.services.register.surveyInvitation(db, la, milestone(byPost)))).toBe(printed);
    // Nothing for a family the council cannot reach.
    expect(await t.services.register.surveyInvitation(db, la, milestone(nobody))).toBeUndefined();
  });

  it('posts the family without email the short address and the code, and emails nobody', async () => {
    const sent = await t.database.db
      .selectFrom('notification')
      .select(['template', 'channel', 'recipient', 'body'])
      .where('la_code', '=', la)
      .where('template', 'like', 'survey-offered%')
      .execute();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: 'survey-offered-by-post', channel: 'letter' });
    expect(sent[0]!.recipient).toContain('DM3 4EF');
    const offer = await t.database.db
      .selectFrom('survey_offer')
      .select('short_code')
      .where('la_code', '=', la)
      .executeTakeFirstOrThrow();
    expect(sent[0]!.body).toContain(`/say/${la}`);
    expect(sent[0]!.body).toContain(printedShortCode(offer.short_code!));
    expect(sent[0]!.body).not.toContain('/have-your-say/');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('la_code', '=', la)
      .where('action', '=', 'register.survey.offer')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ told: 0, byPost: 1 });
  });

  it('opens the survey from the short address, the code typed however the family types it', async () => {
    const offer = await t.database.db
      .selectFrom('survey_offer')
      .select(['short_code', 'token'])
      .where('la_code', '=', la)
      .executeTakeFirstOrThrow();
    const code = offer.short_code!;
    const survey = `/have-your-say/${la}/${offer.token}`;
    const anonymous = new TestClient(t.app);
    for (const url of [
      `/say/${la}/${printedShortCode(code)}`,
      `/say/${la}/${code.toLowerCase()}`,
      `/say/${la}?code=${encodeURIComponent(` ${code.slice(0, 4).toLowerCase()} ${code.slice(4)} `)}`,
    ]) {
      const r = await anonymous.get(url);
      expect(r.statusCode, url).toBe(303);
      expect(r.headers.location).toBe(survey);
    }
    expect((await anonymous.get(survey)).statusCode).toBe(200);
  });

  it('asks for the code on the short address alone, and keeps what was typed when it cannot be one', async () => {
    const anonymous = new TestClient(t.app);
    const form = await anonymous.get(`/say/${la}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Code from your letter');
    expect(form.body).not.toContain('There is a problem');
    const bad = await anonymous.get(`/say/${la}?code=IO10`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the 8 letters and numbers of the code in your letter');
    expect(bad.body).toContain('value="IO10"');
    expect(bad.body).toContain('href="#code"');
  });
});
