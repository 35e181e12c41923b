/**
 * Property tests (fast-check) for the review rules on dates nobody wrote down: month ends, 29 February, leap years,
 * bank holidays, each against an independent reading of the rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDate, fromCivil, parseDate, toCivil } from '../clock/dates.ts';
import { isWorkingDay } from '../clock/index.ts';
import {
  amendmentDates,
  backlogRank,
  compareBacklog,
  reviewPaperworkDates,
  reviewSchedule,
  transferInDates,
  transferOutSendBy,
  type BacklogFacts,
} from './index.ts';

const dayN = fc.integer({ min: parseDate('2016-01-01'), max: parseDate('2032-12-31') });
const iso = dayN.map(formatDate);
// month ends and 29 February weighted in, where the counting rules go wrong
const edgeIso = fc.oneof(
  iso,
  fc
    .integer({ min: 2016, max: 2032 })
    .chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => formatDate(fromCivil(y, m, daysInMonth(y, m))))),
  fc.constantFrom('2016-02-29', '2020-02-29', '2024-02-29', '2028-02-29', '2032-02-29'),
);

/** An independent reading of "the period of 12 months beginning with X" (Dodds v Walker). */
function twelveMonthsFrom(x: string): string {
  const { year, month, day } = toCivil(parseDate(x));
  const y = year + 1;
  return day <= daysInMonth(y, month)
    ? formatDate(fromCivil(y, month, day) - 1)
    : formatDate(fromCivil(y, month, daysInMonth(y, month)));
}

