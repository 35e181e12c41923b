import { describe, expect, it } from 'vitest';
import { dueNext, type DueAssessmentTask, type DueReviewAdvice } from './due-next.ts';

const task = (id: string, due: string | null, received: string | null = null): DueAssessmentTask => ({
  id,
  given_name: `Child`,
  family_name: id,
  reference: `GT-${id}`,
  label: 'Educational psychology',
  service_name: null,
  received,
  step: due ? { due } : null,
});
const review = (id: string, due: string, received: string | null = null): DueReviewAdvice => ({
  id,
  childName: `Child ${id}`,
  reference: `GT-${id}`,
  agencyLabel: 'Health',
  due,
  received,
});

describe('dueNext', () => {
  const today = '2026-12-06';

  it('merges both lists, soonest due first, and marks what is overdue', () => {
    const items = dueNext(
      [task('a', '2026-12-20'), task('b', '2026-12-01')],
      [review('c', '2026-12-10'), review('d', '2026-12-06')],
      today,
    );
    expect(items.map((i) => i.reference)).toEqual(['GT-b', 'GT-d', 'GT-c', 'GT-a']);
    expect(items.map((i) => i.overdue)).toEqual([true, false, false, false]);
    expect(items[0]!.href).toBe('/advice/b');
    expect(items[1]!.href).toBe('/review-advice/d');
    expect(items[0]!.what).toBe('Assessment: Educational psychology');
    expect(items[1]!.what).toBe('Annual review: Health');
  });

  it('leaves out advice already sent and tasks with no step, and keeps to the limit', () => {
    const items = dueNext(
      [task('sent', '2026-11-01', '2026-11-02'), task('nostep', null), task('x', '2026-12-30')],
      [
        review('rsent', '2026-11-01', '2026-11-01'),
        ...['1', '2', '3'].map((n) => review(n, `2026-12-1${n}`)),
      ],
      today,
      3,
    );
    expect(items.map((i) => i.reference)).toEqual(['GT-1', 'GT-2', 'GT-3']);
  });

  it('orders the same day by name, and is empty with nothing to send', () => {
    const items = dueNext([], [review('z', '2026-12-12'), review('m', '2026-12-12')], today);
    expect(items.map((i) => i.childName)).toEqual(['Child m', 'Child z']);
    expect(dueNext([], [], today)).toEqual([]);
    expect(dueNext([task('s', '2026-12-01', '2026-12-01')], [], today)).toEqual([]);
  });

  it('names the service asked when there is one', () => {
    const items = dueNext(
      [{ ...task('h', '2026-12-08'), label: 'Health', service_name: 'Community paediatrics' }],
      [],
      today,
    );
    expect(items[0]!.what).toBe('Assessment: Health (Community paediatrics)');
  });
});
