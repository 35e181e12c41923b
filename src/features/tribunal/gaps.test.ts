/**
 * Issue 15 item 2's gaps against the database, on both engines: a reg 44(3) exception recorded on a page (errors with
 * the input kept, a double submit stores one, audited with the child's history, the date then shown excused, not
 * late), the family told the recalculated appeal date when a mediation certificate is recorded, and the child's
 * disagreements on the child's record; who may not record an exception.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';

async function signedIn(t: TestApp, la: string, role: Role) {
  const user = await createUser(t.database.db, la, role);
  const client = new TestClient(t.app);
  await client.signIn(user.email, TEST_PASSWORD);
  return { user, client };
}

describe.each(ENGINES)('tribunal exceptions, certificate messages and the child record on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let child: string;
  let ordered: string;
  let mediating: string;
  let caseworker: TestClient;
  let parent: TestClient;
  let parentEmail = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    la = await createAuthority(db, '921');
    const cw = await signedIn(t, la, 'caseworker');
    caseworker = cw.client;
    const p = await signedIn(t, la, 'parent');
    parent = p.client;
    parentEmail = p.user.email;
    child = (await createChild(db, la, { givenName: 'Eli', familyName: 'Except', leadOfficerId: cw.user.id }))
      .id;
    await grant(db, la, p.user.id, child, 'parent');
    const rows = await db
      .insertInto('disagreement')
      .values([
        {
          la_code: la,
          child_id: child,
          decision_kind: 'final-plan',
          decision_sent: '2026-03-02',
          certificate_issued_on: '2026-03-20',
          appeal_registered_on: '2026-04-01',
          ground: 'contents',
          sections: 'F',
          outcome: 'allowed',
          decided_on: '2026-10-01',
          order_kind: 'make-and-maintain',
          updated_at: new Date(),
        },
        {
          la_code: la,
          child_id: child,
          decision_kind: 'not-to-assess',
          decision_sent: '2026-08-20',
          updated_at: new Date(),
        },
      ])
      .returning('id')
      .execute();
    ordered = rows[0]!.id;
    mediating = rows[1]!.id;
  });
  afterAll(() => t?.close());

  const url = () => `/tribunal/${ordered}/exception`;

  it('refuses an incomplete exception with every problem and the input kept', async () => {
    const r = await caseworker.submitOnce(url(), {
      details: 'Kept words',
      ...dateInputValues('fromOn', '2026-02-30'),
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select one of the council’s dates');
    expect(r.body).toContain('Select what happened');
    expect(r.body).toContain('must be a real date');
    expect(r.body).toContain('Kept words');
  });

  it('records a confirmed absence once, excusing the draft plan’s date, audited and in the history', async () => {
    const page = await caseworker.get(url());
    const fields = {
      stepId: 'order:draft-plan',
      kind: 'absence',
      ...dateInputValues('fromOn', '2026-10-10'),
      ...dateInputValues('toOn', '2026-10-30'),
      confirmed: 'yes',
      ...TestClient.formTokensFrom(page.body, url()),
    };
    const a = await caseworker.post(url(), fields);
    const b = await caseworker.post(url(), fields);
    expect(a.statusCode).toBe(303);
    expect(b.statusCode).toBe(303);
    const db = t.database.db;
    expect(await db.selectFrom('disagreement_exception').select('id').execute()).toHaveLength(1);
    const show = await caseworker.get(`/tribunal/${ordered}`);
    expect(show.body).toContain('Exception');
    expect(show.body).toContain('An exception to one of the council');
    const again = await caseworker.get(url());
    expect(again.body).toContain('21 days of it fell within the period');
    const history = await db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', child)
      .execute();
    expect(history.map((h) => h.summary).join('\n')).toContain('Exception recorded against');
    const audit = await db.selectFrom('audit_log').select('action').where('child_id', '=', child).execute();
    expect(audit.map((x) => x.action)).toContain('tribunal.exception.create');
    // a date with no order behind it is refused
    const bad = await caseworker.submitOnce(`/tribunal/${mediating}/exception`, {
      stepId: 'order:draft-plan',
      kind: 'absence',
      ...dateInputValues('fromOn', '2026-10-10'),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('tells the family the recalculated appeal date when a certificate is recorded', async () => {
    const r = await caseworker.submit(`/tribunal/${mediating}/mediation`, {
      ...dateInputValues('adviserContacted', '2026-08-25'),
      ...dateInputValues('declinedMediationOn', '2026-08-25'),
      ...dateInputValues('certificateIssuedOn', '2026-08-28'),
    });
    expect(r.statusCode).toBe(303);
    const told = await t.database.db
      .selectFrom('notification')
      .select(['recipient', 'body'])
      .where('template', '=', 'tribunal-certificate-recorded')
      .execute();
    expect(told.map((m) => m.recipient)).toEqual([parentEmail]);
    // D 20 August 2026 + 2 months = 20 October (a Tuesday); certificate + 1 month earlier: 20 October stands
    expect(told[0]!.body).toContain('20 October 2026');
  });

  it('tells the family what the council must do, and by when, after it concedes (S7.4, reg 45)', async () => {
    const r = await caseworker.submit(`/tribunal/${mediating}/appeal`, {
      ...dateInputValues('registeredOn', '2026-09-10'),
      ground: 'refusal-to-assess',
      outcome: 'conceded',
      ...dateInputValues('concededOn', '2026-10-05'),
      concessionKind: 'assess',
    });
    expect(r.statusCode).toBe(303);
    const told = await t.database.db
      .selectFrom('notification')
      .select(['recipient', 'body'])
      .where('template', '=', 'tribunal-compliance-dates')
      .execute();
    expect(told.map((m) => m.recipient)).toEqual([parentEmail]);
    const body = told[0]!.body;
    expect(body).toContain('The council has conceded the appeal');
    expect(body).toContain('on 5 October 2026');
    // C + 14, C + 70, C + 98: each with its rule (reg 45)
    expect(body).toContain('by 19 October 2026');
    expect(body).toContain('by 14 December 2026');
    expect(body).toContain('by 11 January 2027');
    expect(body).toContain('reg 45');
    // the same dates on the family's page
    const page = await parent.get('/your-appeals');
    expect(page.body).toContain('19 October 2026');
    expect(page.body).toContain('11 January 2027');
  });

  it('the child’s record lists the child’s disagreements for staff, not for the family', async () => {
    const staff = await caseworker.get(`/children/${child}`);
    expect(staff.body).toContain('Mediation and appeals');
    expect(staff.body).toContain(`/tribunal/${ordered}`);
    const family = await parent.get(`/children/${child}`);
    expect(family.body).not.toContain(`/tribunal/${ordered}`);
    expect((await parent.get(url())).statusCode).toBe(403);
  });
});
