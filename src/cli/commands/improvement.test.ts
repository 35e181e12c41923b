import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuthority } from '../../../test/helpers/factories.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { runImport } from './improvement.ts';

const root = new URL('../../../', import.meta.url);

function goldthread(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      // An embedded database in a folder of its own, never the developer's ./data.
      env: { ...process.env, DATABASE_URL: '', GOLDTHREAD_DEMO: 'true', GOLDTHREAD_DATA_DIR: dataDir },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'goldthread-improvement-'));
const dataDir = join(dir, 'data');
const file = join(dir, 'plan.csv');
const PER_ROW_PLAN = 'src/domain/improvement/fixtures/per-row-impact-plan.csv';
writeFileSync(
  file,
  [
    'Area,Area_Title,Focus_Area,Focus_Area_Title,Ref,Action,Owner,Start,End,Status,Evidence_of_Impact,Overall_Impact',
    '3,Co-production,3.1,Charter,9A,"Issue a statement, publicly",Head of SEND / Designated Clinical Officer,Dec 21,Jan 22,Complete,Statement issued (Voice),Families are equal partners',
    '3,,3.1,,9 B,Agree leads,Head of SEND and Inclusion,Jan 22,Feb 22,On track,"Meetings held (voice, minutes)",',
    '3,,3.1,,9 H,Review framework,Co-production lead,Sept 22,Jan 23 and on-going,,Reviews published (Voice),',
    '2,Evaluation,2.1,Reviews,6 C,Review every quarter,Parent carer forum vice lead,Feb 2022,and onward every 3 months,Green,Reports received (Minutes),Views inform decisions',
    '2,,2.1,,6 D,Act on it,Head of SEND,Mar 22,and then following board decisions,Significant risk - plan in place,,',
    '2,,2.1,,9 B,Duplicate,Head of SEND,Mar 22,Apr 22,,,',
    '2,,2.1,,6 E,Backwards,Head of SEND,Jun 22,Mar 22,,,',
    '2,,2.1,,6 F,Odd status,Head of SEND,Mar 22,Apr 22,Purple,,',
    '2,,2.1,,6 G,Odd date,Head of SEND,Smarch 22,Apr 22,,,',
    '',
  ].join('\r\n'),
);

