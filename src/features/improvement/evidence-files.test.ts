/**
 * Evidence files and the lists that can grow, on both engines: an update posted with an uploaded file (multipart, with
 * the CSRF token), files of other kinds or that are not what their name says refused with a GOV.UK error and the
 * input kept, downloads only as attachments to those who may read the plan; and the plan's actions, an officer's
 * actions and the flags in pages with filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/web/app.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { seedImprovementDemo } from './demo.ts';
import { checkUploadedFile, cleanFileName, contentDisposition } from '../../platform/web/files.ts';
import { xlsxWorkbook } from '../../platform/web/spreadsheet.ts';
import { paginate } from './listing.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('evidence file rules', () => {
  const file = (filename: string, data: Buffer) => ({ filename, mimetype: 'x/y', size: data.length, data });

  it('accepts documents whose contents match their extension, whatever the browser claims', () => {
    expect(checkUploadedFile(file('Board minutes.PDF', PDF))).toMatchObject({
      ok: true,
      fileName: 'Board minutes.PDF',
      contentType: 'application/pdf',
    });
    expect(checkUploadedFile(file('audit.csv', Buffer.from('a,b\r\n1,2\r\n')))).toMatchObject({
      ok: true,
      contentType: 'text/csv',
    });
    expect(
      checkUploadedFile(file('report.xlsx', xlsxWorkbook([{ name: 'A', rows: [['a']] }]))),
    ).toMatchObject({
      ok: true,
    });
    // Its first bytes alone no longer make a ZIP an Office document (issue 16 item 8).
    expect(checkUploadedFile(file('report.docx', Buffer.from('PK\u0003\u0004rest'))).ok).toBe(false);
    expect(
      checkUploadedFile(file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))),
    ).toMatchObject({ ok: true, contentType: 'image/png' });
  });

  it('refuses other kinds of file, and files that are not what their name says', () => {
    for (const name of ['page.html', 'script.js', 'image.svg', 'run.exe', 'no-extension', 'archive.zip']) {
      expect(checkUploadedFile(file(name, Buffer.from('hello'))).ok, name).toBe(false);
    }
    expect(checkUploadedFile(file('fake.pdf', Buffer.from('<html><script>alert(1)</script>')))).toEqual({
      ok: false,
      message: 'The selected file is not a real .pdf file. Check the file and choose it again',
    });
    expect(checkUploadedFile(file('binary.txt', Buffer.from([0x41, 0, 0x42]))).ok).toBe(false);
  });

  it('cleans names and writes a safe Content-Disposition', () => {
    expect(cleanFileName('C:\\fakepath\\minutes.pdf')).toBe('minutes.pdf');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('a"b<c>\r\n.txt')).toBe('abc.txt');
    expect(cleanFileName(`${'x'.repeat(300)}.xlsx`)).toMatch(/^x{195}\.xlsx$/);
    expect(contentDisposition('Année "1"; report.pdf')).toBe(
      `attachment; filename="Annee 1 report.pdf"; filename*=UTF-8''Ann%C3%A9e%201%20report.pdf`,
    );
  });

  it('pages lists, showing the last page for a page past the end', () => {
    const items = Array.from({ length: 112 }, (_, i) => i);
    expect(paginate(items, 1)).toMatchObject({ page: 1, pages: 5, total: 112, from: 1, to: 25 });
    expect(paginate(items, 5).rows).toHaveLength(12);
    expect(paginate(items, 99)).toMatchObject({ page: 5, from: 101, to: 112 });
    expect(paginate([], 3)).toMatchObject({ page: 1, pages: 1, total: 0, from: 0, to: 0 });
  });
});

describe.each(ENGINES)('evidence files and lists of actions on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  const today = todayInLondon();
  let leader: TestClient;
  let manager: TestClient;
  let parent: TestClient;
  let otherLeader: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, '999');
    await createAuthority(db, '998');
    await createUser(db, '999', 'send-leader', { email: 'leader@demo.example' });
    await createUser(db, '999', 'team-manager', { email: 'manager@demo.example' });
    const p = await createUser(db, '999', 'parent');
    const other = await createUser(db, '998', 'send-leader');
    planId = await db.transaction().execute((trx) => seedImprovementDemo(trx, { laCode: '999', today }));
    leader = new TestClient(t.app);
    await leader.signIn('leader@demo.example', TEST_PASSWORD);
    manager = new TestClient(t.app);
    await manager.signIn('manager@demo.example', TEST_PASSWORD);
    parent = new TestClient(t.app);
    await parent.signIn(p.email, TEST_PASSWORD);
    otherLeader = new TestClient(t.app);
    await otherLeader.signIn(other.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  async function actionId(ref: string): Promise<string> {
    const row = await t.database.db
      .selectFrom('improvement_action')
      .select('id')
      .where('la_code', '=', '999')
      .where('ref', '=', ref)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const countUpdates = async (id: string) =>
    (
      await t.database.db
        .selectFrom('improvement_update')
        .select('id')
        .where('la_code', '=', '999')
        .where('action_id', '=', id)
        .execute()
    ).length;

  const update = (overrides: Record<string, string> = {}) => ({
    'date-day': today.slice(8, 10),
    'date-month': today.slice(5, 7),
    'date-year': today.slice(0, 4),
    status: 'on-track',
    body: 'Audit of twenty plans finished.',
    evidenceKind: 'file',
    evidenceDescription: 'Audit report',
    ...overrides,
  });

  it('shows the update form as multipart with a file field', async () => {
    const page = await leader.get(paths.improvement.action(await actionId('3 A')));
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('type="file"');
    expect(page.body).toContain('name="evidenceFile"');
    expect(page.body).toContain('value="file"');
  });

  it('posts an update with an uploaded file, and serves it only as a safe attachment', async () => {
    const id = await actionId('3 A');
    const url = paths.improvement.action(id);
    const posted = await leader.submitMultipart(url, update(), {
      name: 'evidenceFile',
      filename: 'Audit: March?.pdf',
      type: 'text/html',
      content: PDF,
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${url}?saved=1`);
    const stored = await t.database.db
      .selectFrom('improvement_evidence')
      .select(['id', 'file_name', 'content_type', 'content', 'description'])
      .where('la_code', '=', '999')
      .where('action_id', '=', id)
      .where('kind', '=', 'file')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.file_name).toBe('Audit March.pdf');
    expect(stored.content_type).toBe('application/pdf');
    expect(Buffer.from(stored.content!).equals(PDF)).toBe(true);

    const page = await leader.get(`${url}?saved=1`);
    expect(page.body).toContain('Your update has been saved');
    expect(page.body).toContain('Audit of twenty plans finished.');
    expect(page.body).toContain(`href="${paths.improvement.evidence(stored.id)}"`);
    expect(page.body).toContain('Audit March.pdf');

    // Any reader of the plan may download it (a manager who is not the author here).
    const download = await manager.get(paths.improvement.evidence(stored.id));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Audit March.pdf"; filename*=UTF-8''Audit%20March.pdf`,
    );
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // Families may not; another authority's staff cannot know it exists.
    expect((await parent.get(paths.improvement.evidence(stored.id))).statusCode).toBe(403);
    expect((await otherLeader.get(paths.improvement.evidence(stored.id))).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(paths.improvement.evidence(stored.id))).statusCode).toBe(302);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('la_code', '=', '999')
      .where('record_id', '=', id)
      .where('action', '=', 'improvement.update.create')
      .execute();
    expect(audit.map((a) => a.detail)).toContainEqual(
      expect.objectContaining({ evidence: 'file', fileName: 'Audit March.pdf', bytes: PDF.length }),
    );
  });

  it('refuses a file of another kind with a GOV.UK error, keeping what was typed and saving nothing', async () => {
    const id = await actionId('3 B');
    const url = paths.improvement.action(id);
    const before = await countUpdates(id);
    const refused = await leader.submitMultipart(
      url,
      update({ body: 'Kept <b>text</b>', evidenceDescription: 'Kept description' }),
      { name: 'evidenceFile', filename: 'page.html', type: 'text/html', content: Buffer.from('<p>hi</p>') },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#evidenceFile"');
    expect(refused.body).toContain(
      'The selected file must be a PDF, Word document, Excel spreadsheet, CSV, text file or image (JPG, PNG or GIF)',
    );
    expect(refused.body).toContain('Kept &lt;b&gt;text&lt;/b&gt;');
    expect(refused.body).toContain('Kept description');
    expect(refused.body).toContain('You chose page.html. Choose it again');
    expect(refused.body).toMatch(/value="file" checked/);

    const fake = await leader.submitMultipart(url, update(), {
      name: 'evidenceFile',
      filename: 'report.pdf',
      type: 'application/pdf',
      content: Buffer.from('<script>alert(1)</script>'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('The selected file is not a real .pdf file');

    const missing = await leader.submitMultipart(url, update());
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select a file');

    const unasked = await leader.submitMultipart(url, update({ evidenceKind: 'none' }), {
      name: 'evidenceFile',
      filename: 'minutes.txt',
      type: 'text/plain',
      content: Buffer.from('Minutes'),
    });
    expect(unasked.statusCode).toBe(400);
    expect(unasked.body).toContain('to add the file you chose as evidence');

    expect(await countUpdates(id)).toBe(before);
  });

  it('refuses a file over 10 MB with a clear page and saves nothing', async () => {
    const id = await actionId('3 B');
    const before = await countUpdates(id);
    const big = await leader.submitMultipart(paths.improvement.action(id), update(), {
      name: 'evidenceFile',
      filename: 'big.pdf',
      type: 'application/pdf',
      content: Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('The file is too large');
    expect(await countUpdates(id)).toBe(before);
  });

  it('needs the CSRF token on the multipart form', async () => {
    const id = await actionId('3 B');
    const forged = await leader.postMultipart(
      paths.improvement.action(id),
      { ...update(), _csrf: 'forged' },
      {
        name: 'evidenceFile',
        filename: 'a.pdf',
        type: 'application/pdf',
        content: PDF,
      },
    );
    expect(forged.statusCode).toBe(403);
  });

  const rowsOf = (html: string) => [...html.matchAll(/<tr class="govuk-table__row">\s*<td/g)].length;

  it("pages the plan's actions and filters them by area, status, officer and flag", async () => {
    const url = paths.improvement.actions(planId);
    const first = await leader.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Showing 1 to 25 of 112 actions, page 1 of 5');
    expect(rowsOf(first.body)).toBe(25);
    expect(first.body).toContain(`href="${url}?page=2"`);
    const last = await leader.get(`${url}?page=5`);
    expect(rowsOf(last.body)).toBe(12);
    expect(last.body).toContain('Showing 101 to 112 of 112 actions');
    expect((await leader.get(`${url}?page=abc`)).statusCode).toBe(200);

    const complete = await leader.get(`${url}?status=complete`);
    const completeCount = Number(/(\d+) actions(?: that)? match the filters/.exec(complete.body)?.[1]);
    expect(completeCount).toBeGreaterThan(0);
    expect(complete.body).not.toContain('govuk-tag--green');
    expect(complete.body).toContain('<option value="complete" selected>');

    const areaId = (
      await t.database.db
        .selectFrom('improvement_area')
        .select('id')
        .where('la_code', '=', '999')
        .where('key', '=', '1')
        .executeTakeFirstOrThrow()
    ).id;
    const inArea = await t.database.db
      .selectFrom('improvement_action')
      .select('ref')
      .where('la_code', '=', '999')
      .where('area_id', '=', areaId)
      .orderBy('position')
      .execute();
    const area = await leader.get(`${url}?area=${areaId}`);
    const refs = [
      ...area.body.matchAll(/>([^<>]+)<span class="govuk-visually-hidden">: open the action/g),
    ].map((m) => m[1]);
    expect(refs).toEqual(inArea.map((r) => r.ref).slice(0, 25));

    const owner = await leader.get(`${url}?owner=${encodeURIComponent('EHC assessment team manager')}`);
    expect(owner.body).toMatch(/\d+ actions(?: that)? match the filters/);
    const ownerRows = (owner.body.split('<tbody')[1] ?? '').split('<tr class="govuk-table__row">').slice(1);
    expect(ownerRows.length).toBeGreaterThan(0);
    for (const row of ownerRows) expect(row).toContain('EHC assessment team manager');

    const overdue = await leader.get(`${url}?flag=overdue&status=not-started`);
    expect(overdue.statusCode).toBe(200);
    // A filter link keeps the other filters on every page.
    const unknown = await leader.get(`${url}?area=not-an-area&status=purple`);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('Showing 1 to 25 of 112 actions');
  });

  it("pages and filters an officer's own actions", async () => {
    const mine = await leader.get(paths.improvement.myActions);
    expect(mine.statusCode).toBe(200);
    const total = Number(/(?:of |^|>)(\d+) actions/.exec(mine.body)?.[1]);
    expect(total).toBeGreaterThan(0);
    const onTrack = await leader.get(`${paths.improvement.myActions}?status=on-track`);
    expect(onTrack.statusCode).toBe(200);
    expect(onTrack.body).not.toContain('govuk-tag--blue">Complete');
    const flagged = await leader.get(`${paths.improvement.myActions}?flag=no-update-six-weeks`);
    expect(flagged.statusCode).toBe(200);
  });

  it('pages and filters the flags, keeping the date in every link', async () => {
    const url = paths.improvement.flags(planId);
    const all = await leader.get(url);
    expect(all.statusCode).toBe(200);
    const overdueCount = Number(/Overdue \((\d+)\)/.exec(all.body)?.[1]);
    const overdue = await leader.get(`${url}?flag=overdue`);
    expect(overdue.body).toMatch(new RegExp(`(of |>)${overdueCount} flagged actions`));
    const year = Number(today.slice(0, 4));
    const earlier = await leader.get(`${url}?asOf-day=1&asOf-month=6&asOf-year=${year - 1}&page=2`);
    expect(earlier.statusCode).toBe(200);
    expect(earlier.body).toContain(`Flags as of 1 June ${year - 1}`);
    expect(earlier.body).toContain(`flag=overdue`);
    expect(earlier.body).toContain(`asOf-year=${year - 1}`);
  });
});
