/** The labelled set: its shape, and the targets (at least 95% of vague caught, at most 5% of specific flagged). */
import { describe, expect, it } from 'vitest';
import { AREAS_OF_NEED } from './model.ts';
import { isHeldOut, loadLabelledSet, score } from './evaluate.ts';

const set = loadLabelledSet();

describe('the labelled set', () => {
  it('has at least 160 statements, about half vague, with unique ids and the agreed fields', () => {
    expect(set.length).toBeGreaterThanOrEqual(160);
    expect(new Set(set.map((s) => s.id)).size).toBe(set.length);
    const vague = set.filter((s) => s.label === 'vague').length;
    expect(Math.abs(vague / set.length - 0.5)).toBeLessThan(0.05);
    for (const s of set) {
      expect(Object.keys(s).sort()).toEqual(['id', 'label', 'note', 'section', 'text']);
      expect(['E', 'F', 'G', 'H1', 'H2']).toContain(s.section);
      expect(['vague', 'specific']).toContain(s.label);
      expect(s.text.trim()).not.toBe('');
      expect(s.note.trim()).not.toBe('');
    }
  });
  it('spreads over F, G, H and E with both labels in each', () => {
    for (const group of [['F'], ['G'], ['H1', 'H2'], ['E']]) {
      for (const label of ['vague', 'specific']) {
        const n = set.filter((s) => group.includes(s.section) && s.label === label).length;
        expect(n, `${group.join('/')} ${label}`).toBeGreaterThanOrEqual(10);
      }
    }
  });
  it('notes name the areas of need and ages from 2 to 25', () => {
    const notes = set.map((s) => s.note).join(' ');
    for (const marker of [
      'C&I',
      'C&L',
      'SEMH',
      'sensory',
      'health',
      'social care',
      'PfA',
      'age 2',
      'age 2',
    ]) {
      expect(notes).toContain(marker);
    }
    expect(AREAS_OF_NEED.length).toBe(4);
    expect(notes).toMatch(/age 2[0-5]/);
  });
});

describe('the specificity checks against the labelled set', () => {
  const all = score(set);
  it(`catch at least 95% of vague statements (${all.vagueCaught}/${all.vague})`, () => {
    expect(all.vagueCaught / all.vague).toBeGreaterThanOrEqual(0.95);
  });
  it(`flag at most 5% of specific statements (${all.specificFlagged}/${all.specific})`, () => {
    expect(all.specificFlagged / all.specific).toBeLessThanOrEqual(0.05);
  });
  it('the figures recorded in docs/plan-quality.md', () => {
    expect([all.vague, all.vagueCaught, all.specific, all.specificFlagged]).toEqual([102, 101, 100, 0]);
    expect(all.misclassified.map((s) => s.statement.id)).toEqual(['ls035']);
  });
  it('the held-out statements (written after the last rule change) score as well', () => {
    const held = score(set.filter(isHeldOut));
    expect([held.vague, held.vagueCaught, held.specific, held.specificFlagged]).toEqual([12, 12, 12, 0]);
  });
});
