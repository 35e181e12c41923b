import { readFileSync } from 'node:fs';
/**
 * The improvement plan tracker's pages on both engines, over the seeded demo plan: every page renders with its key
 * content, forms show GOV.UK errors with the input kept, hostile input is escaped, CSRF is enforced, and the Word
 * pack is a real .docx built from the same data as the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { unzipEntry } from '../../../test/helpers/documents.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { DEMO_PLAN_TITLE, seedImprovementDemo } from './demo.ts';

describe.each(ENGINES)('improvement plan pages on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  const clients = {} as Record<string, TestClient>;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, '999');
    await createUser(db, '999', 'send-leader', { email: 'leader@demo.example', displayName: 'Lena Leader' });
    await createUser(db, '999', 'team-manager', {
      email: 'manager@demo.example',
      displayName: 'Max Manager',
    });
    await createUser(db, '999', 'caseworker', { email: 'caseworker@test.example' });
    planId = await db.transaction().execute((trx) => seedImprovementDemo(trx, { laCode: '999', today }));
    for (const who of ['leader@demo.example', 'manager@demo.example', 'caseworker@test.example']) {
      clients[who] = new TestClient(t.app);
      await clients[who].signIn(who, TEST_PASSWORD);
    }
  });
  afterAll(() => t?.close());

  const leader = () => clients['leader@demo.example']!;

  it('lists the plan and links every view from the plan page', async () => {
    const index = await leader().get(paths.improvement.index);
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(DEMO_PLAN_TITLE);
    expect(index.body).toContain(`href="${paths.improvement.plan(planId)}"`);
    expect(index.body).toContain(`href="${paths.improvement.import}"`);
    expect(index.body).toContain(`href="${paths.improvement.myActions}"`);
    const home = await leader().get('/');
    expect(home.body).toContain(`href="${paths.improvement.index}"`);
    const plan = await leader().get(paths.improvement.plan(planId));
    expect(plan.statusCode).toBe(200);
    for (const href of [
      paths.improvement.flags(planId),
      paths.improvement.timeline(planId),
      paths.improvement.changes(planId),
      paths.improvement.governance(planId),
      paths.improvement.reports(planId),
      paths.improvement.export(planId),
    ]) {
      expect(plan.body).toContain(`href="${href}"`);
    }
    expect(plan.body).toContain('Progress by area for improvement');
    expect(plan.body).toContain('Complete on time');
    expect(plan.body).toMatch(/\d+ of 112 actions complete/);
  });

  it('shows the overview as of an earlier date, and an error for an impossible date', async () => {
    const earlier = await leader().get(
      `${paths.improvement.plan(planId)}?asOf-day=1&asOf-month=1&asOf-year=${Number(today.slice(0, 4)) - 1}`,
    );
    expect(earlier.statusCode).toBe(200);
    expect(earlier.body).toContain(`As of 1 January ${Number(today.slice(0, 4)) - 1}`);
    const bad = await leader().get(
      `${paths.improvement.plan(planId)}?asOf-day=31&asOf-month=2&asOf-year=2026`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Date must be a real date');
  });

  it('shows every kind of flag with something in it', async () => {
    const flags = await leader().get(paths.improvement.flags(planId));
    expect(flags.statusCode).toBe(200);
    for (const text of [
      'Overdue',
      'Due this month',
      'No update for six weeks',
      'Complete without evidence',
      'Ongoing, not updated since the last report',
    ]) {
      const match = new RegExp(`${text} \\((\\d+)\\)`).exec(flags.body);
      expect(match, text).not.toBeNull();
    }
    const counts = [
      ...flags.body.matchAll(/<li class="app-flag-count" id="flag-[^"]+"><a [^>]+>[^(]+\((\d+)\)/g),
    ].map((m) => Number(m[1]));
    expect(counts).toHaveLength(5);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('draws the timeline as an accessible SVG with the same actions in a table', async () => {
    const page = await leader().get(paths.improvement.timeline(planId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('<title id="timeline-title">');
    expect(page.body).toContain('<desc id="timeline-desc">');
    expect(page.body).toContain('The timeline as a table');
    expect(page.body).toContain('>1 A<');
  });

  it('shows what changed since the last report, and the governance with the parent carer vice lead', async () => {
    const changes = await leader().get(paths.improvement.changes(planId));
    expect(changes.statusCode).toBe(200);
    expect(changes.body).toContain('Status before');
    const governance = await leader().get(paths.improvement.governance(planId));
    expect(governance.body).toContain('SEND improvement board');
    expect(governance.body).toContain('Parent carer forum vice lead');
    expect(governance.body).toContain('Workstream 1: leadership and culture');
  });

  it("lists an officer's own actions", async () => {
    const mine = await leader().get(paths.improvement.myActions);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Head of SEND');
    expect(mine.body).toContain(DEMO_PLAN_TITLE);
    const none = await clients['caseworker@test.example']!.get(paths.improvement.myActions);
    expect(none.body).toContain('You are not an accountable officer for any action');
  });

  async function actionId(ref: string): Promise<string> {
    const row = await t.database.db
      .selectFrom('improvement_action')
      .select('id')
      .where('la_code', '=', '999')
      .where('ref', '=', ref)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const validUpdate = (overrides: Record<string, string> = {}) => ({
    'date-day': today.slice(8, 10),
    'date-month': today.slice(5, 7),
    'date-year': today.slice(0, 4),
    status: 'on-track',
    body: 'Workshop held with families.',
    evidenceKind: 'none',
    ...overrides,
  });

  it('posts an update with evidence and keeps the whole history', async () => {
    const id = await actionId('2 C');
    const url = paths.improvement.action(id);
    const before = await leader().get(url);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Post an update');
    const posted = await leader().submit(
      url,
      validUpdate({
        status: 'complete',
        body: 'Review finished and agreed.',
        evidenceKind: 'link',
        evidenceDescription: 'Independent review report',
        evidenceUrl: 'https://www.example.org/review',
      }),
    );
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${url}?saved=1`);
    const after = await leader().get(`${url}?saved=1`);
    expect(after.body).toContain('Your update has been saved');
    expect(after.body).toContain('Review finished and agreed.');
    expect(after.body).toContain('Independent review report');
    const row = await t.database.db
      .selectFrom('improvement_action')
      .select('status')
      .where('la_code', '=', '999')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('complete');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('la_code', '=', '999')
      .where('record_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('improvement.update.create');
  });

  it('refuses to mark an action complete without evidence, keeping the input and saving nothing', async () => {
    const db = t.database.db;
    const { id } = await db
      .selectFrom('improvement_action as a')
      .select('a.id')
      .where('a.la_code', '=', '999')
      .where('a.status', '!=', 'complete')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('improvement_evidence as e')
              .select('e.id')
              .whereRef('e.la_code', '=', 'a.la_code')
              .whereRef('e.action_id', '=', 'a.id'),
          ),
        ),
      )
      .orderBy('a.position')
      .executeTakeFirstOrThrow();
    const url = paths.improvement.action(id);
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('improvement_update')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('la_code', '=', '999')
            .where('action_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await leader().submit(
      url,
      validUpdate({ status: 'complete', body: 'Finished <script>alert(1)</script>' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      '<a href="#evidenceKind">Add evidence of impact to mark this action complete</a>',
    );
    expect(refused.body).toContain('Finished &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(refused.body).not.toContain('<script>alert(1)</script>');
    expect(await count()).toBe(before);
    const withEvidence = await leader().submit(
      url,
      validUpdate({
        status: 'complete',
        body: 'Finished',
        evidenceKind: 'minutes',
        evidenceDescription: 'Board noted completion',
        evidenceMeeting: 'SEND improvement board',
      }),
    );
    expect(withEvidence.statusCode).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it('shows GOV.UK errors for an empty or impossible update, with the input kept and hostile text escaped', async () => {
    const url = paths.improvement.action(await actionId('3 C'));
    const empty = await leader().submit(url, {
      'date-day': '',
      'date-month': '',
      'date-year': '',
      body: '',
      evidenceKind: 'none',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#date-day">Enter the date of the update</a>');
    expect(empty.body).toContain('<a href="#status">Select the status of the action</a>');
    expect(empty.body).toContain('<a href="#body">Enter what has happened since the last update</a>');
    const future = await leader().submit(
      url,
      validUpdate({
        'date-year': String(Number(today.slice(0, 4)) + 1),
        body: '<script>alert("x")</script>',
        evidenceKind: 'indicator',
        indicatorName: 'Plans in 20 weeks',
        indicatorValue: 'lots',
      }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date of the update must be today or in the past');
    expect(future.body).toContain('Describe the evidence');
    expect(future.body).toContain('The value must be a number');
    expect(future.body).toContain('value="Plans in 20 weeks"');
    expect(future.body).not.toContain('<script>alert("x")</script>');
    expect(future.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const badLink = await leader().submit(
      url,
      validUpdate({
        evidenceKind: 'link',
        evidenceDescription: 'Report',
        evidenceUrl: 'javascript:alert(1)',
      }),
    );
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('Enter a link in the correct format');
  });

  it('refuses an update without a valid CSRF token', async () => {
    const id = await actionId('3 C');
    await leader().get(paths.improvement.action(id));
    const forged = await leader().post(paths.improvement.action(id), { ...validUpdate(), _csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
  });

  it('makes a board pack as a page and as a Word document from the same data', async () => {
    const reports = await leader().get(paths.improvement.reports(planId));
    expect(reports.statusCode).toBe(200);
    expect(reports.body).toContain('Make a report pack');
    const bad = await leader().submit(paths.improvement.reports(planId), {
      'meetingDate-day': '40',
      'meetingDate-month': '1',
      'meetingDate-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date of the meeting must be a real date');
    expect(bad.body).toContain('Select who the report is for');
    expect(bad.body).toContain('value="40"');
    const made = await leader().submit(paths.improvement.reports(planId), {
      'meetingDate-day': today.slice(8, 10),
      'meetingDate-month': today.slice(5, 7),
      'meetingDate-year': today.slice(0, 4),
      audience: 'board',
    });
    expect(made.statusCode).toBe(303);
    const reportUrl = String(made.headers.location);
    const page = await leader().get(reportUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('report to the improvement board');
    expect(page.body).toContain('Actions that need attention');
    expect(page.body).toContain('What changed since the last report');
    const docx = await leader().get(`${reportUrl}/pack.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const zip = docx.rawPayload;
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = unzipEntry(zip, 'word/document.xml');
    expect(xml).toBeDefined();
    expect(xml).toContain('report to the improvement board');
    // Every flagged ref on the page is in the document.
    const pageRefs = [...page.body.matchAll(/<td class="govuk-table__cell app-nowrap">([^<]+)<\/td>/g)].map(
      (m) => m[1]!,
    );
    expect(pageRefs.length).toBeGreaterThan(0);
    for (const ref of new Set(pageRefs)) expect(xml).toContain(`>${ref}<`);
    expect(xml).not.toContain('Lena Leader');
  });

  it('exports the plan as CSV with the import columns', async () => {
    const csv = await leader().get(paths.improvement.export(planId));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'area,area_title,focus_area,focus_area_title,ref,action,owner,start,end,status,evidence_of_impact,overall_impact',
    );
    expect(csv.body.split('\r\n').filter((l) => /^\d,/.test(l)).length).toBeGreaterThanOrEqual(112);
  });

  it('previews an import with its problems and notes before saving, then saves on confirmation', async () => {
    const csvText = [
      'ref,action,owner,start,end,status',
      '1 A,Agree values,Head of SEND,Jan 26,Mar 26,Complete',
      '1 B,"Publish values, in easy read",Local Offer lead,Apr 26,May 26,Purple',
      ',No reference,Local Offer lead,Apr 26,May 26,',
    ].join('\n');
    const form = await leader().get(paths.improvement.import);
    expect(form.statusCode).toBe(200);
    const empty = await leader().submit(paths.improvement.import, { title: '', csv: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#title">Enter a title for the plan</a>');
    expect(empty.body).toContain('Select the kind of plan');
    expect(empty.body).toContain('<a href="#csvFile">Choose a CSV file or paste the plan in CSV form</a>');
    const taken = await leader().submit(paths.improvement.import, {
      title: DEMO_PLAN_TITLE,
      kind: 'priority-action-plan',
      csv: csvText,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('A plan with this title already exists');
    const title = 'Priority action plan <script>x</script>';
    const preview = await leader().submit(paths.improvement.import, {
      title,
      kind: 'priority-action-plan',
      csv: csvText,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Check the plan before you import it');
    expect(preview.body).toContain('Nothing has been saved yet');
    expect(preview.body).toContain('Problems (1)');
    expect(preview.body).toContain('this action has no reference');
    expect(preview.body).toContain('Notes (1)');
    expect(preview.body).toContain('&quot;Purple&quot; is not a status we know');
    expect(preview.body).toContain('Import 2 actions');
    expect(preview.body).not.toContain('<script>x</script>');
    const plans = async () =>
      (await t.database.db.selectFrom('improvement_plan').select('id').where('la_code', '=', '999').execute())
        .length;
    expect(await plans()).toBe(1);
    const confirmed = await leader().post(paths.improvement.importConfirm, {
      _csrf: TestClient.csrfFrom(preview.body),
      title,
      kind: 'priority-action-plan',
      csv: csvText,
    });
    expect(confirmed.statusCode).toBe(303);
    expect(await plans()).toBe(2);
    // The page after the import says what was imported and keeps the notes with the plan.
    const result = await leader().get(confirmed.headers.location as string);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('The plan was imported: 2 actions with 1 note to check below');
    expect(result.body).toContain('Notes from the import (1)');
    expect(result.body).toContain('&quot;Purple&quot; is not a status we know');
    const later = await leader().get((confirmed.headers.location as string).replace(/\?.*$/, ''));
    expect(later.body).not.toContain('The plan was imported');
    expect(later.body).toContain('Notes from the import (1)');
    const again = await leader().post(paths.improvement.importConfirm, {
      _csrf: TestClient.csrfFrom(preview.body),
      title,
      kind: 'priority-action-plan',
      csv: csvText,
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('A plan with this title already exists');
    expect(await plans()).toBe(2);
  });

  it('imports every action of a plan whose overall impact differs row to row, with notes in the preview', async () => {
    const csvText = readFileSync(
      new URL('../../domain/improvement/fixtures/per-row-impact-plan.csv', import.meta.url),
      'utf8',
    );
    const title = 'Written statement of action, per-row impact';
    const preview = await leader().submit(paths.improvement.import, {
      title,
      kind: 'written-statement-of-action',
      csv: csvText,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Problems (2)');
    expect(preview.body).toContain('Notes (7)');
    expect(preview.body).toContain('no reference or no action, so they will not be imported');
    expect(preview.body).toContain('focus area 4 was given a different overall impact in row 9');
    expect(preview.body).toContain('Import 20 actions');
    const confirmed = await leader().post(paths.improvement.importConfirm, {
      _csrf: TestClient.csrfFrom(preview.body),
      title,
      kind: 'written-statement-of-action',
      csv: csvText,
    });
    expect(confirmed.statusCode).toBe(303);
    const plan = await t.database.db
      .selectFrom('improvement_plan')
      .select('id')
      .where('la_code', '=', '999')
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    const actions = await t.database.db
      .selectFrom('improvement_action')
      .select(['id', 'ref', 'overall_impact'])
      .where('la_code', '=', '999')
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .execute();
    expect(actions).toHaveLength(20);
    const fourC = actions.find((a) => a.ref === '4 C');
    expect(fourC?.overall_impact).toBe('Fewer plans are graded good or better by one auditor only');
    const focus = await t.database.db
      .selectFrom('improvement_focus_area')
      .select('overall_impact')
      .where('la_code', '=', '999')
      .where('plan_id', '=', plan.id)
      .where('key', '=', '4')
      .executeTakeFirstOrThrow();
    expect(focus.overall_impact.split('\n\n')).toHaveLength(3);
    const page = await leader().get(paths.improvement.action(fourC!.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Overall impact written for this action');
    expect(page.body).toContain('Fewer plans are graded good or better by one auditor only');
    expect(page.body).toContain('Views gathered from families inform commissioning decisions<br><br>');
  });

  it('shows families the progress each quarter in plain English, without staff names, no sign-in needed', async () => {
    const visitor = new TestClient(t.app);
    const start = await visitor.get('/');
    expect(start.body).toContain(`href="${paths.improvement.publicIndex}"`);
    const index = await visitor.get(paths.improvement.publicIndex);
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`href="${paths.improvement.public('999')}"`);
    const page = await visitor.get(paths.improvement.public('999'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('How we are making help for children with SEND better');
    expect(page.body).toContain('What we did each quarter');
    expect(page.body).toMatch(/\d+ of 112 done/);
    expect(page.body).not.toContain('Lena Leader');
    expect(page.body).not.toContain('Max Manager');
    expect((await visitor.get(paths.improvement.public('998'))).statusCode).toBe(404);
    expect((await visitor.get(paths.improvement.public('abc'))).statusCode).toBe(404);
  });

  it('downloads an evidence file as an attachment, and audits it', async () => {
    const file = await t.database.db
      .selectFrom('improvement_evidence')
      .select(['id', 'file_name'])
      .where('la_code', '=', '999')
      .where('kind', '=', 'file')
      .executeTakeFirstOrThrow();
    const response = await leader().get(paths.improvement.evidence(file.id));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.body).toContain('Audit of action');
    expect((await leader().get(paths.improvement.evidence('not-an-id'))).statusCode).toBe(404);
    const logged = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('la_code', '=', '999')
      .where('record_id', '=', file.id)
      .execute();
    expect(logged.map((l) => l.action)).toEqual(['improvement.evidence.download']);
  });

  it('hides the plan from families when it is no longer shown, and needs the CSRF token to change that', async () => {
    const visitor = new TestClient(t.app);
    const forged = await leader().post(paths.improvement.publish(planId), {
      published: 'no',
      _csrf: 'forged',
    });
    expect(forged.statusCode).toBe(403);
    expect((await visitor.get(paths.improvement.public('999'))).statusCode).toBe(200);
    const hidden = await leader().submit(
      paths.improvement.plan(planId),
      { published: 'no' },
      paths.improvement.publish(planId),
    );
    expect(hidden.statusCode).toBe(303);
    expect((await visitor.get(paths.improvement.public('999'))).statusCode).toBe(404);
    expect((await visitor.get(paths.improvement.publicIndex)).body).toContain(
      'No council has shared its plan here yet',
    );
    const page = await leader().get(String(hidden.headers.location));
    expect(page.body).toContain('The plan is no longer shown on the families');
    const shown = await leader().submit(
      paths.improvement.plan(planId),
      { published: 'yes' },
      paths.improvement.publish(planId),
    );
    expect(shown.statusCode).toBe(303);
    expect((await visitor.get(paths.improvement.public('999'))).statusCode).toBe(200);
  });

  it('sends a visitor who is not signed in to sign in from the staff pages', async () => {
    const visitor = new TestClient(t.app);
    const response = await visitor.get(paths.improvement.plan(planId));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toContain('/sign-in');
  });
});
