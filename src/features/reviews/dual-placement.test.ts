/**
 * A child with a dual placement (two schools at once, one of them a dual registration) on both engines, on the demo
 * authority: the main school (the placement that is not a dual registration, as the inspection list and the figures
 * read it) keeps the review whatever order the placements began in, and its SENCO arranges it; the other school's
 * SENCO sees it on their first screen, reads the review and is offered as an invitee, but neither arranges nor changes
 * it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { schoolTermOf } from '../../domain/review/index.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { settingOfUser } from '../../platform/people/settings.ts';
import { todayInLondon } from '../../platform/web/views.ts';

const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('a child with a dual placement on %s', (engine) => {
  let t: TestApp;
  let laCode: string;
  let sencoSchool: { id: string; name: string };
  const signedIn = new Map<string, TestClient>();
  const as = async (who: string) => {
    let client = signedIn.get(who);
    if (!client) {
      client = new TestClient(t.app);
      await client.signIn(`${who}@demo.example`, DEMO_PASSWORD);
      signedIn.set(who, client);
    }
    return client;
  };
  /** A plan with no open review whose child's only open placement is (or is not) at the SENCO's school. */
  const planOfChild = async (atSencoSchool: boolean) => {
    const db = t.database.db;
    const rows = await db
      .selectFrom('plan_review_schedule as s')
      .innerJoin('child_setting as cs', (j) =>
        j.onRef('cs.la_code', '=', 's.la_code').onRef('cs.child_id', '=', 's.child_id'),
      )
      .select(['s.plan_id', 's.child_id', 'cs.setting_id'])
      .where('s.la_code', '=', laCode)
      .where('s.stage', '=', 'not-arranged')
      .where('cs.end_date', 'is', null)
      .where('cs.setting_id', atSencoSchool ? '=' : '!=', sencoSchool.id)
      .where('cs.attendance', '!=', 'dual-registered')
      .orderBy('s.plan_id')
      .execute();
    for (const r of rows) {
      const child = (await childrenForReviews(db, laCode, [r.child_id])).get(r.child_id)!;
      if (child.otherSettingIds.length === 0 && child.setting?.id === r.setting_id) return r;
    }
    throw new Error('no such plan in the demo');
  };
  /** Another school than the SENCO's. */
  const otherSchool = async (not: string) =>
    (
      await t.database.db
        .selectFrom('setting')
        .select('id')
        .where('la_code', '=', laCode)
        .where('kind', '=', 'school')
        .where('id', 'not in', [sencoSchool.id, not])
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  const addDualRegistration = (childId: string, settingId: string) =>
    t.database.db
      .insertInto('child_setting')
      .values({
        la_code: laCode,
        child_id: childId,
        setting_id: settingId,
        // begun after the main placement: the later placement must not become the main one
        start_date: todayInLondon(),
        end_date: null,
        attendance: 'dual-registered',
      })
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
    const senco = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'la_code'])
      .where('email', '=', 'senco@demo.example')
      .executeTakeFirstOrThrow();
    laCode = senco.la_code;
    sencoSchool = (await settingOfUser(t.database.db, laCode, senco.id))!;
  });
  afterAll(() => t?.close());

  it('keeps the review with the main school when a dual registration begins later, and its SENCO arranges it', async () => {
    const main = await planOfChild(true);
    await addDualRegistration(main.child_id, await otherSchool(main.setting_id));
    const child = (await childrenForReviews(t.database.db, laCode, [main.child_id])).get(main.child_id)!;
    expect(child.setting?.id).toBe(sencoSchool.id);
    expect(child.otherSettingIds).toHaveLength(1);

    const senco = await as('senco');
    const arrange = `/reviews/plans/${main.plan_id}/arrange`;
    expect((await senco.get(arrange)).statusCode).toBe(200);
    const set = await senco.submitOnce(arrange, dateFields('meetingDate', addDays(todayInLondon(), 21)));
    expect(set.statusCode).toBe(303);
    const meeting = await senco.get(set.headers.location as string);
    expect(meeting.statusCode).toBe(200);
    // the invitation form is there (its button's words are also the rule's, so the form's action is checked)
    expect(meeting.body).toContain(`action="${set.headers.location as string}/invite"`);
  });

  it("lets the dual-registered school's SENCO read the review, but not arrange or change it", async () => {
    const elsewhere = await planOfChild(false);
    await addDualRegistration(elsewhere.child_id, sencoSchool.id);
    const child = (await childrenForReviews(t.database.db, laCode, [elsewhere.child_id])).get(
      elsewhere.child_id,
    )!;
    expect(child.setting?.id).toBe(elsewhere.setting_id);
    expect(child.otherSettingIds).toEqual([sencoSchool.id]);

    const senco = await as('senco');
    const arrange = `/reviews/plans/${elsewhere.plan_id}/arrange`;
    expect((await senco.get(arrange)).statusCode).toBe(404);
    const name = await t.database.db
      .selectFrom('child')
      .select(['given_name', 'family_name'])
      .where('id', '=', elsewhere.child_id)
      .executeTakeFirstOrThrow();
    const childName = `${name.given_name} ${name.family_name}`;
    // the council arranges it; the dual-registered school's SENCO then reads it
    const cw = await as('caseworker');
    // a meeting this term, so the school's first screen (this term's reviews) lists it
    const termEnd = schoolTermOf(todayInLondon()).end;
    const inTerm = addDays(todayInLondon(), 28) < termEnd ? addDays(todayInLondon(), 28) : termEnd;
    const set = await cw.submitOnce(arrange, {
      ...dateFields('meetingDate', inTerm),
      arrangedBy: 'authority',
    });
    expect(set.statusCode).toBe(303);
    const meetingUrl = set.headers.location as string;
    // the dual-registered school's first screen lists the review, linked to the meeting, and says who arranges it
    const home = (await senco.get('/')).body;
    const row = new RegExp(`<tr[^>]*>(?:(?!</tr>)[\\s\\S])*${childName}(?:(?!</tr>)[\\s\\S])*</tr>`).exec(
      home,
    )?.[0];
    expect(row, 'the row of the dual-registered child').toBeDefined();
    expect(row).toContain(`href="${meetingUrl}"`);
    expect(row).toContain('Dual registration: the main school or the council arranges it');
    expect(row).not.toContain('/arrange');
    const read = await senco.get(meetingUrl);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(`action="${meetingUrl}/invite"`);
    expect(read.body).not.toContain(`action="${meetingUrl}/date"`);
    const moved = await senco.post(`${meetingUrl}/date`, {
      ...dateFields('meetingDate', addDays(todayInLondon(), 35)),
      _csrf: TestClient.csrfFrom(read.body),
      formToken: randomUUID(),
    });
    expect(moved.statusCode).toBe(404);
    // a school with neither placement sees nothing: the dual registration ended, the SENCO loses the review
    await t.database.db
      .updateTable('child_setting')
      .set({ end_date: todayInLondon() })
      .where('child_id', '=', elsewhere.child_id)
      .where('setting_id', '=', sencoSchool.id)
      .execute();
    expect((await senco.get(meetingUrl)).statusCode).toBe(404);
    expect((await senco.get('/')).body).not.toContain(`href="${meetingUrl}"`);
  });
});
