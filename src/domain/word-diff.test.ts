import { describe, expect, it } from 'vitest';
import { MAX_CELLS, wordDiff, type DiffRun } from './word-diff.ts';

/** The runs written out: changed words in [brackets]. */
const show = (runs: readonly DiffRun[]) => runs.map((r) => (r.changed ? `[${r.text}]` : r.text)).join('');
const both = (a: string, b: string) => {
  const d = wordDiff(a, b);
  return [show(d.older), show(d.newer)];
};

describe('wordDiff', () => {
  it('marks only the words that changed (hand-worked: a speech and language therapy item)', () => {
    expect(
      both(
        'Speech and language therapy, 30 minutes twice a week, by a therapist',
        'Speech and language therapy, 45 minutes three times a week, by an HCPC registered therapist',
      ),
    ).toEqual([
      'Speech and language therapy, [30] minutes [twice] a week, by [a] therapist',
      'Speech and language therapy, [45] minutes [three times] a week, by [an HCPC registered] therapist',
    ]);
  });

  it('keeps each side exactly as written, whitespace included', () => {
    const a = 'One  two\nthree';
    const b = 'One two  four three';
    const d = wordDiff(a, b);
    expect(d.older.map((r) => r.text).join('')).toBe(a);
    expect(d.newer.map((r) => r.text).join('')).toBe(b);
    expect(show(d.newer)).toBe('One two  [four] three');
  });

  it('the same text has no change; a change of spacing alone is no change of words', () => {
    expect(both('a b c', 'a b c')).toEqual(['a b c', 'a b c']);
    expect(both('a b c', 'a  b c')).toEqual(['a b c', 'a  b c']);
  });

  it('empty on either side: every word of the other changed', () => {
    expect(both('', 'new words')).toEqual(['', '[new words]']);
    expect(both('old words', '')).toEqual(['[old words]', '']);
    expect(both('', '')).toEqual(['', '']);
  });

  it('words added at the start or end, and removed from the middle', () => {
    expect(both('weekly group', 'a weekly small group session')).toEqual([
      'weekly group',
      '[a] weekly [small] group [session]',
    ]);
    expect(both('by the end of Key Stage 1', 'by Key Stage 1')).toEqual([
      'by [the end of] Key Stage 1',
      'by Key Stage 1',
    ]);
  });

  it('punctuation belongs to its word: "week." and "week" differ', () => {
    expect(both('twice a week.', 'twice a week')).toEqual(['twice a [week.]', 'twice a [week]']);
  });

  it('repeated words are matched in order (the longest common run)', () => {
    expect(both('a b a b', 'b a b a')).toEqual(['[a] b a b', 'b a b [a]']);
  });

  it('past its size limit the changed middle is marked whole, still keeping the common start and end', () => {
    const big = Math.ceil(Math.sqrt(MAX_CELLS)) + 2;
    const a = `start ${Array.from({ length: big }, (_, i) => `x${i}`).join(' ')} end`;
    const b = `start ${Array.from({ length: big }, (_, i) => `y${i}`).join(' ')} end`;
    const d = wordDiff(a, b);
    expect(d.older.map((r) => r.changed)).toEqual([false, true, false]);
    expect(d.newer[0]).toEqual({ text: 'start ', changed: false });
    expect(d.newer[2]).toEqual({ text: ' end', changed: false });
  });
});
