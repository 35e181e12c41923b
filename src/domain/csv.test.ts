/** The one CSV writer and reader (issue 16 item 8): formula cells neutralised on every CSV, and read back exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, neutraliseCell, parseCsv, restoreCell } from './csv.ts';

describe('neutraliseCell and restoreCell', () => {
  it('puts an apostrophe before a cell starting =, +, -, @, tab or carriage return', () => {
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseCell(c), JSON.stringify(c)).toBe(`'${c}`);
    for (const c of ['plain', '1-1', 'a=b', '', "'quoted", ' =x'])
      expect(neutraliseCell(c), JSON.stringify(c)).toBe(c);
  });
  it('undoes exactly what it did, even for a cell that already starts with apostrophes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') }),
        (s) => {
          expect(restoreCell(neutraliseCell(s))).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('csvDocument and parseCsv', () => {
  it('quotes cells with commas, quotes, line breaks or surrounding space', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('=a, b')).toBe(`"'=a, b"`);
    expect(csvDocument([['a', 'b']], { bom: true })).toBe('\uFEFFa,b\r\n');
  });
  it('no cell of any document starts as a formula, and reading gives back every cell', () => {
    const cell = fc.string({
      unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', ' '),
    });
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(rows, (r) => {
        const read = parseCsv(csvDocument(r)).map((rec) => rec.cells);
        for (const c of read.flat()) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        expect(read.map((cells) => cells.map(restoreCell))).toEqual(r);
      }),
      { numRuns: 1000 },
    );
  });
});
