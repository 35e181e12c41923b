/**
 * Mediation and the tribunal against the database, on both engines: recording from a letter (errors with the input
 * kept, nothing stored; a double submit stores one), mediation with the appeal date recalculated from a
 * certificate, an agreement (once), the appeal and an order whose dates are computed by the clock and marked late
 * on the caseworker's first screen and the family's page, a date done; every write audited with the child's
 * history; and each role's access, including what a role must not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/feature-test.ts';
import { createAuthority, createChild, createTeam, grant } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';

/** GETs the form, then POSTs the fields with its CSRF and (if drawn) one-use form tokens. */
async function submitForm(
  client: TestClient,
  url: string,
  fields: Record<string, string | string[]>,
  twice = false,
  formUrl = url,
) {
  const page = await client.get(formUrl);
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1];
  const body = { ...fields, ...(formToken ? { formToken } : {}), _csrf: TestClient.csrfFrom(page.body) };
  const first = await client.post(url, body);
  return twice ? [first, await client.post(url, body)] : [first];
}

describe.each(ENGINES)('mediation and tribunal appeals on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let child: string;
  let childRef: string;
  let disagreementId: string;
  const clients = {} as Record<Role, TestClient>;
  let caseworkerId: string;
  let parentId = '';
  let otherParent: TestClient;
  let otherLaCaseworker: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db, '901');
    const db = t.database.db;
    const team = (await createTeam(db, la, { name: 'Primary team' })).teamId;
    for (const role of [
      'caseworker',
      'team-manager',
      'send-leader',
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'local-offer-provider',
      'administrator',
    ] as const) {
      const s = await signedIn(t, la, role, role === 'caseworker' ? team : undefined);
      clients[role] = s.client;
      if (role === 'caseworker') caseworkerId = s.user.id;
      if (role === 'parent') parentId = s.user.id;
    }
    const c = await createChild(db, la, {
      givenName: 'Cara',
      familyName: 'Tribe',
      leadOfficerId: caseworkerId,
    });
    child = c.id;
    childRef = (
      await db.selectFrom('child').select('reference').where('id', '=', child).executeTakeFirstOrThrow()
    ).reference;
    await grant(db, la, parentId, child, 'parent');
    otherParent = (await signedIn(t, la, 'parent')).client;
    const la2 = await createAuthority(db, '902');
    otherLaCaseworker = (await signedIn(t, la2, 'caseworker')).client;
  });
  afterAll(() => t?.close());

  const count = async (table: 'disagreement' | 'disagreement_agreement' | 'disagreement_done') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses an incomplete record with every problem and the input kept, storing nothing', async () => {
    const [r] = await submitForm(clients.caseworker, '/tribunal/new', {
      childReference: 'GT-NOPE',
      ...dateInputValues('decisionSent', '2026-02-30'),
    });
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('There is a problem');
    expect(r!.body).toContain('Select the decision the family disagrees with');
    expect(r!.body).toContain('must be a real date');
    expect(r!.body).toContain('value="GT-NOPE"');
    const [u] = await submitForm(clients.caseworker, '/tribunal/new', {
      childReference: 'GT-NOPE',
      decisionKind: 'to-cease',
      ...dateInputValues('decisionSent', '2026-06-15'),
    });
    expect(u!.statusCode).toBe(400);
    expect(u!.body).toContain('Enter the reference of a child known to the service');
    expect(u!.body).toMatch(/value="to-cease" checked/);
    const [early] = await submitForm(clients.caseworker, '/tribunal/new', {
      childReference: childRef,
      decisionKind: 'to-cease',
      ...dateInputValues('decisionSent', '1999-06-15'),
    });
    expect(early!.statusCode).toBe(400);
    expect(early!.body).toContain('must be in 2012 or later');
    expect(await count('disagreement')).toBe(0);
  });

  it('records a disagreement once on a double submit, audited, in the child’s history, with the appeal date', async () => {
    const [first, second] = await submitForm(
      clients.caseworker,
      '/tribunal/new',
      {
        childReference: childRef,
        decisionKind: 'not-to-issue',
        ...dateInputValues('decisionSent', '2026-06-15'),
      },
      true,
    );
    expect(first!.statusCode).toBe(303);
    expect(second!.headers.location).toBe(first!.headers.location);
    expect(await count('disagreement')).toBe(1);
    const db = t.database.db;
    disagreementId = (await db.selectFrom('disagreement').select('id').executeTakeFirstOrThrow()).id;
    const events = await db
      .selectFrom('case_event')
      .select(['kind', 'summary'])
      .where('child_id', '=', child)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['tribunal.disagreement']);
    expect(events[0]!.summary).toContain('1 September 2026');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'tribunal.%')
      .execute();
    expect(audit.map((a) => a.action)).toContain('tribunal.disagreement.create');
    const page = await clients.caseworker.get(`/tribunal/${disagreementId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cara Tribe');
    expect(page.body).toContain('15 August 2026'); // the adviser, not moved
    expect(page.body).toContain('1 September 2026'); // the appeal, after August
  });

  it('mediation: a broken order of events is refused with the input kept; a certificate recalculates the appeal date', async () => {
    const url = `/tribunal/${disagreementId}/mediation`;
    const [bad] = await submitForm(clients.caseworker, url, {
      ...dateInputValues('mediationRequestedOn', '2026-07-10'),
      ...dateInputValues('mediationHeldOn', '2026-07-01'),
      mediationIssues: 'Kept issues',
    });
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('The mediation must be on or after the council was told');
    expect(bad!.body).toContain('Kept issues');
    const [ok] = await submitForm(clients.caseworker, url, {
      ...dateInputValues('adviserContacted', '2026-07-01'),
      ...dateInputValues('mediationRequestedOn', '2026-07-02'),
      ...dateInputValues('mediationHeldOn', '2026-07-20'),
      ...dateInputValues('certificateIssuedOn', '2026-08-20'),
      health: 'issues',
      ...dateInputValues('commissionerToldOn', '2026-07-03'),
      mediationIssues: 'Whether a plan is needed',
    });
    expect(ok!.statusCode).toBe(303);
    const page = await clients.caseworker.get(`/tribunal/${disagreementId}`);
    expect(page.body).toContain('21 September 2026'); // 20 September is a Sunday
    expect(page.body).toContain('Recalculated from the mediation certificate of 20 August 2026');
    const kinds = await t.database.db
      .selectFrom('case_event')
      .select('kind')
      .where('child_id', '=', child)
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['tribunal.certificate', 'tribunal.mediation']),
    );
  });

  it('an agreement is recorded once, and needs what it obliges', async () => {
    const url = `/tribunal/${disagreementId}/agreement`;
    const [bad] = await submitForm(clients.caseworker, url, {
      ...dateInputValues('agreedOn', '2026-07-20'),
      terms: 'Typed terms',
    });
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Select what the agreement obliges');
    expect(bad!.body).toContain('Typed terms');
    const [a, b] = await submitForm(
      clients.caseworker,
      url,
      {
        ...dateInputValues('agreedOn', '2026-07-20'),
        terms: 'A meeting with the school',
        obliges: 'none',
        other: 'non-appealable',
      },
      true,
    );
    expect(a!.statusCode).toBe(303);
    expect(b!.statusCode).toBe(303);
    expect(await count('disagreement_agreement')).toBe(1);
    const page = await clients.caseworker.get(`/tribunal/${disagreementId}`);
    expect(page.body).toContain('3 August 2026'); // reg 42(3): 14 days
  });

  it('the appeal: a ground that does not fit is refused; an order’s dates are computed, late marked on the caseworker’s and family’s pages', async () => {
    const url = `/tribunal/${disagreementId}/appeal`;
    const [bad] = await submitForm(clients.caseworker, url, {
      ...dateInputValues('registeredOn', '2026-09-01'),
      ground: 'cease',
    });
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Select a ground that fits the decision appealed');
    const [noOrder] = await submitForm(clients.caseworker, url, {
      ...dateInputValues('registeredOn', '2026-09-01'),
      ground: 'refusal-to-issue',
      outcome: 'allowed',
      ...dateInputValues('decidedOn', '2026-10-01'),
    });
    expect(noOrder!.statusCode).toBe(400);
    expect(noOrder!.body).toContain('Select what the tribunal ordered');
    const [ok] = await submitForm(clients.caseworker, url, {
      ...dateInputValues('registeredOn', '2026-09-01'),
      ground: 'refusal-to-issue',
      ...dateInputValues('hearingOn', '2026-09-28'),
      outcome: 'allowed',
      ...dateInputValues('decidedOn', '2026-10-01'),
      orderKind: 'make-and-maintain',
    });
    expect(ok!.statusCode).toBe(303);
    const page = await clients.caseworker.get(`/tribunal/${disagreementId}`);
    expect(page.body).toContain('5 November 2026'); // draft: O + 35
    expect(page.body).toContain('17 December 2026'); // final: O + 77
    expect(page.body).toContain('reg 44');
    expect(page.body).toContain('govuk-tag--red">Late');
    const home = await clients.caseworker.get('/');
    expect(home.body).toContain('Mediation and tribunal dates');
    expect(home.body).toContain('Send the draft plan');
    const family = await clients.parent.get('/your-appeals');
    expect(family.statusCode).toBe(200);
    expect(family.body).toContain('Cara Tribe');
    expect(family.body).toContain('5 November 2026');
    expect(family.body).toContain('The council is late on');
    // S7.4: the family is emailed what the council must do after the order and by when, each date with its rule
    const parentEmail = (
      await t.database.db
        .selectFrom('app_user')
        .select('email')
        .where('id', '=', parentId)
        .executeTakeFirstOrThrow()
    ).email;
    const told = () =>
      t.database.db
        .selectFrom('notification')
        .select(['recipient', 'subject', 'body', 'user_id'])
        .where('template', '=', 'tribunal-compliance-dates')
        .execute();
    const [message, ...more] = await told();
    expect(more).toEqual([]);
    expect(message).toMatchObject({ recipient: parentEmail, user_id: parentId });
    expect(message!.body).toContain('The tribunal made its decision on the appeal on 1 October 2026');
    expect(message!.body).toMatch(/Send the draft plan[^\n]*: by 5 November 2026\.[^\n]*reg 44/);
    expect(message!.body).toMatch(/: by 17 December 2026\./);
    expect(message!.body).toContain('/your-appeals');
    const history = await t.database.db
      .selectFrom('case_event')
      .select('summary')
      .where('kind', '=', 'tribunal.compliance-told')
      .execute();
    expect(history).toHaveLength(1);
    // Saving the appeal again without changing the order tells no one twice
    await submitForm(clients.caseworker, url, {
      ...dateInputValues('registeredOn', '2026-09-01'),
      ground: 'refusal-to-issue',
      ...dateInputValues('hearingOn', '2026-09-28'),
      outcome: 'allowed',
      ...dateInputValues('decidedOn', '2026-10-01'),
      orderKind: 'make-and-maintain',
    });
    expect(await told()).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'tribunal.appeal.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a date done is recorded (late: after the date), and refused for a step that is not the council’s', async () => {
    const url = `/tribunal/${disagreementId}/done`;
    const [bad] = await submitForm(
      clients.caseworker,
      url,
      { stepId: 'appeal-deadline', ...dateInputValues('on', '2026-11-10') },
      false,
      `/tribunal/${disagreementId}`,
    );
    expect(bad!.statusCode).toBe(400);
    expect(bad!.body).toContain('Select one of the council’s dates');
    const [ok] = await submitForm(
      clients.caseworker,
      url,
      { stepId: 'order:draft-plan', ...dateInputValues('on', '2026-11-10') },
      false,
      `/tribunal/${disagreementId}`,
    );
    expect(ok!.statusCode).toBe(303);
    expect(await count('disagreement_done')).toBe(1);
    const page = await clients.caseworker.get(`/tribunal/${disagreementId}`);
    expect(page.body).toContain('Done on 10 November 2026, 5 days late');
  });

  it('lists it for staff; leaders and managers read it too', async () => {
    for (const role of ['caseworker', 'team-manager', 'send-leader'] as const) {
      const list = await clients[role].get('/tribunal');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Cara Tribe');
      expect((await clients[role].get(`/tribunal/${disagreementId}`)).statusCode).toBe(200);
    }
  });

  it('refuses every other role, and shows a family nothing of another family’s child', async () => {
    for (const role of [
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'local-offer-provider',
      'administrator',
    ] as const) {
      expect((await clients[role].get('/tribunal')).statusCode).toBe(403);
      expect((await clients[role].get(`/tribunal/${disagreementId}`)).statusCode).toBe(403);
      expect((await clients[role].get('/tribunal/new')).statusCode).toBe(403);
    }
    for (const role of ['caseworker', 'professional', 'administrator'] as const)
      expect((await clients[role].get('/your-appeals')).statusCode).toBe(403);
    const other = await otherParent.get('/your-appeals');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Cara Tribe');
    expect(other.body).toContain('There is nothing here yet');
    expect((await otherLaCaseworker.get(`/tribunal/${disagreementId}`)).statusCode).toBe(404);
    expect((await otherLaCaseworker.get('/tribunal')).body).not.toContain('Cara Tribe');
  });
});