describe('goldthread improvement import', () => {
  it('prints the dry-run summary as one JSON document', () => {
    const { code, stdout, stderr } = goldthread(
      'improvement',
      'import',
      '--input',
      file,
      '--dry-run',
      '--as-of',
      '2022-03-01',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${JSON.stringify({
        areas: 2,
        focusAreas: 2,
        actions: 9,
        byStatus: { complete: 1, 'on-track': 2, 'significant-risk': 1, 'high-risk': 0, 'not-started': 5 },
        overdue: ['9 B'],
        undatedEnd: ['6 C', '6 D', '6 E'],
        ongoing: ['9 H', '6 C'],
        // Every row has a reference and an action, so none is refused: what a person would ask about is noted.
        problems: [],
        notes: [
          {
            row: 7,
            column: 'ref',
            message: 'reference 9 B is already used in row 3; this action is imported as "9 B (2)"',
          },
          {
            row: 8,
            column: 'end',
            message:
              'the end (2022-03-31) is before the start (2022-06-01); the end is kept as written ("Mar 22"), not as a date, until it is corrected',
          },
          {
            row: 9,
            column: 'status',
            message:
              '"Purple" is not a status we know (complete, on track, significant risk, high risk, not started, or blue, green, amber, red); the action is imported as not started, as a blank status is, until someone posts an update',
          },
          {
            row: 10,
            column: 'start',
            message:
              '"Smarch 22" is not a month and year such as "Mar 22" or "Sept 2022"; it is kept as written, and the action has no start date until it is corrected',
          },
        ],
      })}\n`,
    );
  });

  it('reads the demo plan with no problems', () => {
    const { code, stdout } = goldthread(
      'improvement',
      'import',
      '--input',
      'src/domain/improvement/fixtures/demo-plan.csv',
      '--dry-run',
      '--as-of',
      '2022-11-15',
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as {
      areas: number;
      focusAreas: number;
      actions: number;
      problems: unknown[];
    };
    expect([summary.areas, summary.focusAreas, summary.actions, summary.problems]).toEqual([8, 36, 112, []]);
  });

  it('keeps every action of a plan whose overall impact differs row to row, with notes', () => {
    const { code, stdout } = goldthread(
      'improvement',
      'import',
      '--input',
      PER_ROW_PLAN,
      '--dry-run',
      '--as-of',
      '2022-06-01',
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as {
      actions: number;
      problems: { row: number; column: string | null }[];
      notes: { row: number; column: string }[];
    };
    expect(summary.actions).toBe(20);
    expect(summary.problems.map((p) => [p.row, p.column])).toEqual([
      [17, 'ref'],
      [22, 'action'],
    ]);
    expect(summary.notes.filter((n) => n.column === 'overall_impact')).toHaveLength(6);
  });

  it("imports a plan with the real plan's headings and oddities, refusing only rows with no reference or action", () => {
    const { code, stdout } = goldthread(
      'improvement',
      'import',
      '--input',
      'src/domain/improvement/fixtures/wsoa-shape-plan.csv',
      '--dry-run',
      '--as-of',
      '2022-06-01',
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as {
      actions: number;
      problems: { row: number; message: string }[];
      notes: unknown[];
    };
    expect(summary.actions).toBe(11);
    expect(summary.problems.map((p) => p.message)).toEqual([
      'this action has no reference',
      'reference 4 C has no action',
    ]);
    expect(summary.notes).toHaveLength(15);
  });

  it.each([
    [['improvement'], 'usage: goldthread improvement import'],
    [['improvement', 'import', '--dry-run'], '--input is required'],
    [
      ['improvement', 'import', '--input', file, '--dry-run', '--as-of', '2022-02-30'],
      '--as-of must be a real date',
    ],
    [['improvement', 'import', '--input', file, '--bogus'], 'Unknown option'],
    [['improvement', 'import', '--input', join(dir, 'missing.csv'), '--dry-run'], 'cannot read'],
  ])('exits 2 for bad arguments: %j', (args, message) => {
    const { code, stderr } = goldthread(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('runImport with a store', () => {
  it('saves the rows that were read through importPlan', async () => {
    const saved: unknown[] = [];
    const out: string[] = [];
    const code = await runImport(['--input', file, '--as-of', '2022-03-01'], {
      store: {
        savePlan: (plan) => {
          saved.push(plan);
          return Promise.resolve('plan-1');
        },
      },
      stdout: (t) => out.push(t),
    });
    expect(code).toBe(0);
    expect(saved).toHaveLength(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ planId: 'plan-1', areas: 2, focusAreas: 2, actions: 9 });
    expect((saved[0] as { notes: unknown[] }).notes).toHaveLength(4);
  });
});

describe('goldthread improvement import into the database, and export', () => {
  it('names an authority that does not exist, and saves nothing', () => {
    const { code, stderr } = goldthread('improvement', 'import', '--input', file, '--la', '998');
    expect(code).toBe(1);
    expect(stderr).toContain('there is no local authority 998');
  });

  it('imports every row with a reference and an action in one transaction, refuses the same title twice, and exports', async () => {
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
      await createAuthority(database.db, '999');
    } finally {
      await database.close();
    }
    const first = goldthread(
      'improvement',
      'import',
      '--input',
      file,
      '--title',
      'Test plan',
      '--as-of',
      '2022-03-01',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as {
      planId: string;
      actions: number;
      problems: unknown[];
      notes: unknown[];
    };
    expect(result.actions).toBe(9);
    expect(result.problems).toHaveLength(0);
    expect(result.notes).toHaveLength(4);
    expect(result.planId).toMatch(/^[0-9a-f-]{36}$/);

    const again = goldthread('improvement', 'import', '--input', file, '--title', 'Test plan');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('a plan called "Test plan" already exists; nothing was saved');

    const exported = goldthread('improvement', 'export', '--plan', 'Test plan');
    expect(exported.code).toBe(0);
    const lines = exported.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'area,area_title,focus_area,focus_area_title,ref,action,owner,start,end,status,evidence_of_impact,overall_impact',
    );
    expect(lines.filter((l) => /^\d,/.test(l))).toHaveLength(9);
    const out = join(dir, 'out.csv');
    expect(goldthread('improvement', 'export', '--output', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Issue a statement, publicly');
    expect(goldthread('improvement', 'export', '--plan', 'No such plan').code).toBe(1);
  });

  it("saves every action of a plan whose overall impact differs row to row, and exports each row's text", () => {
    const saved = goldthread('improvement', 'import', '--input', PER_ROW_PLAN, '--title', 'Per-row plan');
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ actions: 20, focusAreas: 8 });
    const exported = goldthread('improvement', 'export', '--plan', 'Per-row plan');
    expect(exported.code).toBe(0);
    const rows = exported.stdout.split('\r\n');
    expect(rows.find((l) => l.includes(',4 C,'))).toMatch(
      /,Fewer plans are graded good or better by one auditor only$/,
    );
    expect(rows.find((l) => l.includes(',4 B,'))).toMatch(
      /,The board sees families' views and what changed as a result every quarter$/,
    );
  });
});
