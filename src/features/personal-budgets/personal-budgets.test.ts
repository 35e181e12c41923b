/**
 * Personal budgets against the database, on both engines: a request recorded by staff (errors with the input kept,
 * nothing stored; a double submit stores one) and made by the family online; the decision (a refusal without
 * reasons refused, here and by the database), the review of a refusal and the new decision after it; a direct
 * payment on a school's premises (the head's agreement), a monitoring review, a reduction with notice and its one
 * reconsideration; what the family is told; every write audited with the child's history; the child's record and
 * the SEN2 flags; and each role's access, including what a role must not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/feature-test.ts';
import { createAuthority, createChild, createTeam, grant } from '../../../test/helpers/factories.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { sen2Flags } from '../../domain/personal-budget/index.ts';
import { personalBudgetsForReturns } from './index.ts';

/** GETs the form, then POSTs the fields with its CSRF and one-use form tokens (twice: a double submit). */
async function submitForm(
  client: TestClient,
  url: string,
  fields: Record<string, string | string[]>,
  twice = false,
) {
  const page = await client.get(url);
  const body = { ...fields, ...TestClient.formTokensFrom(page.body, url) };
  const first = await client.post(url, body);
  return twice ? [first, await client.post(url, body)] : [first];
}

const location = (r: { headers: Record<string, unknown> }) =>
  typeof r.headers.location === 'string' ? r.headers.location : '';