describe('the review schedule over many dates', () => {
  it('is due at the end of the 12 months from the plan, then from each meeting; never later than a year and a day', () => {
    fc.assert(
      fc.property(edgeIso, fc.array(fc.integer({ min: 30, max: 500 }), { maxLength: 4 }), (p, gaps) => {
        const meetings: string[] = [];
        let last = parseDate(p);
        for (const g of gaps) {
          last += g;
          meetings.push(formatDate(last));
        }
        const asOf = formatDate(last + 1);
        const s = reviewSchedule({ asOf, firstIssued: p, meetings });
        const from = meetings[meetings.length - 1] ?? p;
        expect(s.due.date).toBe(twelveMonthsFrom(from));
        expect(s.countedFrom).toBe(from);
        expect(s.number).toBe(meetings.length + 1);
        const span = parseDate(s.due.date) - parseDate(from);
        expect(span).toBeGreaterThanOrEqual(364);
        expect(span).toBeLessThanOrEqual(365);
      }),
      { numRuns: 1500 },
    );
  });

  it('is never moved by an amendment', () => {
    fc.assert(
      fc.property(edgeIso, fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 5 }), (p, offsets) => {
        const start = parseDate(p);
        const asOf = formatDate(start + 720);
        const meetings = [formatDate(start + 200)];
        const amendments = offsets.map((o) => formatDate(start + o));
        expect(reviewSchedule({ asOf, firstIssued: p, meetings, amendmentsIssued: amendments })).toEqual(
          reviewSchedule({ asOf, firstIssued: p, meetings }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('status, days overdue and days until due agree with the due date on any day', () => {
    fc.assert(
      fc.property(edgeIso, fc.integer({ min: 0, max: 800 }), (p, d) => {
        const asOf = formatDate(parseDate(p) + d);
        const s = reviewSchedule({ asOf, firstIssued: p });
        const toDue = parseDate(s.due.date) - parseDate(asOf);
        expect(s.status).toBe(toDue < 0 ? 'overdue' : 'open');
        expect(s.daysOverdue).toBe(Math.max(0, -toDue));
        expect(s.daysUntilDue).toBe(toDue < 0 ? null : toDue);
        expect(s.inBacklog).toBe(toDue <= 56);
      }),
      { numRuns: 1000 },
    );
  });

  it('after a transfer in, the review is the later of the normal date and the 3 months from the transfer', () => {
    fc.assert(
      fc.property(edgeIso, fc.integer({ min: 1, max: 400 }), (p, d) => {
        const t = formatDate(parseDate(p) + d);
        const s = reviewSchedule({ asOf: t, firstIssued: p, transferredIn: t });
        const normal = twelveMonthsFrom(p);
        expect(s.due.date).toBe(transferInDates({ transferred: t, firstIssued: p }).review.date);
        expect(s.due.date >= normal).toBe(true);
        expect(parseDate(s.due.date)).toBeGreaterThanOrEqual(parseDate(t) + 88);
        expect(s.basis).toBe(s.due.date === normal ? 'first-plan' : 'transfer-in');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the paperwork and amendment dates over many dates', () => {
  it('invitations and advice 14 days before, report 14 and decision 28 after: calendar days, bank holidays or not', () => {
    fc.assert(
      fc.property(dayN, (m) => {
        const d = reviewPaperworkDates(formatDate(m));
        expect(parseDate(d.invitations.date)).toBe(m - 14);
        expect(parseDate(d.adviceCirculated.date)).toBe(m - 14);
        expect(parseDate(d.report.date)).toBe(m + 14);
        expect(parseDate(d.decision.date)).toBe(m + 28);
      }),
      { numRuns: 500 },
    );
  });

  it('the amended plan is due by the earlier of proposal + 8 weeks and meeting + 12 weeks, after 15 days of comments', () => {
    fc.assert(
      fc.property(dayN, fc.integer({ min: 0, max: 90 }), (m, lag) => {
        const a = amendmentDates({ meeting: formatDate(m), proposalSent: formatDate(m + lag) });
        expect(parseDate(a.commentsEnd.date)).toBe(m + lag + 14);
        expect(parseDate(a.amendedPlanDue.date)).toBe(Math.min(m + lag + 56, m + 84));
        expect(a.dueBeforeCommentsEnd).toBe(parseDate(a.amendedPlanDue.date) <= m + lag + 14);
      }),
      { numRuns: 500 },
    );
  });

  it('a plan sent out of area is sent on a working day (bank holidays and weekends skipped)', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDate('2012-01-01'), max: parseDate('2030-11-30') }), (learned) => {
        const r = transferOutSendBy({ learnedOn: formatDate(learned) });
        expect(isWorkingDay(parseDate(r.date))).toBe(true);
        let count = 0;
        for (let d = learned; d <= parseDate(r.date); d++) if (isWorkingDay(d)) count++;
        expect(count).toBe(15);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the backlog order over many rows', () => {
  const facts = fc.record({
    planId: fc.string({ minLength: 1, maxLength: 4 }),
    reviewDue: iso,
    phaseTransferDeadline: fc.option(fc.constantFrom('2027-02-14', '2027-03-30', '2026-08-04'), {
      nil: null,
    }),
    notInFullTimeEducation: fc.option(fc.boolean(), { nil: null }),
    outOfAreaOrIndependent: fc.boolean(),
    lookedAfter: fc.boolean(),
    qualityGrade: fc.option(fc.constantFrom('outstanding', 'good', 'requires-improvement', 'inadequate'), {
      nil: null,
    }),
  }) as fc.Arbitrary<BacklogFacts>;

  it('is a total order: the first factor one row has and the other lacks decides, then the deadline, then the due date', () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const ab = compareBacklog(a, b);
        expect(Math.sign(ab)).toBe(-Math.sign(compareBacklog(b, a)));
        const ra = backlogRank(a, '2026-11-01');
        const rb = backlogRank(b, '2026-11-01');
        expect(ra.reasons).toHaveLength(ra.factors.length + 1);
        // within a phase transfer, the soonest deadline first; then the first factor one has and the other lacks
        const ptA = a.phaseTransferDeadline;
        const ptB = b.phaseTransferDeadline;
        const first = [1, 2, 3, 4, 5].find((f) => ra.factors.includes(f) !== rb.factors.includes(f));
        let expected: number;
        if (ptA !== null && ptB !== null && ptA !== ptB) expected = ptA < ptB ? -1 : 1;
        else if (first !== undefined) expected = ra.factors.includes(first) ? -1 : 1;
        else if (a.reviewDue !== b.reviewDue) expected = a.reviewDue < b.reviewDue ? -1 : 1;
        else expected = a.planId === b.planId ? 0 : a.planId < b.planId ? -1 : 1;
        expect(Math.sign(ab)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
