/**
 * The public set: real plan wording quoted from public sources, with its sources, labels and reasons, and the
 * targets on it (at least 95% of vague caught, at most 5% of specific flagged), whole and on the held-out part.
 */
import { describe, expect, it } from 'vitest';
import { isPublicHeldOut, loadPublicSet, score } from './evaluate.ts';

const set = loadPublicSet();
const held = set.filter(isPublicHeldOut);
const development = set.filter((s) => !isPublicHeldOut(s));

describe('the public set', () => {
  it('has unique ids and the agreed fields, every statement with a source (title and address) and a reason', () => {
    expect(new Set(set.map((s) => s.id)).size).toBe(set.length);
    for (const s of set) {
      expect(Object.keys(s).sort()).toEqual([
        'id',
        'kind',
        'label',
        'reason',
        'section',
        'source',
        'split',
        'text',
      ]);
      expect(['E', 'F', 'G', 'H1', 'H2']).toContain(s.section);
      expect(['vague', 'specific']).toContain(s.label);
      expect(['development', 'held-out']).toContain(s.split);
      expect(s.text.trim()).not.toBe('');
      expect(s.reason.trim()).not.toBe('');
      expect(s.source.title.trim()).not.toBe('');
      expect(s.source.url).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });
  it('has both labels in the development part and in the held-out part, and outcomes as well as provision', () => {
    for (const part of [development, held]) {
      expect(part.filter((s) => s.label === 'vague').length).toBeGreaterThanOrEqual(10);
      expect(part.filter((s) => s.label === 'specific').length).toBeGreaterThanOrEqual(10);
    }
    expect(set.filter((s) => s.section === 'E' && s.label === 'specific').length).toBeGreaterThanOrEqual(10);
    expect(set.filter((s) => s.section === 'E' && s.label === 'vague').length).toBeGreaterThanOrEqual(10);
  });
  it('holds out whole sources, so no source is in both parts', () => {
    const heldSources = new Set(held.map((s) => s.source.url));
    for (const s of development) expect(heldSources.has(s.source.url)).toBe(false);
  });
  it('names no child: children are "X" or "[child]"', () => {
    for (const s of set)
      expect(s.text).not.toMatch(
        /\b(?:Jasmine|Bart|Greg|Katya|Anna|Jack|Mohammed|Sam|Tracy|Donna|Jordan|Aaron|Ahmed|Alia|John)\b/,
      );
  });
});

describe('the specificity checks against the public set', () => {
  const all = score(set);
  const out = score(held);
  it(`catch at least 95% of vague statements (${all.vagueCaught}/${all.vague})`, () => {
    expect(all.vagueCaught / all.vague).toBeGreaterThanOrEqual(0.95);
  });
  it(`flag at most 5% of specific statements (${all.specificFlagged}/${all.specific})`, () => {
    expect(all.specificFlagged / all.specific).toBeLessThanOrEqual(0.05);
  });
  it(`meet both targets on the held-out part (${out.vagueCaught}/${out.vague}, ${out.specificFlagged}/${out.specific})`, () => {
    expect(out.vagueCaught / out.vague).toBeGreaterThanOrEqual(0.95);
    expect(out.specificFlagged / out.specific).toBeLessThanOrEqual(0.05);
  });
  it('the figures recorded in docs/plan-quality.md', () => {
    expect([set.length, all.vague, all.vagueCaught, all.specific, all.specificFlagged]).toEqual([
      80, 49, 49, 31, 0,
    ]);
    expect([held.length, out.vague, out.vagueCaught, out.specific, out.specificFlagged]).toEqual([
      35, 20, 20, 15, 0,
    ]);
    expect(all.misclassified.map((s) => s.statement.id)).toEqual([]);
  });
});