describe.each(ENGINES)('personal budgets on %s', (engine) => {
  let t: TestApp;
  let la: string;
  let child: string;
  let childRef: string;
  let requestId = '';
  const clients = {} as Record<Role, TestClient>;
  let caseworkerId = '';
  let parentId = '';
  let parentEmail = '';
  let otherParent: TestClient;
  let otherLaCaseworker: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    la = await createAuthority(t.database.db, '911');
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
      if (role === 'parent') {
        parentId = s.user.id;
        parentEmail = s.user.email;
      }
    }
    const c = await createChild(db, la, {
      givenName: 'Pia',
      familyName: 'Budget',
      leadOfficerId: caseworkerId,
    });
    child = c.id;
    childRef = (
      await db.selectFrom('child').select('reference').where('id', '=', child).executeTakeFirstOrThrow()
    ).reference;
    await grant(db, la, parentId, child, 'parent');
    otherParent = (await signedIn(t, la, 'parent')).client;
    const la2 = await createAuthority(db, '912');
    otherLaCaseworker = (await signedIn(t, la2, 'caseworker')).client;
  });
  afterAll(() => t?.close());

  const count = async (table: 'pb_request' | 'pb_decision' | 'dp_agreement' | 'dp_review' | 'dp_change') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const told = (template: string) =>
    t.database.db
      .selectFrom('notification')
      .select(['recipient', 'body'])
      .where('template', '=', template)
      .where('child_id', '=', child)
      .execute();
  const step = (name: string) => `/personal-budgets/${requestId}/${name}`;

  it('refuses an incomplete request with every problem and the input kept, storing nothing', async () => {
    const [r] = await submitForm(clients.caseworker, '/personal-budgets/new', {
      childReference: 'GT-NOPE',
      ...dateInputValues('requestedOn', '2026-02-30'),
      details: 'Kept words',
    });
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('There is a problem');
    expect(r!.body).toContain('must be a real date');
    expect(r!.body).toContain('Select the support the personal budget is for');
    expect(r!.body).toContain('value="GT-NOPE"');
    expect(r!.body).toContain('Kept words');
    const [u] = await submitForm(clients.caseworker, '/personal-budgets/new', {
      childReference: 'GT-NOPE',
      ...dateInputValues('requestedOn', '2026-06-01'),
      stage: 'review',
      elements: ['education', 'social-care'],
      wantsDirectPayment: 'yes',
    });
    expect(u!.statusCode).toBe(400);
    expect(u!.body).toContain('Enter the reference of a child known to the service');
    // both checkboxes stay ticked
    expect(u!.body.match(/name="elements"[^>]*checked/g)?.length).toBe(2);
    expect(await count('pb_request')).toBe(0);
  });

  it('records a request from a call once on a double submit, audited, in the history, the family told', async () => {
    const [a, b] = await submitForm(
      clients.caseworker,
      '/personal-budgets/new',
      {
        childReference: childRef,
        ...dateInputValues('requestedOn', '2026-06-01'),
        stage: 'review',
        elements: ['education', 'social-care'],
        wantsDirectPayment: 'yes',
        details: 'A tutor and short breaks',
      },
      true,
    );
    expect(a!.statusCode).toBe(303);
    expect(location(b!)).toBe(location(a!));
    requestId = /\/personal-budgets\/([0-9a-f-]{36})/.exec(location(a!))![1]!;
    expect(await count('pb_request')).toBe(1);
    const db = t.database.db;
    const history = await db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', child)
      .execute();
    expect(history.map((h) => h.summary).join('\n')).toContain('Personal budget asked for on 1 June 2026');
    const audit = await db.selectFrom('audit_log').select('action').where('child_id', '=', child).execute();
    expect(audit.map((x) => x.action)).toContain('personal-budget.request.create');
    expect((await told('personal-budget-requested')).map((m) => m.recipient)).toEqual([parentEmail]);
    const page = await clients.caseworker.get(`/personal-budgets/${requestId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Waiting for the council’s decision');
  });

  it('a refusal without reasons cannot be saved (the form and the database), then the decision is recorded', async () => {
    const [r] = await submitForm(clients.caseworker, step('decision'), {
      ...dateInputValues('decidedOn', '2026-06-20'),
      educationPence: '1500',
      educationArrangement: 'notional',
    });
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('Give the reasons for refusing');
    expect(r!.body).toContain('value="1500"');
    expect(await count('pb_decision')).toBe(0);
    await expect(
      t.database.db
        .insertInto('pb_decision')
        .values({ la_code: la, request_id: requestId, decided_on: '2026-06-20', refuses: true, reasons: ' ' })
        .execute(),
    ).rejects.toThrow();
    const [ok] = await submitForm(clients.caseworker, step('decision'), {
      ...dateInputValues('decidedOn', '2026-06-20'),
      educationPence: '1500',
      educationArrangement: 'notional',
      reasons: 'Social care is provided in a council setting that cannot be separated.',
    });
    expect(ok!.statusCode).toBe(303);
    const refused = await told('personal-budget-refused');
    expect(refused[0]!.body).toContain('council setting that cannot be separated');
    expect(refused[0]!.body).toContain('ask the council to review');
    // a second decision is refused until a review changes the first
    const [again] = await submitForm(clients.caseworker, step('decision'), {
      ...dateInputValues('decidedOn', '2026-06-21'),
      educationPence: '1500',
      educationArrangement: 'notional',
    });
    expect(again!.statusCode).toBe(400);
    expect(again!.body).toContain('a new decision can follow only a review that changed a refusal');
  });

  it('the review of the refusal changes it, and the new decision agrees a direct payment', async () => {
    const [r] = await submitForm(clients.caseworker, step('refusal-review'), {
      ...dateInputValues('reviewRequestedOn', '2026-06-25'),
      ...dateInputValues('reviewedOn', '2026-07-03'),
      reviewOutcome: 'changed',
    });
    expect(r!.statusCode).toBe(303);
    expect((await told('personal-budget-reviewed'))[0]!.body).toContain('changed its decision');
    const [d] = await submitForm(clients.caseworker, step('decision'), {
      ...dateInputValues('decidedOn', '2026-07-06'),
      educationPence: '1500',
      educationArrangement: 'notional',
      'social-carePence': '3,600.00',
      'social-careArrangement': 'direct-payment',
    });
    expect(d!.statusCode).toBe(303);
    const agreed = await told('personal-budget-agreed');
    expect(agreed[0]!.body).toContain('£3,600.00 a year, direct payment');
    expect(agreed[0]!.body).toContain('£1,500.00 a year, notional arrangement');
    const page = await clients.caseworker.get(`/personal-budgets/${requestId}`);
    expect(page.body).toContain('Agreed');
    expect(page.body).toContain('£3,600.00');
  });

  it('a direct payment on a school’s premises needs the head’s agreement; its first review is due in 3 months', async () => {
    const fields = {
      element: 'social-care',
      recipient: 'Pia’s mother',
      provision: 'A support worker at the after-school club',
      pence: '3600',
      ...dateInputValues('startOn', '2026-08-01'),
      onPremises: 'yes',
      confirm: ['conditions', 'not-place'],
    };
    const [r] = await submitForm(clients.caseworker, step('direct-payment'), fields);
    expect(r!.statusCode).toBe(400);
    expect(r!.body).toContain('Enter the date the head or principal agreed');
    expect(await count('dp_agreement')).toBe(0);
    const [a, b] = await submitForm(
      clients.caseworker,
      step('direct-payment'),
      { ...fields, settingName: 'Hill Primary', ...dateInputValues('settingAgreedOn', '2026-07-20') },
      true,
    );
    expect(a!.statusCode).toBe(303);
    expect(b!.statusCode).toBe(303);
    expect(await count('dp_agreement')).toBe(1);
    const page = await clients.caseworker.get(`/personal-budgets/${requestId}`);
    expect(page.body).toContain('Next review by 31 October 2026');
    expect(page.body).toContain('Hill Primary');
  });

  it('a monitoring review, then a reduction with notice (too short refused), told to the family with one reconsideration', async () => {
    const agreementId = (
      await t.database.db.selectFrom('dp_agreement').select('id').executeTakeFirstOrThrow()
    ).id;
    const [m] = await submitForm(clients.caseworker, step('monitoring'), {
      agreementId,
      ...dateInputValues('reviewedOn', '2026-10-01'),
      outcome: 'continue',
      notes: 'Receipts in order',
    });
    expect(m!.statusCode).toBe(303);
    const short = {
      agreementId,
      kind: 'reduce',
      newPence: '2400',
      ...dateInputValues('noticeOn', '2026-10-05'),
      ...dateInputValues('effectiveOn', '2026-11-01'),
      reasons: 'Fewer sessions are used',
    };
    const [s] = await submitForm(clients.caseworker, step('change'), short);
    expect(s!.statusCode).toBe(400);
    expect(s!.body).toContain('no earlier than 28 days after notice');
    const [c] = await submitForm(clients.caseworker, step('change'), {
      ...short,
      ...dateInputValues('effectiveOn', '2026-11-02'),
    });
    expect(c!.statusCode).toBe(303);
    const notice = await told('personal-budget-change');
    expect(notice[0]!.body).toContain('Fewer sessions are used');
    expect(notice[0]!.body).toContain('ask the council once to reconsider');
    const changeId = (await t.database.db.selectFrom('dp_change').select('id').executeTakeFirstOrThrow()).id;
    const [rc] = await submitForm(clients.caseworker, step('reconsideration'), {
      changeId,
      ...dateInputValues('reconsiderationRequestedOn', '2026-10-10'),
      ...dateInputValues('reconsiderationDecidedOn', '2026-10-20'),
      reconsiderationOutcome: 'confirmed',
    });
    expect(rc!.statusCode).toBe(303);
    const [again] = await submitForm(clients.caseworker, step('reconsideration'), {
      changeId,
      ...dateInputValues('reconsiderationRequestedOn', '2026-10-21'),
    });
    expect(again!.statusCode).toBe(400);
    expect(again!.body).toContain('the one reconsideration the regulations give');
    const page = await clients.caseworker.get(`/personal-budgets/${requestId}`);
    expect(page.body).toContain('No further reconsideration');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', child)
      .execute();
    for (const action of [
      'personal-budget.decision.create',
      'personal-budget.refusal-review.update',
      'personal-budget.direct-payment.create',
      'personal-budget.monitoring.create',
      'personal-budget.change.create',
      'personal-budget.reconsideration.update',
    ])
      expect(audit.map((x) => x.action)).toContain(action);
  });

  it('the SEN2 flags derive from the decisions', async () => {
    const facts = (await personalBudgetsForReturns(t.database.db, la)).get(child)!;
    expect(sen2Flags(facts, '2027-01-21')).toEqual({
      personalBudget: 'Y',
      organisedArrangements: 'Y',
      directPayments: 'Y',
    });
    expect(sen2Flags(facts, '2026-01-15').personalBudget).toBe('N');
  });

  it('the family sees it on their page and asks online (a double submit stores one); another family sees nothing', async () => {
    const page = await clients.parent.get('/your-personal-budgets');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Pia Budget');
    expect(page.body).toContain('£3,600.00');
    expect(page.body).toContain('You can ask for a personal budget');
    const [a, b] = await submitForm(
      clients.parent,
      '/your-personal-budgets/request',
      { childId: child, stage: 'review', elements: ['health'], wantsDirectPayment: 'no' },
      true,
    );
    expect(a!.statusCode).toBe(303);
    expect(location(b!)).toBe(location(a!));
    expect(await count('pb_request')).toBe(2);
    const made = await t.database.db
      .selectFrom('pb_request')
      .select('made_by')
      .where('made_by', '=', 'family')
      .execute();
    expect(made).toHaveLength(1);
    const other = await otherParent.get('/your-personal-budgets');
    expect(other.body).not.toContain('Pia Budget');
    const [forged] = await submitForm(otherParent, '/your-personal-budgets/request', {
      childId: child,
      stage: 'review',
      elements: ['health'],
      wantsDirectPayment: 'no',
    });
    expect(forged!.statusCode).toBe(400);
    expect(await count('pb_request')).toBe(2);
  });

  it('the child’s record shows the personal budget to staff', async () => {
    const record = await clients.caseworker.get(`/children/${child}`);
    expect(record.body).toContain('Personal budget');
    expect(record.body).toContain(`/personal-budgets/${requestId}`);
  });

  it('every other role is refused; another authority sees nothing', async () => {
    for (const role of ['caseworker', 'team-manager', 'send-leader'] as const) {
      expect((await clients[role].get('/personal-budgets')).statusCode).toBe(200);
      expect((await clients[role].get(`/personal-budgets/${requestId}`)).statusCode).toBe(200);
      expect((await clients[role].get('/your-personal-budgets')).statusCode).toBe(403);
    }
    for (const role of [
      'professional',
      'parent',
      'young-person',
      'local-offer-editor',
      'local-offer-provider',
      'administrator',
    ] as const) {
      expect((await clients[role].get('/personal-budgets')).statusCode).toBe(403);
      expect((await clients[role].get(`/personal-budgets/${requestId}`)).statusCode).toBe(403);
      expect((await clients[role].get(step('decision'))).statusCode).toBe(403);
      expect((await clients[role].get('/personal-budgets/new')).statusCode).toBe(403);
    }
    for (const role of [
      'professional',
      'local-offer-editor',
      'local-offer-provider',
      'administrator',
    ] as const)
      expect((await clients[role].get('/your-personal-budgets')).statusCode).toBe(403);
    expect((await clients['young-person'].get('/your-personal-budgets')).statusCode).toBe(200);
    expect((await otherLaCaseworker.get(`/personal-budgets/${requestId}`)).statusCode).toBe(404);
    expect((await otherLaCaseworker.get('/personal-budgets')).body).not.toContain('Pia Budget');
  });
});
