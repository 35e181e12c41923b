/** The `clock` command's contract (section 5 of the statutory clock document), tested by running it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INPUT, EXAMPLE_PERIODS, EXAMPLE_STEPS } from '../../domain/clock/example-case.ts';
import type { Timeline } from '../../domain/clock/index.ts';

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
    const out = JSON.parse(r.stdout) as Timeline;
    expect(Object.keys(out)).toEqual(['asOf', 'steps', 'periods', 'warnings']);
    expect(out.asOf).toBe('2026-03-01');
    expect(out.steps.map(({ explanation: _e, ...contract }) => contract)).toEqual(EXAMPLE_STEPS);
    expect(out.steps[0]).toEqual({
      id: 'decision-to-assess',
      owner: 'local-authority',
      due: '2026-02-16',
      completed: '2026-02-10',
      status: 'met',
      daysLate: 0,
      daysRemaining: null,
      rule: 'SEND Regulations 2014, reg 5(1): decide within 6 weeks of the request',
      exception: { kinds: ['absence-from-area'], overlapDays: 16, adjustedDue: '2026-03-04', status: 'met' },
      explanation:
        'The council must decide by 16 February 2026 whether to assess: 6 weeks from the day it received the request on 5 January 2026. ' +
        'The council sent its decision to assess on 10 February 2026, in time. ' +
        'The law gives extra time because the child or family was away from the area from 1 February 2026 to 10 March 2026. ' +
        '16 days of this fell between 5 January 2026 and 16 February 2026, so the council has a working target of 4 March 2026, 16 days later. ' +
        'The legal date is still 16 February 2026, and the council must still do this as soon as possible. ' +
        'Against the working target it was done in time.',
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
