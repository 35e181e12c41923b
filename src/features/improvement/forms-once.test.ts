/**
 * Two small form rules, on both engines: the update form's one-use token (the same form posted twice saves one
 * update and answers the second time as the first), and the import page taking an uploaded CSV file as well as pasted
 * text, refused with a GOV.UK error for neither, both, another kind of file, a file too big or not UTF-8, and always
 * shown as a preview before anything is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { seedImprovementDemo } from './demo.ts';
import { MAX_IMPORT_FILE_BYTES } from './forms.ts';

const formTokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)?.[1];

const CSV = [
  'area,area_title,focus_area,focus_area_title,ref,action,owner,start,end,status',
  '1,Identifying needs,1.1,Early help,1 A,Write the early help guide,Head of SEND,Jan 2025,Mar 2025,Complete',
  '1,,1.1,,1 B,Train the early years settings,Head of SEND,Feb 2025,On-going,On track',
].join('\r\n');

describe.each(ENGINES)('forms that save once, and importing a CSV file, on %s', (engine) => {
  let t: TestApp;
  const today = todayInLondon();
  let leader: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, '999');
    await createUser(db, '999', 'send-leader', { email: 'leader@demo.example' });
    await db.transaction().execute((trx) => seedImprovementDemo(trx, { laCode: '999', today }));
    leader = new TestClient(t.app);
    await leader.signIn('leader@demo.example', TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  const count = async (
    table: 'improvement_update' | 'improvement_plan' | 'improvement_evidence',
    actionId?: string,
  ) => {
    let q = t.database.db.selectFrom(table).select('id').where('la_code', '=', '999');
    if (actionId && table !== 'improvement_plan') q = q.where('action_id', '=', actionId);
    return (await q.execute()).length;
  };

  it('saves one update when the same update form is posted twice', async () => {
    const action = await t.database.db
      .selectFrom('improvement_action')
      .select('id')
      .where('la_code', '=', '999')
      .where('ref', '=', '3 A')
      .executeTakeFirstOrThrow();
    const url = paths.improvement.action(action.id);
    const page = await leader.get(url);
    const csrf = TestClient.csrfFrom(page.body);
    const formToken = formTokenOf(page.body);
    expect(formToken).toMatch(/^[0-9a-f-]{36}$/);
    const before = await count('improvement_update', action.id);
    const beforeEvidence = await count('improvement_evidence', action.id);
    const fields = {
      _csrf: csrf,
      formToken: formToken!,
      'date-day': today.slice(8, 10),
      'date-month': today.slice(5, 7),
      'date-year': today.slice(0, 4),
      status: 'on-track',
      body: 'Posted once, sent twice.',
      evidenceKind: 'file',
      evidenceDescription: 'Audit notes',
    };
    const file = {
      name: 'evidenceFile',
      filename: 'audit.csv',
      type: 'text/csv',
      content: Buffer.from('a,b\r\n1,2\r\n'),
    };
    const first = await leader.postMultipart(url, fields, file);
    const second = await leader.postMultipart(url, fields, file);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await count('improvement_update', action.id)).toBe(before + 1);
    expect(await count('improvement_evidence', action.id)).toBe(beforeEvidence + 1);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'improvement.update.create')
      .where('record_id', '=', action.id)
      .execute();
    expect(audits).toHaveLength(1);

    // Sent twice at once (a double click on a slow connection): still one update, and both answers agree.
    const again = await leader.get(url);
    const both = { ...fields, formToken: formTokenOf(again.body)!, evidenceKind: 'none' };
    const [a, b] = await Promise.all([leader.postMultipart(url, both), leader.postMultipart(url, both)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    expect(await count('improvement_update', action.id)).toBe(before + 2);

    // A new page gives a new token, so the next update is saved; a refused form keeps its token for the retry.
    const next = await leader.get(url);
    expect(formTokenOf(next.body)).not.toBe(formToken);
    const refused = await leader.postMultipart(url, {
      ...fields,
      formToken: formTokenOf(next.body)!,
      body: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(formTokenOf(refused.body)).toBe(formTokenOf(next.body));
    const retried = await leader.postMultipart(url, {
      ...fields,
      formToken: formTokenOf(next.body)!,
      evidenceKind: 'none',
    });
    expect(retried.statusCode).toBe(303);
    expect(await count('improvement_update', action.id)).toBe(before + 3);
  });

  const importFields = (overrides: Record<string, string> = {}) => ({
    title: `Plan ${Math.random().toString(36).slice(2)}`,
    kind: 'priority-action-plan',
    csv: '',
    ...overrides,
  });
  const csvFile = (content: Buffer | string, filename = 'plan.csv') => ({
    name: 'csvFile',
    filename,
    type: 'text/csv',
    content: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });

  it('shows the import form as multipart with a file field and a text box', async () => {
    const page = await leader.get(paths.improvement.import);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('name="csvFile"');
    expect(page.body).toContain('name="csv"');
  });

  it('previews an uploaded CSV file before saving, then imports it', async () => {
    const plans = await count('improvement_plan');
    const fields = importFields({ title: 'Uploaded plan' });
    const preview = await leader.submitMultipart(paths.improvement.import, fields, csvFile(`\uFEFF${CSV}`));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Check the plan before you import it');
    expect(preview.body).toContain('plan.csv');
    expect(preview.body).toContain('Import 2 actions');
    expect(await count('improvement_plan')).toBe(plans);
    const csv = /name="csv" value="([^"]*)"/.exec(preview.body)?.[1];
    expect(csv).toBeTruthy();
    const confirmed = await leader.postMultipart(paths.improvement.importConfirm, {
      _csrf: TestClient.csrfFrom(preview.body),
      title: 'Uploaded plan',
      kind: 'priority-action-plan',
      csv: csv!
        .replaceAll('&#13;', '\r')
        .replaceAll('&#10;', '\n')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&'),
    });
    expect(confirmed.statusCode).toBe(303);
    expect(await count('improvement_plan')).toBe(plans + 1);
    const saved = await t.database.db
      .selectFrom('improvement_action')
      .innerJoin('improvement_plan', (j) =>
        j
          .onRef('improvement_plan.la_code', '=', 'improvement_action.la_code')
          .onRef('improvement_plan.id', '=', 'improvement_action.plan_id'),
      )
      .select('improvement_action.ref')
      .where('improvement_plan.la_code', '=', '999')
      .where('improvement_plan.title', '=', 'Uploaded plan')
      .orderBy('improvement_action.ref')
      .execute();
    expect(saved.map((r) => r.ref)).toEqual(['1 A', '1 B']);
  });

  it('still previews pasted CSV', async () => {
    const preview = await leader.submitMultipart(paths.improvement.import, importFields({ csv: CSV }));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Import 2 actions');
  });

  it('refuses neither, both, another kind of file, a file too big or not UTF-8, saving nothing', async () => {
    const plans = await count('improvement_plan');
    const cases: Array<[Record<string, string>, ReturnType<typeof csvFile> | undefined, string]> = [
      [importFields(), undefined, 'Choose a CSV file or paste the plan in CSV form'],
      [importFields({ csv: CSV }), csvFile(CSV), 'Choose a CSV file or paste the plan, not both'],
      [importFields(), csvFile(CSV, 'plan.xlsx'), 'The selected file must be a CSV'],
      [
        importFields(),
        csvFile(Buffer.from('PK\u0003\u0004zip'), 'plan.csv'),
        'The selected file must be a CSV',
      ],
      [
        importFields(),
        csvFile(`${CSV}\r\n${'x'.repeat(MAX_IMPORT_FILE_BYTES)}`),
        'The selected file must be smaller than 900 KB',
      ],
      [
        importFields(),
        csvFile(
          Buffer.concat([Buffer.from('ref,action\r\n1 A,Caf'), Buffer.from([0xe9]), Buffer.from('\r\n')]),
        ),
        'The selected file must be saved as CSV UTF-8',
      ],
    ];
    for (const [fields, file, message] of cases) {
      const response = await leader.submitMultipart(paths.improvement.import, fields, file);
      expect(response.statusCode, message).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain(message);
      expect(response.body).toContain('href="#csvFile"');
      expect(response.body).toContain(fields.title!);
      if (file) expect(response.body).toContain(`You chose ${file.filename}`);
    }
    expect(await count('improvement_plan')).toBe(plans);
  });
});
