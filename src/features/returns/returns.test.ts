/**
 * The returns pages on both engines, on the demo authority: who may use them (and who may not), the SEN2 export
 * job and its progress page with the pre-submission check's links, the inspection lists (S5 acceptance) and their
 * audit as a bulk export of special category data, and reading a return in as the administrator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import { unzipEntry } from '../../../test/helpers/documents.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import {
  buildInspectionLists,
  CSV_COLUMNS,
  INSPECTION_COLUMNS,
  parseCsv,
  planExtraKey,
} from '../../domain/sen2/index.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { loadCasework } from './index.ts';
import { SEN2_EXPORT_QUEUE } from './service.ts';

describe.each(ENGINES)('returns on %s', (engine) => {
  let t: TestApp;
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

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { image: 'demo' });
  });
  afterAll(() => t?.close());

  it('leaders and managers may use the returns page; caseworkers, families and the administrator may not', async () => {
    for (const who of ['leader', 'manager']) {
      const page = await (await as(who)).get('/returns');
      expect(page.statusCode, who).toBe(200);
      expect(page.body).toContain('Inspection child-level lists');
    }
    for (const who of ['caseworker', 'parent', 'admin', 'ep']) {
      expect((await (await as(who)).get('/returns')).statusCode, who).toBe(403);
      expect((await (await as(who)).get('/returns/inspection-list?format=csv')).statusCode, who).toBe(403);
    }
    const leaderHome = await (await as('leader')).get('/');
    expect(leaderHome.body).toContain('href="/returns"');
  });

  it('S5: every active plan once, a ceased plan not, the template columns, a completeness report; audited', async () => {
    const leader = await as('leader');
    const today = todayInLondon();
    const casework = await loadCasework(t.database.db, '999');
    const active = casework.children.filter(
      (c) => c.planStatus === 'plan' && c.planFirstIssued !== null && c.planFirstIssued <= today,
    );
    const ceased = casework.children.filter((c) => c.planStatus === 'ceased');
    const csv = await leader.get('/returns/inspection-list?format=csv&list=plans');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`inspection-list-ehc-plans-${today}.csv`);
    const rows = parseCsv(csv.body).map((r) => r.cells);
    expect(rows[0]).toEqual([...INSPECTION_COLUMNS]);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(active.map((c) => c.reference).sort());
    for (const c of ceased) expect(ids).not.toContain(c.reference);
    for (const r of rows) expect(r).toHaveLength(INSPECTION_COLUMNS.length);

    const report = parseCsv((await leader.get('/returns/inspection-list?format=csv&list=completeness')).body);
    const lists = buildInspectionLists(casework, today);
    const blankUpn = report.findIndex((r) => r.cells[0] === 'Local ID with a blank UPN');
    expect(report.slice(blankUpn + 1).map((r) => r.cells)).toEqual(
      lists.plans.blankUpns.map((b) => [b.localId, b.reason]),
    );
    expect(lists.plans.blankUpns.every((b) => b.reason !== '')).toBe(true);
    expect(report.find((r) => r.cells[1] === 'UPN')!.cells[3]).toBe(String(lists.plans.blankUpns.length));

    const xlsx = await leader.get('/returns/inspection-list?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = unzipEntry(xlsx.rawPayload, 'xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<t xml:space="preserve">Local ID</t>');
    expect((sheet.match(/<row /g) ?? []).length).toBe(active.length + 1);
    expect(unzipEntry(xlsx.rawPayload, 'xl/workbook.xml')).toContain('name="Completeness"');

    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('la_code', '=', '999')
      .where('action', '=', 'inspection-list.export')
      .execute();
    expect(audited).toHaveLength(3);
    expect(audited[0]!.detail).toMatchObject({ bulkExport: true, specialCategoryData: true });
  });

  it('a ceased plan (kept with its date) is not on the list after it ceased', async () => {
    const casework = await loadCasework(t.database.db, '999');
    const child = casework.children.find((c) => c.planStatus === 'plan')!;
    const extras = new Map(casework.extras);
    extras.set(child.id, new Map([[planExtraKey('ceasedDate'), '2020-01-01']]));
    const lists = buildInspectionLists({ ...casework, extras }, todayInLondon());
    expect(lists.plans.rows.map((r) => r[0])).not.toContain(child.reference);
  });

  it('makes the SEN2 return as a job with a progress page, lists its problems with links, and serves the file', async () => {
    const leader = await as('leader');
    const index = await leader.get('/returns');
    const census = /name="census" type="radio" value="([^"]+)"/.exec(index.body)![1]!;
    const bad = await leader.post('/returns/sen2/exports', {
      census: '1999-01-01',
      format: 'csv',
      _csrf: TestClient.csrfFrom(index.body),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the census date');
    const started = await leader.submit('/returns', { census, format: 'csv' }, '/returns/sen2/exports');
    expect(started.statusCode).toBe(303);
    const progress = started.headers.location!;
    expect((await leader.get(progress)).body).toContain('Waiting to start');
    expect(await t.jobs.runPending(SEN2_EXPORT_QUEUE)).toBe(1);
    const done = await leader.get(progress);
    expect(done.body).toContain('Ready');
    expect(done.body).toMatch(/Check before you submit/);
    // each problem listed links to the record to fix it in ("The check found no problems" has none to link)
    if (!done.body.includes('The check found no problems'))
      expect(done.body).toMatch(/href="\/(children|assessments|plans)\//);
    const file = await leader.get(`${progress}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('Module,PersonID,RequestNo,PlanNo,')).toBe(true);
    expect(file.headers['content-disposition']).toContain(`sen2-999-${census}.csv`);
    const manager = await as('manager');
    expect((await manager.get(progress)).statusCode).toBe(200);
    expect((await (await as('caseworker')).get(progress)).statusCode).toBe(403);
    expect((await leader.get('/returns/sen2/exports/00000000-0000-0000-0000-000000000000')).statusCode).toBe(
      404,
    );
    const downloads = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('la_code', '=', '999')
      .where('action', '=', 'sen2.download')
      .execute();
    expect(downloads[0]!.detail).toMatchObject({ bulkExport: true, specialCategoryData: true });
  });

  it('the administrator checks a return, then reads it in, all or nothing; leaders may not', async () => {
    const admin = await as('admin');
    expect((await admin.get('/returns/sen2/import')).statusCode).toBe(200);
    expect((await (await as('leader')).get('/returns/sen2/import')).statusCode).toBe(403);
    const none = await admin.submitMultipart('/returns/sen2/import', { mode: 'check' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose the SEN2 return file');
    const columns = CSV_COLUMNS.length;
    const pad = (cells: string[]) => [...cells, ...Array<string>(columns - cells.length).fill('')].join(',');
    const file = [
      CSV_COLUMNS.join(','),
      pad(['0', '', '', '', 'SEN2', '2027', '2027-01-21', '999', 'X']),
      pad([
        '1',
        'NEW-1',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'Newcombe',
        'Nia',
        '2016-02-02',
        'F',
        'WBRI',
        '',
        'A999999999999',
      ]),
      pad(['1', 'NEW-2', '', '', '', '', '', '', '', '', '', '', '', 'Nobody', 'Ned', '2016-02-02', 'X']),
      '',
    ].join('\r\n');
    const before = await countRows(t.database.db, 'child');
    const check = await admin.submitMultipart(
      '/returns/sen2/import',
      { mode: 'check' },
      { name: 'returnFile', filename: 'sen2.csv', type: 'text/csv', content: Buffer.from(file) },
    );
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('What reading in sen2.csv would make');
    expect(check.body).toContain('Sex &quot;X&quot; is not one of F, M');
    expect(await countRows(t.database.db, 'child')).toBe(before);
    const made = await admin.submitMultipart(
      '/returns/sen2/import',
      { mode: 'import' },
      { name: 'returnFile', filename: 'sen2.csv', type: 'text/csv', content: Buffer.from(file) },
    );
    expect(made.body).toContain('Read in sen2.csv');
    expect(await countRows(t.database.db, 'child')).toBe(before + 1);
    const again = await admin.submitMultipart(
      '/returns/sen2/import',
      { mode: 'import' },
      { name: 'returnFile', filename: 'sen2.csv', type: 'text/csv', content: Buffer.from(file) },
    );
    expect(again.body).toContain('1 persons are in the casework already');
    expect(await countRows(t.database.db, 'child')).toBe(before + 1);
  });
});
