/** The `clock` command's contract (section 5 of the statutory clock document), tested by running it. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { EXAMPLE_INPUT, EXAMPLE_PERIODS, EXAMPLE_STEPS } from '../../domain/clock/example-case.ts';
import { loadExamples, runCheck } from '../../../test/helpers/clock-examples.ts';
import { caseGenerator } from '../../domain/clock/generate.ts';
import {
  computeTimeline,
  contractStep,
  parseClockInput,
  type ClockInput,
  type ContractTimeline,
  type Timeline,
} from '../../domain/clock/index.ts';
import command from './clock.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'goldthread-clock-'));

function clock(args: string[], stdin?: string) {
  const r = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'clock', ...args],
    { cwd: root, input: stdin ?? '', encoding: 'utf8' },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const withAssessment = (assessment: unknown) => JSON.stringify({ asOf: '2026-03-01', assessment });

describe('§5 the clock command', () => {
  it('§5 the document’s example input from --input FILE: one JSON document, exit 0', () => {
    const r = clock(['--input', file('example.json', JSON.stringify(EXAMPLE_INPUT, null, 2))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ContractTimeline;
    expect(Object.keys(out)).toEqual(['asOf', 'steps', 'periods', 'warnings']);
    expect(out.asOf).toBe('2026-03-01');
    expect(out.steps).toEqual(EXAMPLE_STEPS);
    // exactly the contract's fields, in its order; the document's two example steps exactly
    for (const step of out.steps) {
      expect(Object.keys(step)).toEqual([
        'id',
        'owner',
        'due',
        'completed',
        'status',
        'daysLate',
        'daysRemaining',
        'rule',
        'exception',
      ]);
    }
    expect(out.steps[0]).toEqual({
      id: 'decision-to-assess',
      owner: 'local-authority',
      due: '2026-02-16',
      completed: '2026-02-10',
      status: 'met',
      daysLate: 0,
      daysRemaining: null,
      rule: 'SEND Regulations 2014, reg 5(1): decide within 6 weeks of the request',
      exception: null,
    });
    expect(out.steps.find((x) => x.id === 'final-plan')).toEqual({
      id: 'final-plan',
      owner: 'local-authority',
      due: '2026-05-25',
      completed: null,
      status: 'open',
      daysLate: 0,
      daysRemaining: 85,
      rule: 'SEND Regulations 2014, reg 13(2): issue the final plan within 20 weeks of the request',
      exception: { kinds: ['absence-from-area'], overlapDays: 38, adjustedDue: '2026-07-02', status: 'open' },
    });
    expect(out.periods).toEqual(EXAMPLE_PERIODS);
    expect(out.warnings).toEqual([]);
  });

  it('§5 the same JSON on standard input gives the same document', () => {
    const fromFile = clock(['--input', file('example2.json', JSON.stringify(EXAMPLE_INPUT))]);
    const fromStdin = clock([], JSON.stringify(EXAMPLE_INPUT));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(clock(['--input=-'], JSON.stringify(EXAMPLE_INPUT)).stdout).toBe(fromFile.stdout);
  });

  it('§5 a draft served and a final plan inside the comment period: the period and the warning', () => {
    const r = clock(
      [],
      JSON.stringify({
        asOf: '2026-05-10',
        assessment: { requestReceived: '2026-01-05', draftServed: '2026-04-20', finalIssued: '2026-05-01' },
      }),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Timeline;
    expect(out.periods).toEqual([{ id: 'draft-comments', from: '2026-04-20', to: '2026-05-04' }]);
    expect(out.warnings).toEqual(['final-issued-during-comment-period']);
  });

  const invalid: [string, string, string][] = [
    [
      'not a date',
      withAssessment({ requestReceived: 'yesterday' }),
      'assessment.requestReceived: not a date',
    ],
    [
      'an impossible date',
      withAssessment({ requestReceived: '2026-02-30' }),
      'assessment.requestReceived: not a date',
    ],
    [
      'events out of order (a final plan before the request)',
      withAssessment({ requestReceived: '2026-01-05', finalIssued: '2025-12-01' }),
      'assessment.finalIssued: 2025-12-01 is before assessment.requestReceived (2026-01-05)',
    ],
    [
      'an unknown enum value',
      withAssessment({
        requestReceived: '2026-01-05',
        decisionToAssess: { date: '2026-02-01', outcome: 'maybe' },
      }),
      'assessment.decisionToAssess.outcome: "maybe" is not one of assess, not-assess',
    ],
    [
      'an unknown exception kind',
      JSON.stringify({
        asOf: '2026-03-01',
        exceptions: [{ kind: 'snow', from: '2026-01-01', to: '2026-01-02' }],
      }),
      'exceptions[0].kind: "snow" is not one of',
    ],
    ['a missing asOf', JSON.stringify({ assessment: {} }), 'asOf: required'],
    ['not JSON', '{"asOf": "2026-03-01",', 'input: not valid JSON'],
    ['an empty input', '', 'input: not valid JSON'],
    ['a JSON array', '[]', 'input: must be a JSON object'],
  ];

  it.each(invalid)('§5 invalid input, %s: exit 2 and a message naming the field', (_name, input, message) => {
    const r = clock([], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('§5 invalid input through --input FILE is reported the same way', () => {
    const r = clock(['--input', file('bad.json', withAssessment({ requestReceived: '2026-02-30' }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('assessment.requestReceived: not a date');
  });

  it('§5 the updated contract: post-16 moves (reg 18(2)), reassessment and transferIn.date, in one case', () => {
    const r = clock(
      [],
      JSON.stringify({
        asOf: '2026-04-01',
        plan: {
          firstIssued: '2025-06-01',
          phaseTransfer: { kind: 'post-16-move', transferDate: '2027-01-04', amendedPlanIssued: null },
          transferIn: { date: '2026-03-31', noticeSent: null },
        },
        reassessment: { decisionSent: '2026-03-10', finalIssued: null },
      }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ContractTimeline;
    const due = Object.fromEntries(out.steps.map((x) => [x.id, [x.due, x.owner]]));
    expect(due).toEqual({
      'transfer-notice': ['2026-05-12', 'local-authority'],
      'review:1': ['2026-06-30', 'local-authority'],
      'phase-transfer': ['2026-08-04', 'local-authority'],
      'reassessment-final': ['2026-06-16', 'local-authority'],
    });
    expect(out.steps.find((x) => x.id === 'phase-transfer')?.rule).toContain('reg 18(2)');
  });

  const invalidUpdated: [string, unknown, string][] = [
    [
      'a post-16 move without its date',
      { asOf: '2026-03-01', plan: { phaseTransfer: { kind: 'post-16-move' } } },
      'plan.phaseTransfer.transferDate: required when kind is post-16-move',
    ],
    [
      'a reassessment plan with no decision to reassess',
      { asOf: '2026-03-01', reassessment: { finalIssued: '2026-03-01' } },
      'reassessment.decisionSent: required when finalIssued is given',
    ],
    [
      'an unknown agency',
      {
        asOf: '2026-03-01',
        assessment: { requestReceived: '2026-01-05', adviceRequests: [{ id: 'x', agency: 'police' }] },
      },
      'assessment.adviceRequests[0].agency: "police" is not one of',
    ],
    [
      'a confirmed flag, which the contract does not have',
      {
        asOf: '2026-03-01',
        exceptions: [{ kind: 'personal-circumstances', from: '2026-01-01', confirmed: true }],
      },
      'exceptions[0].confirmed: unknown field',
    ],
    [
      'an appeal deadline past the bank holidays the product holds',
      { asOf: '2030-11-01', appeal: { decisionSent: '2030-10-27' } },
      "appeal.decisionSent: the appeal deadline would fall on 2030-12-27, but the tribunal's working days",
    ],
  ];

  it.each(invalidUpdated)('§5 invalid input, %s: exit 2 naming the field', (_name, input, message) => {
    const r = clock([], JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('§5 a missing file or an unknown option: exit 2', () => {
    const missing = clock(['--input', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const unknown = clock(['--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option "--json"');
    expect(clock(['--input']).code).toBe(2);
  });
});

/** Runs the command as a separate process without blocking, for running several at once. */
function clockAsync(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'clock'],
      {
        cwd: root,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function inBatches<T, R>(items: T[], size: number, run: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

/** The library's answer for the command's input: every recorded exception confirmed, steps cut to the contract. */
function library(input: ClockInput): ContractTimeline {
  const parsed = parseClockInput(JSON.parse(JSON.stringify(input)));
  if (!parsed.ok) throw new Error('invalid input');
  const t: Timeline = computeTimeline({
    ...parsed.input,
    exceptions: parsed.input.exceptions?.map((e) => ({ ...e, confirmed: true })) ?? null,
  });
  return { asOf: t.asOf, steps: t.steps.map(contractStep), periods: t.periods, warnings: t.warnings };
}

describe('§5 the command agrees with the library and the specification (differential)', () => {
  /** Runs the command's own code in this process on one input, returning what it printed. */
  async function inProcess(input: unknown): Promise<string> {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await command.run(['--input', file('in-process.json', JSON.stringify(input))])).toBe(0);
      return write.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      write.mockRestore();
    }
  }

  function checkExample(example: ReturnType<typeof loadExamples>[number], out: ContractTimeline): void {
    const failed = example.checks
      .map((c) => ({ c, ...runCheck(out, c) }))
      .filter((x) => !x.ok)
      .map(
        (x) => `${example.id} ${x.what}: expected ${JSON.stringify(x.c[2])}, got ${JSON.stringify(x.actual)}`,
      );
    expect(failed).toEqual([]);
    expect(out).toEqual(library(example.input));
  }

  it('every example of the legal review through the command: the checks pass and the output is the library’s', async () => {
    for (const example of loadExamples())
      checkExample(example, JSON.parse(await inProcess(example.input)) as ContractTimeline);
  });

  it('one example of each kind run as a separate process gives the same document', async () => {
    const kinds = ['C07', 'C11', 'C14', 'C19', 'C22', 'C26', 'C31', 'C33', 'C36'];
    const examples = loadExamples().filter((e) => kinds.includes(e.id));
    expect(examples).toHaveLength(kinds.length);
    const results = await inBatches(examples, 3, (e) => clockAsync(JSON.stringify(e.input)));
    for (const [i, example] of examples.entries()) {
      const r = results[i]!;
      expect(r.code, `${example.id}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe(await inProcess(example.input));
      checkExample(example, JSON.parse(r.stdout) as ContractTimeline);
    }
  }, 120_000);

  it('1,000 generated cases through the command’s own code give exactly the library’s answer', async () => {
    const next = caseGenerator(20260610);
    for (let i = 0; i < 1000; i++) {
      const input = next();
      expect(JSON.parse(await inProcess(input))).toEqual(library(input));
    }
  }, 120_000);
});
