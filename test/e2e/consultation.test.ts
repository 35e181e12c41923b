/**
 * Issue 10's browser test, with axe on every page (embedded database): a parent asks for an assessment on a phone
 * and names the school they want; the draft plan is shared, which consults the school; the school's SENCO answers
 * "we can meet the needs" in Goldthread; the caseworker names the school in section I and issues the final plan
 * after the family's 15 days to comment; the parent reads the outcome on a phone, then the final plan's decision
 * notice with the full rights block (and its PDF); the school finds the notice in its inbox.
 *
 * The steps between the request and the draft (the decision to assess, asking for and receiving advice, the decision
 * to issue a plan) have their own browser test (assessment-journey.test.ts): here they are written to the case as
 * that journey leaves them, dated so that the draft was shared on 2 November 2026.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { SENCO_SCHOOL } from '../../src/demo/settings.ts';
import { THREE_ADVICE } from '../helpers/plan-fixtures.ts';
import { pdfText } from '../helpers/documents.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('a family asks for a school, the school answers, the final plan names it', () => {
  let server: DemoServer;
  let browser: Browser;
  let child: { id: string; reference: string; given_name: string; family_name: string };
  let ids: Record<
    'cw' | 'ep' | 'health' | 'senco' | 'parent',
    { id: string; team_id: string | null; la_code: string }
  >;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
    const db = server.database.db;
    const user = (email: string) =>
      db
        .selectFrom('app_user')
        .select(['id', 'team_id', 'la_code'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
    const [cw, ep, health, senco, parent] = await Promise.all(
      [
        'caseworker@demo.example',
        'ep@demo.example',
        'health@demo.example',
        'senco@demo.example',
        'parent2@demo.example',
      ].map(user),
    );
    ids = { cw: cw!, ep: ep!, health: health!, senco: senco!, parent: parent! };
    // A child with no plan and no assessment, whom the parent looks after.
    child = await db
      .selectFrom('child')
      .select(['id', 'reference', 'given_name', 'family_name'])
      .where('la_code', '=', cw!.la_code)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('ehc_plan').select('id').whereRef('ehc_plan.child_id', '=', 'child.id')),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('assessment_case')
              .select('id')
              .whereRef('assessment_case.child_id', '=', 'child.id'),
          ),
        ),
      )
      .where('date_of_birth', '>', '2010-01-01')
      .orderBy('reference')
      .limit(1)
      .executeTakeFirstOrThrow();
    // The parent looks after them (the first such child may be parent2@'s own demo child, whose grant the demo made).
    await db
      .insertInto('access_grant')
      .values({ la_code: cw!.la_code, user_id: parent!.id, child_id: child.id, kind: 'parent' })
      .onConflict((oc) =>
        oc.columns(['la_code', 'user_id', 'child_id', 'kind']).where('revoked_at', 'is', null).doNothing(),
      )
      .execute();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const as = async (email: string, options = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return { context, page };
  };
  const submit = async (page: Page, button: string, label: string) => {
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState('load');
    await expectAccessible(page, label);
  };

  /** Writes the decision to assess, the advice and the decision to issue a plan, as the journey leaves them. */
  async function toTheDraftStage(caseId: string) {
    const db = server.database.db;
    const la = ids.cw.la_code;
    await db
      .updateTable('assessment_case')
      .set({
        request_received: '2026-06-01',
        officer_id: ids.cw.id,
        allocated_at: new Date('2026-06-02T10:00:00Z'),
        stage: 'draft',
        decision_date: '2026-07-06',
        decision_outcome: 'assess',
        decision_reasons: 'Evidence of needs the school cannot meet from its own resources.',
        outcome_date: '2026-10-12',
        outcome: 'issue-plan',
        outcome_reasons: 'The advice shows a plan is needed.',
      })
      .where('la_code', '=', la)
      .where('id', '=', caseId)
      .execute();
    for (const [i, a] of THREE_ADVICE(ids.ep.id, ids.health.id, ids.senco.id).entries()) {
      await db
        .insertInto('assessment_advice')
        .values({
          la_code: la,
          case_id: caseId,
          child_id: child.id,
          agency: a.agency,
          service_name: a.serviceName,
          professional_user_id: a.professionalUserId,
          requested: '2026-07-07',
          due: '2026-08-18',
          received: `2026-08-${10 + i}`,
          status: 'received',
          answer: 'advice',
          needs: JSON.stringify(a.needs),
          outcomes: a.outcomes,
          provision: JSON.stringify(a.provision),
          document_text: a.documentText,
          submitted_by: a.professionalUserId,
          submitted_at: new Date(`2026-08-${10 + i}T12:00:00Z`),
          requested_by: ids.cw.id,
        })
        .execute();
    }
  }

  it('runs from the family’s request to the final plan naming the school they asked for', async () => {
    // 1. The parent asks on a phone, and names the school they want.
    const parent = await as('parent2@demo.example', PHONE);
    let page = parent.page;
    await page.goto(`${server.baseUrl}/request-assessment`);
    await expectAccessible(page, 'request start (phone)');
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByLabel(`${child.given_name} ${child.family_name}`, { exact: true }).check();
    await page.getByLabel('Yes', { exact: true }).check();
    await submit(page, 'Continue', 'request: why (phone)');
    await page
      .getByLabel('Why are you asking now?')
      .fill('Finding lessons and break times very hard this year.');
    await submit(page, 'Continue', 'request: support (phone)');
    await page.getByLabel('What support is already in place?').fill('A reading group twice a week.');
    await submit(page, 'Continue', 'request: involved (phone)');
    await page.getByLabel('School, college or nursery').check();
    await submit(page, 'Continue', 'request: school (phone)');
    expect(await page.locator('h1').textContent()).toBe('Which school or college would you like?');
    await page.getByLabel('A school, college or nursery', { exact: true }).check();
    await page.getByLabel('If a school, college or nursery: which one').selectOption({ label: SENCO_SCHOOL });
    await submit(page, 'Continue', 'request: consent (phone)');
    await page.getByLabel('Yes', { exact: true }).check();
    await submit(page, 'Continue', 'check your answers (phone)');
    expect(await page.locator('main').textContent()).toContain(SENCO_SCHOOL);
    await submit(page, 'Send request', 'request sent (phone)');
    const caseId = /sent\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await parent.context.close();

    // 2. (The assessment, as the journey leaves it.) The caseworker sees the preference on the case.
    await toTheDraftStage(caseId);
    const cw = (await as('caseworker@demo.example')).page;
    await cw.goto(`${server.baseUrl}/assessments/${caseId}`);
    await expectAccessible(cw, 'case page with the family’s preference');
    expect(await cw.locator('main').textContent()).toMatch(
      new RegExp(`Family's preference\\s*${SENCO_SCHOOL}`),
    );

    // 3. The caseworker starts the plan and shares the draft on 2 November 2026: the school is consulted that day.
    await cw.goto(`${server.baseUrl}/plans/start`);
    await cw.getByLabel("Child's reference").fill(child.reference);
    await cw.getByRole('button', { name: 'Start the plan' }).click();
    await expect.poll(() => cw.url()).toMatch(/\/plans\/[0-9a-f-]{36}$/);
    const planUrl = cw.url();
    await cw.goto(`${planUrl}/issue-draft`);
    await cw.getByLabel('Day').fill('2');
    await cw.getByLabel('Month').fill('11');
    await cw.getByLabel('Year').fill('2026');
    await cw.getByRole('button', { name: 'Share the draft' }).click();
    await cw.waitForURL(/saved=draft-issued/);
    await cw.goto(`${server.baseUrl}/assessments/${caseId}/placement`);
    await expectAccessible(cw, 'preference and consultation, waiting');
    const waiting = (await cw.locator('main').textContent())!;
    expect(waiting).toContain('2 November 2026');
    expect(waiting).toContain('17 November 2026'); // the 15 days (CoP 9.83)
    expect(waiting).toMatch(/Past the 15 days/);

    // 4. The SENCO sees the consultation on their home page and answers it.
    const senco = (await as('senco@demo.example')).page;
    await senco.goto(`${server.baseUrl}/`);
    await expectAccessible(senco, 'SENCO home with a consultation');
    await senco.locator('a[href^="/consultations/"]', { hasText: child.given_name }).first().click();
    await expectAccessible(senco, 'the consultation');
    expect(await senco.locator('h1').textContent()).toBe(`Can ${SENCO_SCHOOL} meet this child’s needs?`);
    const pdf = await senco.request.get(senco.url() + '/draft-plan.pdf');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await senco.getByRole('button', { name: 'Send your answer' }).click();
    await senco.waitForLoadState('load');
    expect(await senco.locator('.govuk-error-summary').textContent()).toContain(
      'Select whether the school can meet the needs',
    );
    await expectAccessible(senco, 'the consultation, with an error');
    await senco.getByLabel('We can meet the child’s needs').check();
    await senco.getByRole('button', { name: 'Send your answer' }).click();
    await senco.waitForURL(/answered=1/);
    await expectAccessible(senco, 'the consultation, answered');
    await senco.goto(`${server.baseUrl}/consultations`);
    await expectAccessible(senco, 'the school’s consultations');

    // 5. The caseworker sees the answer, names the school in section I and issues the final plan today.
    await cw.goto(`${server.baseUrl}/assessments/${caseId}/placement`);
    expect(await cw.locator('main').textContent()).toContain('Can meet the needs');
    await cw.goto(`${planUrl}/placement`);
    await cw.getByLabel('School or setting').selectOption({ label: `${SENCO_SCHOOL} (Community school)` });
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    await cw.waitForLoadState('load');
    const manager = (await as('manager@demo.example')).page;
    await manager.goto(`${planUrl}/override`);
    await manager
      .getByLabel('Why the plan should be issued with these errors')
      .fill('This test names the school; the plan’s golden thread is tested in plan.test.ts.');
    await manager.getByRole('button', { name: 'Record the reason' }).click();
    await manager.waitForLoadState('load');
    await cw.goto(`${planUrl}/issue-final`);
    await expectAccessible(cw, 'issue the final plan');
    await cw.getByRole('button', { name: 'Issue the plan' }).click();
    await cw.waitForURL(/saved=final-issued/);
    const kase = await server.database.db
      .selectFrom('assessment_case')
      .select(['final_issued', 'stage'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.stage).toBe('final');

    // 6. The parent reads the outcome on a phone, then the final plan's decision notice with their full rights.
    const family = await as('parent2@demo.example', PHONE);
    page = family.page;
    await page.goto(`${server.baseUrl}/your-assessment/${caseId}`);
    await expectAccessible(page, 'the family’s page after the final plan (phone)');
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain(`You asked for ${SENCO_SCHOOL}`);
    expect(main).toContain(`${SENCO_SCHOOL} answered on`);
    expect(main).toMatch(/they can meet your child.s needs/);
    expect(main).toMatch(/You can appeal to the tribunal by \d+ \w+ \d{4}/);
    const phoneWidth = () => page.evaluate('document.documentElement.scrollWidth');
    expect(await phoneWidth()).toBeLessThanOrEqual(375); // nothing wider than the phone
    await page.getByRole('link', { name: 'Final EHC plan issued' }).click();
    await expect.poll(() => page.locator('.govuk-caption-m').textContent()).toBe('Final EHC plan issued');
    await expectAccessible(page, 'the final plan’s decision notice (phone)');
    const notice = (await page.locator('main').textContent())!;
    // Every item of the rights block (reg 32), the two dates, and the contacts the demo authority keeps.
    expect(await page.locator('[data-rights-item]').count()).toBe(10);
    expect(notice).toMatch(/The last day to appeal is \d+ \w+ \d{4}/);
    expect(notice).toMatch(/contact the mediation adviser by \d+ \w+ \d{4}/);
    expect(notice).toContain('unless your appeal is only about the school');
    for (const text of [
      'Moorside Mediation (fictional)',
      'Denmoor SEND mediation officer',
      'Wolds Disagreement Resolution Service (fictional)',
      'Denmoor SENDIASS',
      'Who else we have told',
      SENCO_SCHOOL,
      'Moorland and Wolds Integrated Care Board',
    ])
      expect(notice).toContain(text);
    expect(await phoneWidth()).toBeLessThanOrEqual(375);
    const pdfHref = (await page.getByRole('link', { name: 'PDF' }).getAttribute('href'))!;
    const noticePdf = await page.request.get(`${server.baseUrl}${pdfHref}`);
    expect(noticePdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfText(await noticePdf.body()).replace(/\s+/g, ' ')).toContain('The last day to appeal is');

    // 7. The named school finds the final plan's notice in its inbox.
    await senco.goto(`${server.baseUrl}/inbox`);
    await expectAccessible(senco, 'the school’s inbox with the final plan');
    await senco.locator(`a[href="/notices/${caseId}/final-plan"]`).click();
    await expect.poll(() => senco.locator('h1').textContent()).toMatch(/final EHC plan$/);
    await expectAccessible(senco, 'the final plan’s notice, as the school reads it');
  }, 300_000);
});
