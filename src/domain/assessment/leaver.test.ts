import { describe, expect, it } from 'vitest';
import { shareOutLeaversWork } from './leaver.ts';

const child = (childId: string, openAssessments = 0) => ({ childId, openAssessments });

describe('sharing out a leaver’s work', () => {
  it('gives each child with an open assessment to whoever holds fewest open assessments, one at a time', () => {
    // Worked by hand: A holds 3 open, B 1. c1 → B (1→2), c2 → B (2→3), c3 → A (tie 3:3, A has fewer children), c4 → B
    const given = shareOutLeaversWork(
      [child('c1', 1), child('c2', 1), child('c3', 1), child('c4', 1)],
      [
        { id: 'A', openAssessments: 3, children: 10 },
        { id: 'B', openAssessments: 1, children: 12 },
      ],
    );
    expect([...given.entries()]).toEqual([
      ['c1', 'B'],
      ['c2', 'B'],
      ['c3', 'A'],
      ['c4', 'B'],
    ]);
  });

  it('then gives the children with no open assessment to whoever names fewest children, counting pass one', () => {
    // A: 0 open, 5 children; B: 0 open, 3 children. c1 (open): a tie on open assessments, B names fewer children → B.
    // Then B has 4 children: k1 → B (4 < 5), k2 → A (5 = 5, A chosen first), k3 → B (5 < 6), k4 → A.
    const given = shareOutLeaversWork(
      [child('k1'), child('c1', 1), child('k2'), child('k3'), child('k4')],
      [
        { id: 'A', openAssessments: 0, children: 5 },
        { id: 'B', openAssessments: 0, children: 3 },
      ],
    );
    expect(Object.fromEntries(given)).toEqual({ c1: 'B', k1: 'B', k2: 'A', k3: 'B', k4: 'A' });
    // The order of the answer is the order the children were given.
    expect([...given.keys()]).toEqual(['k1', 'c1', 'k2', 'k3', 'k4']);
  });

  it('counts a child with two open assessments as two', () => {
    const given = shareOutLeaversWork(
      [child('twice', 2), child('once', 1), child('again', 1)],
      [
        { id: 'A', openAssessments: 0, children: 0 },
        { id: 'B', openAssessments: 0, children: 0 },
      ],
    );
    // twice → A (A now 2), once → B (B 1), again → B (1 < 2)
    expect(Object.fromEntries(given)).toEqual({ twice: 'A', once: 'B', again: 'B' });
  });

  it('breaks a full tie by the order the receivers were chosen in', () => {
    const receivers = [
      { id: 'second', openAssessments: 2, children: 2 },
      { id: 'first', openAssessments: 2, children: 2 },
    ];
    expect(shareOutLeaversWork([child('a', 1)], receivers).get('a')).toBe('second');
    expect(shareOutLeaversWork([child('a')], receivers).get('a')).toBe('second');
  });

  it('places every child once, even when listed twice, and gives nothing when there is nothing', () => {
    const receivers = [{ id: 'A', openAssessments: 0, children: 0 }];
    const given = shareOutLeaversWork([child('a', 1), child('a', 1), child('b')], receivers);
    expect(given.size).toBe(2);
    expect(shareOutLeaversWork([], receivers).size).toBe(0);
  });

  it('spreads 240 children and 33 assessments evenly over two officers with equal loads', () => {
    const children = [
      ...Array.from({ length: 33 }, (_, i) => child(`c${i}`, 1)),
      ...Array.from({ length: 207 }, (_, i) => child(`k${i}`)),
    ];
    const given = shareOutLeaversWork(children, [
      { id: 'A', openAssessments: 10, children: 100 },
      { id: 'B', openAssessments: 10, children: 100 },
    ]);
    const count = (id: string, prefix = '') =>
      [...given.entries()].filter(([c, to]) => to === id && c.startsWith(prefix)).length;
    expect(count('A') + count('B')).toBe(240);
    expect(Math.abs(count('A') - count('B'))).toBeLessThanOrEqual(1);
    expect(Math.abs(count('A', 'c') - count('B', 'c'))).toBeLessThanOrEqual(1);
  });

  it('refuses to share out with no one to receive', () => {
    expect(() => shareOutLeaversWork([child('a')], [])).toThrow();
  });
});
