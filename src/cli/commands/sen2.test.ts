/**
 * The `sen2` command, tested by running it (issue 14): the demo authority's SEN2 export, read in to an empty
 * authority with the import command, gives the same export back, byte for byte apart from the header's generation
 * time, on both engines; the dry run prints one JSON summary and writes nothing; a second import changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { exportSen2, type ImportSummary } from '../../features/returns/index.ts';

const root = new URL('../../../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'goldthread-sen2-'));
const CENSUS = '2027-01-21';

function goldthread(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'sen2', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, GOLDTHREAD_DEMO: 'false', ...env } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const withoutTime = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/, 'TIME');

describe('goldthread sen2 usage', () => {
  it('refuses bad arguments with the usage', () => {
    const env = { DATABASE_URL: '', GOLDTHREAD_DATA_DIR: join(dir, 'unused') };
    expect(goldthread(env, 'publish').code).toBe(2);
    const bad = goldthread(env, 'export', '--census', '2027-02-30', '--format', 'csv', '--output', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--census must be a date');
    expect(goldthread(env, 'import', '--input', join(dir, 'missing.csv'), '--la', '998').stderr).toContain(
      'cannot read',
    );
    expect(goldthread(env, 'import', '--input', 'x', '--la', '99').stderr).toContain('three-digit');
  }, 120_000);
});

describe.each(ENGINES)('the demo return read in to an empty authority (%s)', (engine) => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });

  it('gives the same export back, and a second import changes nothing', async () => {
    const demo = await createTestDatabase(engine, { image: 'demo' });
    opened.push(demo);
    const first = await exportSen2(demo.db, '999', CENSUS, 'csv');
    expect(first.ret.persons.length).toBeGreaterThan(50);
    const file = join(dir, `demo-${engine}.csv`);
    writeFileSync(file, first.text);

    let env: Record<string, string>;
    if (engine === 'postgres') {
      const target = await createTestDatabase('postgres');
      opened.push(target);
      env = { DATABASE_URL: target.url! };
    } else env = { DATABASE_URL: '', GOLDTHREAD_DATA_DIR: join(dir, 'data') };

    const dry = goldthread(env, 'import', '--input', file, '--la', '999', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as ImportSummary;
    expect(planned).toMatchObject({
      laCode: '999',
      census: CENSUS,
      dryRun: true,
      authorityCreated: true,
      unusable: [],
    });
    expect(planned.create.children).toBe(first.ret.persons.length);
    expect(planned.create.plans).toBe(first.ret.persons.filter((p) => p.plans.length).length);

    const made = JSON.parse(
      goldthread(env, 'import', '--input', file, '--la', '999').stdout,
    ) as ImportSummary;
    expect(made.create).toEqual(planned.create);

    const out = join(dir, `again-${engine}.csv`);
    const exported = goldthread(
      env,
      'export',
      '--census',
      CENSUS,
      '--la',
      '999',
      '--format',
      'csv',
      '--output',
      out,
    );
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`${first.ret.persons.length} persons written`);
    const again = readFileSync(out, 'utf8');
    expect(withoutTime(again)).toBe(withoutTime(first.text));

    const second = JSON.parse(
      goldthread(env, 'import', '--input', file, '--la', '999').stdout,
    ) as ImportSummary;
    expect(second.create).toEqual({
      children: 0,
      requests: 0,
      assessments: 0,
      plans: 0,
      placements: 0,
      needs: 0,
      settings: 0,
    });
    expect(second.existing).toHaveLength(first.ret.persons.length);
    const xml = join(dir, `again-${engine}.xml`);
    goldthread(env, 'export', '--census', CENSUS, '--la', '999', '--format', 'xml', '--output', xml);
    expect(readFileSync(xml, 'utf8')).toContain('<Collection>SEN2</Collection>');
  }, 600_000);
});
