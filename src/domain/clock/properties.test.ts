import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatLong, parseDate } from './dates.ts';
import { caseGenerator } from './generate.ts';
import { parseClockInput } from './index.ts';
import { statusOf } from './status.ts';
import { stepOf, timelineOf } from './testing.ts';
import type { ClockInput, ExceptionInput, Timeline } from './types.ts';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const generated = seed.map((s) => caseGenerator(s)());

/** Validated against the contract, computed with every recorded exception confirmed (as the command does). */
function timeline(input: ClockInput): Timeline {
  return timelineOf(input);
}

const day = fc.integer({ min: parseDate('2020-01-01'), max: parseDate('2029-12-31') });

describe('properties of every timeline (fast-check)', () => {
  it('§4 a completed step is never open or overdue, and a step not completed is never met or late', () => {
    fc.assert(
      fc.property(generated, (input) => {
        for (const s of timeline(input).steps) {
          if (s.completed !== null) expect(['met', 'late']).toContain(s.status);
          else expect(['open', 'overdue']).toContain(s.status);
          if (s.exception) {
            if (s.completed !== null) expect(['met', 'late']).toContain(s.exception.status);
            else expect(['open', 'overdue']).toContain(s.exception.status);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('§3 an adjusted due is never before the statutory due, and is due + overlapDays with overlapDays ≥ 1', () => {
    fc.assert(
      fc.property(generated, (input) => {
        for (const s of timeline(input).steps) {
          if (!s.exception) continue;
          expect(s.exception.adjustedDue >= s.due).toBe(true);
          expect(s.exception.overlapDays).toBeGreaterThanOrEqual(1);
          expect(parseDate(s.exception.adjustedDue) - parseDate(s.due)).toBe(s.exception.overlapDays);
          expect(s.exception.kinds.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('§4 daysLate and daysRemaining agree with the status and the dates', () => {
    fc.assert(
      fc.property(generated, (input) => {
        const t = timeline(input);
        const asOf = parseDate(t.asOf);
        for (const s of t.steps) {
          const due = parseDate(s.due);
          expect(s.daysRemaining === null).toBe(s.status !== 'open');
          if (s.status === 'open') expect(s.daysRemaining).toBe(due - asOf);
          if (s.status === 'met' || s.status === 'open') expect(s.daysLate).toBe(0);
          if (s.status === 'late') expect(s.daysLate).toBe(parseDate(s.completed!) - due);
          if (s.status === 'overdue') expect(s.daysLate).toBe(asOf - due);
          if (s.status === 'late' || s.status === 'overdue') expect(s.daysLate).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('§5 step ids are unique, each explanation states the due date in words, and the timeline is plain JSON', () => {
    fc.assert(
      fc.property(generated, (input) => {
        const t = timeline(input);
        expect(new Set(t.steps.map((s) => s.id)).size).toBe(t.steps.length);
        for (const s of t.steps) expect(s.explanation).toContain(formatLong(parseDate(s.due)));
        expect(JSON.parse(JSON.stringify(t))).toEqual(t);
      }),
      { numRuns: 300 },
    );
  });

  it('§4 adding days to the completion date never turns late into met', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -100, max: 100 }), fc.nat(400), day, (due, offset, extra, asOf) => {
        const completed = due + offset;
        const before = statusOf(due, completed, asOf);
        const after = statusOf(due, completed + extra, asOf);
        if (before === 'late') expect(after).toBe('late');
        // and through the engine, for the decision to assess
        const request = due - 42;
        const run = (c: number) =>
          stepOf(
            timeline({
              asOf: formatDate(asOf),
              assessment: {
                requestReceived: formatDate(request),
                decisionToAssess: { date: formatDate(Math.max(c, request)), outcome: 'assess' },
              },
            }),
            'decision-to-assess',
          ).status;
        if (run(completed) === 'late') expect(run(completed + extra)).toBe('late');
      }),
      { numRuns: 300 },
    );
  });

  it('§4 moving asOf later never turns overdue back into open', () => {
    fc.assert(
      fc.property(day, fc.nat(400), fc.nat(400), (due, a, b) => {
        if (statusOf(due, null, due + a - 200) === 'overdue')
          expect(statusOf(due, null, due + a - 200 + b)).toBe('overdue');
      }),
    );
  });

  it('§3 overlap days equal a day-by-day count of the union of qualifying periods inside [R, due] (D2, D3)', () => {
    // An independent reading of section 3: an exception qualifies for a step when it overlaps [R, due], began on
    // or before the cut-off E (the completion date, or asOf), and, for an absence, at least 28 of its days lie
    // inside the window; the overlap is the number of days in the window covered by a qualifying exception.
    const exception = fc
      .record({
        kind: fc.constantFrom('personal-circumstances' as const, 'absence-from-area' as const),
        from: fc.integer({ min: -60, max: 160 }),
        length: fc.integer({ min: 1, max: 70 }),
      })
      .map(({ kind, from, length }) => ({ kind, from, to: from + length - 1 }));
    fc.assert(
      fc.property(
        day,
        fc.array(exception, { maxLength: 5 }),
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 80 })),
        (r, list, asOfOffset, decidedOffset) => {
          const exceptions: ExceptionInput[] = list.map((e) => ({
            kind: e.kind,
            from: formatDate(r + e.from),
            to: formatDate(r + e.to),
          }));
          const t = timeline({
            asOf: formatDate(r + asOfOffset),
            assessment: {
              requestReceived: formatDate(r),
              decisionToAssess:
                decidedOffset === null ? null : { date: formatDate(r + decidedOffset), outcome: 'assess' },
            },
            exceptions,
          });
          for (const [id, weeks, completed] of [
            ['decision-to-assess', 6, decidedOffset],
            ['final-plan', 20, null],
          ] as const) {
            const due = weeks * 7;
            const cutoff = completed ?? asOfOffset;
            const inside = (e: { from: number; to: number }) => Math.min(e.to, due) - Math.max(e.from, 0) + 1;
            const qualifying = list.filter(
              (e) =>
                e.from <= due &&
                e.to >= 0 &&
                e.from <= cutoff &&
                (e.kind === 'personal-circumstances' || inside(e) >= 28),
            );
            let count = 0;
            for (let x = 0; x <= due; x++) if (qualifying.some((e) => e.from <= x && x <= e.to)) count++;
            const s = stepOf(t, id);
            if (count === 0) expect(s.exception).toBeNull();
            else expect(s.exception?.overlapDays).toBe(count);
            expect(s.exceptionChecks.filter((c) => c.canQualify)).toHaveLength(qualifying.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('§3 only confirmed exceptions are relied on; the checks are the same either way', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const input = caseGenerator(s)();
        const confirmed = timelineOf(input);
        const unconfirmed = timelineOf({
          ...input,
          exceptions: input.exceptions?.map((e) => ({ ...e, confirmed: false })) ?? null,
        });
        expect(unconfirmed.steps.every((x) => x.exception === null)).toBe(true);
        expect(unconfirmed.steps.map((x) => x.due)).toEqual(confirmed.steps.map((x) => x.due));
        expect(unconfirmed.steps.map((x) => x.exceptionChecks.map((c) => c.canQualify))).toEqual(
          confirmed.steps.map((x) => x.exceptionChecks.map((c) => c.canQualify)),
        );
        for (const step of confirmed.steps) {
          const relied = step.exceptionChecks.filter((c) => c.reliedOn);
          expect(step.exception === null).toBe(relied.length === 0);
          for (const c of step.exceptionChecks) expect(c.reason.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('§1 every generated case is valid input', () => {
    fc.assert(
      fc.property(generated, (input) => {
        expect(parseClockInput(JSON.parse(JSON.stringify(input)))).toMatchObject({ ok: true });
      }),
      { numRuns: 1000 },
    );
  });
});
