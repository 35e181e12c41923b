/** The `check-provision` command's contract, tested by running it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SPECIFICITY_MESSAGES } from '../../domain/plan-quality/specificity.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'goldthread-check-provision-'));

function run(args: string[], stdin?: string) {
  const r = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'check-provision', ...args],
    { cwd: root, input: stdin ?? '', encoding: 'utf8' },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const doc = (items: unknown) => JSON.stringify({ items });
const SPECIFIC =
  '30 minutes of 1:1 support from a teaching assistant trained in Precision Teaching, 3 times a week';

describe('check-provision', () => {
  it('reads --input FILE and prints exactly the contract shape, compact, in input order', () => {
    const path = join(dir, 'in.json');
    writeFileSync(
      path,
      doc([
        { id: 'p1', section: 'F', text: `Access to a laptop and ${SPECIFIC}` },
        { id: 'p2', section: 'F', text: SPECIFIC },
      ]),
    );
    const r = run(['--input', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${JSON.stringify({
        items: [
          {
            id: 'p1',
            specific: false,
            kind: 'sessions',
            findings: [{ code: 'access-to', message: SPECIFICITY_MESSAGES['access-to'], start: 0, end: 9 }],
          },
          { id: 'p2', specific: true, kind: 'sessions', findings: [] },
        ],
      })}\n`,
    );
  });
  it('reads standard input; E items are outcomes; other sections get no findings', () => {
    const r = run(
      [],
      doc([
        { id: 'e1', section: 'E', text: 'Jack will improve his communication.' },
        { id: 'a1', section: 'A', text: 'Access to regular support as appropriate.' },
        { id: 'k1', section: 'K', text: '' },
      ]),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      items: { id: string; specific: boolean; findings: { code: string }[] }[];
    };
    expect(out.items.map((i) => [i.id, i.specific, i.findings.map((f) => f.code)])).toEqual([
      ['e1', false, ['outcome-no-timescale', 'outcome-not-measurable']],
      ['a1', true, []],
      ['k1', true, []],
    ]);
  });
  it('reads the kind of provision and says what is missing for it', () => {
    const r = run(
      [],
      doc([
        { id: 't1', section: 'F', text: 'Transport each school day with a passenger assistant.' },
        { id: 't2', section: 'F', text: 'Transport to school with a passenger assistant.' },
        { id: 'q1', section: 'F', text: 'A laptop with Clicker 8 software for all written work.' },
        {
          id: 'g1',
          section: 'F',
          text: 'A group of no more than eight with a ratio of 1 adult to 4 pupils.',
        },
      ]),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      items: { id: string; specific: boolean; kind: string; findings: { code: string; message: string }[] }[];
    };
    expect(out.items.map((i) => [i.id, i.specific, i.kind, i.findings.map((f) => f.code)])).toEqual([
      ['t1', true, 'transport', []],
      ['t2', false, 'transport', ['missing-frequency']],
      ['q1', true, 'equipment', []],
      ['g1', true, 'group', []],
    ]);
    expect(out.items[1]?.findings[0]?.message).toMatch(/^Say how often the transport runs/);
  });
  it('an empty items array is fine', () => {
    expect(run([], doc([]))).toEqual({ code: 0, stdout: '{"items":[]}\n', stderr: '' });
  });
  it.each([
    ['not JSON', '{items', 'goldthread check-provision: input: not valid JSON'],
    [
      'not an object',
      '[1]',
      'goldthread check-provision: input: must be a JSON object with an "items" array',
    ],
    ['missing items', '{}', 'goldthread check-provision: items: required (an array of {id, section, text})'],
    [
      'items not an array',
      '{"items":{}}',
      'goldthread check-provision: items: must be an array of {id, section, text}',
    ],
    [
      'unknown section',
      doc([
        { id: 'a', section: 'F', text: '' },
        { id: 'b', section: 'F', text: '' },
        { id: 'c', section: 'H', text: '' },
      ]),
      'goldthread check-provision: items[2].section: must be one of A, B, C, D, E, F, G, H1, H2, I, J, K',
    ],
    [
      'non-string text',
      doc([{ id: 'a', section: 'F', text: 3 }]),
      'goldthread check-provision: items[0].text: must be a string',
    ],
    [
      'duplicate ids',
      doc([
        { id: 'a', section: 'F', text: '' },
        { id: 'a', section: 'E', text: '' },
      ]),
      'goldthread check-provision: items[1].id: duplicate id "a" (also items[0].id)',
    ],
    [
      'missing id',
      doc([{ section: 'F', text: '' }]),
      'goldthread check-provision: items[0].id: must be a non-empty string',
    ],
    [
      'item not an object',
      doc(['x']),
      'goldthread check-provision: items[0]: must be an object with id, section and text',
    ],
  ])('invalid input (%s): names the field on standard error, exit 2', (_name, input, message) => {
    const r = run([], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
  });
  it('reports every problem, one per line', () => {
    const r = run([], doc([{ id: 'a', section: 'Z', text: null }]));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'goldthread check-provision: items[0].section: must be one of A, B, C, D, E, F, G, H1, H2, I, J, K\nitems[0].text: must be a string\n',
    );
  });
  it('bad options and unreadable files are usage errors', () => {
    expect(run(['--bogus']).code).toBe(2);
    expect(run(['--input']).code).toBe(2);
    const r = run(['--input', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('input: cannot read');
  });
});
