import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../csv.ts';
import { exportPlanCsv } from './csv-export.ts';
import { parsePlanCsv } from './csv-import.ts';
import { STATUSES } from './types.ts';
import type { PlanAction, PlanArea, PlanFocusArea } from './types.ts';

const strip = <T extends { row: number }>({ row: _row, ...rest }: T): Omit<T, 'row'> => rest;

describe('csvCell', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });
});

describe('exportPlanCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas, and the import gives them back (issue 16 item 8)', () => {
    const hostile = {
      action: '=HYPERLINK("http://127.0.0.1:3999/x","click")',
      owner: '@SUM(1+1)',
      evidence: '+1+1',
    };
    const text = exportPlanCsv({
      areas: [{ key: '1', title: '-1+1', row: 2 }],
      focusAreas: [{ area: '1', key: '1.1', title: 'Values', overallImpact: '', row: 2 }],
      actions: [
        {
          ref: '1 A',
          area: '1',
          focusArea: '1.1',
          action: hostile.action,
          owners: [hostile.owner],
          start: null,
          end: null,
          startNote: null,
          endNote: null,
          ongoing: false,
          status: 'not-started',
          evidenceOfImpact: hostile.evidence,
        },
      ],
    });
    expect(text).toContain(`"'=HYPERLINK(""http://127.0.0.1:3999/x"",""click"")"`);
    expect(text).toContain(`,'@SUM(1+1),`);
    expect(text).toContain(`,'+1+1,`);
    expect(text).toContain(`,'-1+1,`);
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
    const back = parsePlanCsv(text);
    expect(back.actions[0]).toMatchObject({
      action: hostile.action,
      owners: [hostile.owner],
      evidenceOfImpact: hostile.evidence,
    });
    expect(back.areas[0]!.title).toBe('-1+1');
  });

  it('writes months, exact dates, ongoing and notes back in readable forms', () => {
    const text = exportPlanCsv({
      areas: [{ key: '1', title: 'Culture, values', row: 2 }],
      focusAreas: [{ area: '1', key: '1.1', title: 'Values', overallImpact: 'Respect', row: 2 }],
      actions: [
        {
          ref: '1 A',
          area: '1',
          focusArea: '1.1',
          action: 'Agree "values"',
          owners: ['Head of SEND', 'Designated Clinical Officer'],
          start: '2022-01-01',
          end: '2022-02-28',
          startNote: null,
          endNote: null,
          ongoing: false,
          status: 'complete',
          evidenceOfImpact: 'Minutes',
        },
        {
          ref: '1 B',
          area: '1',
          focusArea: '1.1',
          action: 'Keep going',
          owners: [],
          start: '2022-09-15',
          end: '2023-01-31',
          startNote: null,
          endNote: null,
          ongoing: true,
          status: 'on-track',
          evidenceOfImpact: '',
        },
        {
          ref: '1 C',
          area: '1',
          focusArea: '1.1',
          action: 'Follow',
          owners: [],
          start: null,
          end: null,
          startNote: 'Underway',
          endNote: 'and then following board decisions',
          ongoing: true,
          status: 'not-started',
          evidenceOfImpact: '',
        },
      ],
    });
    expect(text.split('\r\n')).toEqual([
      'area,area_title,focus_area,focus_area_title,ref,action,owner,start,end,status,evidence_of_impact,overall_impact',
      '1,"Culture, values",1.1,Values,,,,,,,,Respect',
      '1,,1.1,,1 A,"Agree ""values""",Head of SEND / Designated Clinical Officer,Jan 2022,Feb 2022,Complete,Minutes,',
      '1,,1.1,,1 B,Keep going,,2022-09-15,Jan 2023 and on-going,On track,,',
      '1,,1.1,,1 C,Follow,,Underway,and then following board decisions,Not started,,',
      '',
    ]);
  });

  it("writes each action's own overall impact on its row, and a focus area's other text on a heading row", () => {
    const base = {
      owners: [],
      start: null,
      end: null,
      startNote: null,
      endNote: null,
      ongoing: false,
      status: 'not-started' as const,
      evidenceOfImpact: '',
    };
    const plan = {
      areas: [{ key: '1', title: 'Culture', row: 2 }],
      focusAreas: [
        {
          area: '1',
          key: '1.1',
          title: 'Values',
          overallImpact: 'Set for the whole focus area\n\nFamilies feel heard\n\nStaff share the values',
          row: 2,
        },
      ],
      actions: [
        {
          ...base,
          ref: '1 A',
          area: '1',
          focusArea: '1.1',
          action: 'Draft',
          overallImpact: 'Families feel heard',
        },
        { ...base, ref: '1 B', area: '1', focusArea: '1.1', action: 'Agree', overallImpact: '' },
        {
          ...base,
          ref: '1 C',
          area: '1',
          focusArea: '1.1',
          action: 'Train',
          overallImpact: 'Staff share the values',
        },
      ],
    };
    const text = exportPlanCsv(plan);
    expect(text.split('\r\n').slice(1, 5)).toEqual([
      '1,Culture,1.1,Values,,,,,,,,Set for the whole focus area',
      '1,,1.1,,1 A,Draft,,,,Not started,,Families feel heard',
      '1,,1.1,,1 B,Agree,,,,Not started,,',
      '1,,1.1,,1 C,Train,,,,Not started,,Staff share the values',
    ]);
    const back = parsePlanCsv(text);
    expect(back.problems).toEqual([]);
    expect(back.focusAreas.map(strip)).toEqual(plan.focusAreas.map(strip));
    expect(back.actions.map((a) => [a.ref, a.overallImpact])).toEqual([
      ['1 A', 'Families feel heard'],
      ['1 B', ''],
      ['1 C', 'Staff share the values'],
    ]);
  });

  it('writes areas and focus areas with no actions as heading rows', () => {
    const plan = {
      areas: [
        { key: '1', title: 'Culture', row: 2 },
        { key: '2', title: 'Evaluation', row: 3 },
      ],
      focusAreas: [{ area: '2', key: '2.1', title: 'Views', overallImpact: 'Heard', row: 3 }],
      actions: [],
    };
    const back = parsePlanCsv(exportPlanCsv(plan));
    expect(back.problems).toEqual([]);
    expect(back.areas.map(strip)).toEqual(plan.areas.map(strip));
    expect(back.focusAreas.map(strip)).toEqual(plan.focusAreas.map(strip));
  });

  it('round-trips the demo plan, with a byte order mark', () => {
    const plan = parsePlanCsv(readFileSync(new URL('./fixtures/demo-plan.csv', import.meta.url), 'utf8'));
    const back = parsePlanCsv(exportPlanCsv(plan, { bom: true }));
    expect(back.problems).toEqual([]);
    expect(back.actions.map(strip)).toEqual(plan.actions.map(strip));
    expect(back.areas.map(strip)).toEqual(plan.areas.map(strip));
    expect(back.focusAreas.map(strip)).toEqual(plan.focusAreas.map(strip));
  });

  it('round-trips any plan: export then import gives the same plan', () => {
    // Text that survives import's trimming: no surrounding space, any inner commas, quotes and line breaks.
    const text = fc
      .string({
        unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', 'é', '–', 'x'),
        minLength: 1,
        maxLength: 20,
      })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const owner = fc.constantFrom(
      'Head of SEND',
      'Head of SEND and Inclusion',
      'Designated Clinical Officer',
      'Director, Education',
    );
    const month = fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) });
    const iso = (y: number, m: number, d: number) =>
      `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const dates = fc
      .tuple(month, fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
      .map(([{ y, m }, span, exactStart, exactEnd, hasStart, hasEnd]) => {
        const start = iso(y, m, exactStart ? 15 : 1);
        const endMonth = new Date(Date.UTC(y, m - 1 + span, 1));
        const ey = endMonth.getUTCFullYear();
        const em = endMonth.getUTCMonth() + 1;
        const end = iso(ey, em, exactEnd ? Math.min(16 + (span % 10), lastDay(ey, em) - 1) : lastDay(ey, em));
        return { start: hasStart ? start : null, end: hasEnd ? end : null };
      });
    const note = fc.constantFrom(null, 'Underway', 'and then following board decisions', 'TBC');
    const plan = fc
      .array(
        fc.record({
          areaCount: fc.integer({ min: 1, max: 3 }),
          action: text,
          owners: fc.uniqueArray(owner, { maxLength: 3 }),
          dates,
          startNote: note,
          endNote: note,
          ongoing: fc.boolean(),
          status: fc.constantFrom(...STATUSES),
          evidence: fc.oneof(text, fc.constant('Checked (Audit, PI)'), fc.constant('')),
          title: text,
          // Real plans write the overall impact on the focus area's first row, or on each row, differing.
          impact: fc.constantFrom('', '', 'Families feel heard', 'Plans, "on time"', 'families feel heard '),
          headingImpact: fc.constantFrom('', '', 'Set on a heading row'),
        }),
        { minLength: 1, maxLength: 15 },
      )
      .map((rows) => {
        const areas: PlanArea[] = [];
        const focusAreas: PlanFocusArea[] = [];
        const actions: PlanAction[] = rows.map((r, i) => {
          const area = String((i % r.areaCount) + 1);
          const focus = `${area}.${(i % 2) + 1}`;
          if (!areas.some((a) => a.key === area)) areas.push({ key: area, title: r.title, row: 0 });
          let f = focusAreas.find((x) => x.key === focus);
          if (f === undefined) {
            f = { area, key: focus, title: r.title, overallImpact: r.headingImpact, row: 0 };
            focusAreas.push(f);
          }
          const texts = f.overallImpact === '' ? [] : f.overallImpact.split('\n\n');
          const impact = r.impact.trim();
          if (impact !== '' && !texts.some((t) => t.toLowerCase() === impact.toLowerCase())) {
            f.overallImpact = [...texts, impact].join('\n\n');
          }
          const startNote = r.dates.start === null ? r.startNote : null;
          let endNote: string | null = r.dates.end === null ? r.endNote : null;
          const worded = [startNote, endNote].includes('Underway');
          // An undated end of an ongoing action is written with the word that carries the flag.
          if (r.ongoing && !worded && r.dates.end === null) {
            endNote = endNote === null ? 'On-going' : `${endNote} and on-going`;
          }
          return {
            row: 0,
            ref: `${i + 1} ${String.fromCharCode(65 + (i % 26))}`,
            area,
            focusArea: focus,
            action: r.action,
            owners: r.owners,
            start: r.dates.start,
            end: r.dates.end,
            startNote,
            endNote,
            ongoing: r.ongoing || worded,
            status: r.status,
            evidenceOfImpact: r.evidence,
            evidenceTypes: r.evidence === 'Checked (Audit, PI)' ? ['PI', 'Audit'] : [],
            overallImpact: impact,
          };
        });
        return { areas, focusAreas, actions };
      })
      .filter((p) =>
        p.actions.every(
          (a) =>
            a.evidenceOfImpact === 'Checked (Audit, PI)' || !/\b(?:pi|audit)\b/i.test(a.evidenceOfImpact),
        ),
      );

    fc.assert(
      fc.property(plan, (p) => {
        const back = parsePlanCsv(exportPlanCsv(p));
        expect(back.problems).toEqual([]);
        expect(back.actions.map(strip)).toEqual(p.actions.map(strip));
        expect(back.notes.filter((n) => n.column !== 'overall_impact')).toEqual([]);
        expect(back.areas.map(strip)).toEqual(p.areas.map(strip));
        expect(back.focusAreas.map(strip)).toEqual(p.focusAreas.map(strip));
      }),
      { numRuns: 300 },
    );
  });
});
