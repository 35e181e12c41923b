/**
 * The personal budgets pages with a stand-in service over the real view model (budgetView) and the real views, no
 * database: every page renders; every form shows each problem in the GOV.UK error summary with the input kept and
 * submits nothing; a service's refusal is shown against its field; a good form redirects (303). Access, the audit
 * log and the history are tested on the database in personal-budgets.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/helpers/client.ts';
import { createRouteTestApp, testActor, type RouteTestApp } from '../../../test/helpers/route-app.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { personalBudgetsFeature } from './index.ts';
import { BudgetError, type PersonalBudgetsService } from './service.ts';
import { budgetView } from './view.ts';
import type { Records, RequestRow } from './store.ts';

const TODAY = '2026-11-10';
const ID = '00000000-0000-4000-8000-0000000000a1';
const CHILD = '00000000-0000-4000-8000-0000000000c1';
const request: RequestRow = {
  id: ID,
  child_id: CHILD,
  requested_on: '2026-06-01',
  stage: 'review',
  elements: 'education,social-care',
  wants_direct_payment: true,
  made_by: 'family',
  details: 'Short breaks',
  plan_due: null,
};
const records: Records = {
  decisions: [
    {
      id: 'd1',
      request_id: ID,
      decided_on: '2026-06-20',
      education_pence: 150_000,
      education_arrangement: 'notional',
      health_pence: null,
      health_arrangement: null,
      social_care_pence: 360_000,
      social_care_arrangement: 'direct-payment',
      refuses: false,
      reasons: null,
      review_requested_on: null,
      reviewed_on: null,
      review_outcome: null,
      review_notes: null,
    },
  ],
  agreements: [
    {
      id: 'a1',
      decision_id: 'd1',
      element: 'social-care',
      recipient: 'The parent',
      nominee: null,
      provision: 'A personal assistant',
      pence: 360_000,
      start_on: '2026-07-01',
      on_premises: false,
      setting_name: null,
      setting_agreed_on: null,
    },
  ],
  reviews: [],
  changes: [
    {
      id: 'ch1',
      agreement_id: 'a1',
      kind: 'reduce',
      notice_on: '2026-11-01',
      effective_on: '2026-12-01',
      reasons: 'Fewer hours used',
      new_pence: 300_000,
      reconsideration_requested_on: null,
      reconsideration_decided_on: null,
      reconsideration_outcome: null,
    },
  ],
};

describe('personal budgets pages with a stand-in service', () => {
  let app: RouteTestApp;
  let client: TestClient;
  const calls: Array<[string, unknown]> = [];
  let refuse: Error | undefined;
  const b = () => budgetView(request, records, TODAY);
  const done = (name: string) => (_a: unknown, _id: unknown, data: unknown) => {
    if (refuse) return Promise.reject(refuse);
    calls.push([name, data]);
    return Promise.resolve(ID);
  };
  const service: Partial<PersonalBudgetsService> = {
    list: () =>
      Promise.resolve({ today: TODAY, rows: [{ ...b(), child: { name: 'Pia Budget', reference: 'GT-1' } }] }),
    recordForm: () => Promise.resolve({ child: null }),
    record: (_a, data) => done('record')(_a, null, data),
    page: () =>
      Promise.resolve({ today: TODAY, b: b(), child: { id: CHILD, name: 'Pia Budget', reference: 'GT-1' } }),
    decide: done('decide'),
    saveRefusalReview: (a, id, data) => done('review')(a, id, data).then(() => undefined),
    addAgreement: done('agreement'),
    addMonitoring: done('monitoring'),
    addChange: done('change'),
    saveReconsideration: (a, id, data) => done('reconsideration')(a, id, data).then(() => undefined),
    familyList: () =>
      Promise.resolve({
        today: TODAY,
        children: [{ id: CHILD, name: 'Pia Budget', mayAsk: true, budgets: [b()] }],
      }),
    familyRequestForm: () =>
      Promise.resolve({ children: [{ id: CHILD, name: 'Pia Budget', planStatus: 'plan' }] }),
    familyRequest: (_a, data) => done('family')(_a, null, data),
  };

  beforeAll(async () => {
    app = await createRouteTestApp({
      features: [personalBudgetsFeature],
      services: { 'personal-budgets': service },
      actor: testActor('caseworker'),
    });
    client = new TestClient(app);
  });
  afterAll(() => app?.close());

  it('renders the list, the request, and every step’s form', async () => {
    const list = await client.get('/personal-budgets');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Pia Budget');
    expect(list.body).toContain('£5,100.00');
    const show = await client.get(`/personal-budgets/${ID}`);
    expect(show.statusCode).toBe(200);
    expect(show.body).toContain('£3,600.00 a year');
    expect(show.body).toContain('Notional arrangement');
    expect(show.body).toContain('Next review by 30 September 2026');
    expect(show.body).toContain('Late');
    expect(show.body).toContain('The family may ask once for it to be reconsidered');
    expect(show.body).toContain(`/personal-budgets/${ID}/reconsideration`);
    expect(show.body).not.toContain(`/personal-budgets/${ID}/decision"`);
    for (const step of [
      'decision',
      'refusal-review',
      'direct-payment',
      'monitoring',
      'change',
      'reconsideration',
    ]) {
      const page = await client.get(`/personal-budgets/${ID}/${step}`);
      expect(page.statusCode, step).toBe(200);
      expect(page.body).toContain('name="formToken"');
    }
    expect((await client.get('/personal-budgets/new')).statusCode).toBe(200);
  });

  it('shows every problem of a form in order, keeps the input, and submits nothing', async () => {
    calls.length = 0;
    const r = await client.submitOnce('/personal-budgets/new', {
      childReference: 'GT-9',
      elements: ['health', 'education'],
    });
    expect(r.statusCode).toBe(400);
    const summary = r.body.slice(r.body.indexOf('govuk-error-summary'));
    const order = ['#requestedOn-day', '#stage', '#wantsDirectPayment'].map((h) =>
      summary.indexOf(`href="${h}"`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(r.body).toContain('value="GT-9"');
    expect(r.body.match(/name="elements"[^>]*checked/g)?.length).toBe(2);
    const money = await client.submitOnce(`/personal-budgets/${ID}/decision`, {
      ...dateInputValues('decidedOn', '2026-06-20'),
      educationPence: '12.345',
    });
    expect(money.statusCode).toBe(400);
    expect(money.body).toContain('must be an amount in pounds');
    expect(money.body).toContain('value="12.345"');
    expect(calls).toEqual([]);
  });

  it('reads pounds into pence and the checkboxes of a direct payment', async () => {
    calls.length = 0;
    const r = await client.submitOnce(`/personal-budgets/${ID}/direct-payment`, {
      element: 'social-care',
      recipient: 'The parent',
      provision: 'A personal assistant',
      pence: '£1,234.5',
      ...dateInputValues('startOn', '2026-07-01'),
      onPremises: 'no',
      confirm: ['conditions', 'not-place'],
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/personal-budgets/${ID}?done=direct-payment`);
    expect(calls[0]![1]).toMatchObject({
      pence: 123_450,
      conditionsMet: true,
      notForPlace: true,
      onPremises: false,
    });
  });

  it('shows a service’s refusal against its field with the input kept', async () => {
    refuse = new BudgetError('reasons', 'Give the reasons for refusing what the family asked for');
    const r = await client.submitOnce(`/personal-budgets/${ID}/decision`, {
      ...dateInputValues('decidedOn', '2026-06-20'),
      educationPence: '1500',
      educationArrangement: 'notional',
    });
    refuse = undefined;
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('href="#reasons"');
    expect(r.body).toContain('value="1500"');
  });

  it('the family’s page and their request form', async () => {
    app.signInAs(testActor('parent'));
    calls.length = 0;
    const page = await client.get('/your-personal-budgets');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You can ask for a personal budget');
    expect(page.body).toContain('Ask for a personal budget for Pia Budget');
    const empty = await client.submitOnce('/your-personal-budgets/request', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select the support the personal budget is for');
    const ok = await client.submitOnce('/your-personal-budgets/request', {
      childId: CHILD,
      stage: 'review',
      elements: ['health'],
      wantsDirectPayment: 'no',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/your-personal-budgets?done=asked');
    expect(calls[0]![1]).toMatchObject({ childId: CHILD, elements: ['health'], wantsDirectPayment: false });
    app.signInAs(testActor('caseworker'));
  });
});
