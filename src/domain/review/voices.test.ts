/** The voices before a review meeting: the questions, the checks, and the dates from the clock (S1, reg 20(4)). */
import { describe, expect, it } from 'vitest';
import { reviewPaperworkDates } from '../clock/index.ts';
import {
  checkAdviceAnswer,
  checkAdviceRequest,
  checkViews,
  preparingForAdulthood,
  reviewAdviceDue,
  reviewAdviceStatus,
  viewQuestions,
  viewsAskedBy,
  viewsTiming,
  VIEW_FIELDS,
} from './index.ts';

describe('views', () => {
  it('asks the six questions, in plain English or easy read, with the future as adult life from year 9', () => {
    for (const about of ['family', 'child'] as const) {
      for (const easy of [false, true]) {
        expect(viewQuestions(about, easy, false).map((q) => q.field)).toEqual([...VIEW_FIELDS]);
      }
    }
    expect(viewQuestions('child', true, false)[0]!.label).toBe('What is good?');
    expect(viewQuestions('child', false, true).find((q) => q.field === 'future')!.hint).toMatch(/work/);
    // easy read: short sentences
    for (const q of viewQuestions('child', true, true)) {
      for (const sentence of `${q.label} ${q.hint}`.split(/[.?]/)) {
        expect(sentence.trim().split(/\s+/).length).toBeLessThanOrEqual(10);
      }
    }
  });

  it('preparing for adulthood from year 9', () => {
    // born 1 March 2012: year 9 from September 2025
    expect(preparingForAdulthood('2012-03-01', '2025-09-01')).toBe(true);
    expect(preparingForAdulthood('2012-03-01', '2025-08-31')).toBe(false);
    expect(preparingForAdulthood(null, '2025-09-01')).toBe(false);
  });

  it('keeps a draft empty, needs one answer to send, and limits each answer', () => {
    expect(checkViews({}, false)).toEqual({
      ok: true,
      answers: { goingWell: '', hard: '', changed: '', next: '', future: '', meeting: '' },
    });
    const empty = checkViews({ goingWell: '  ' }, true);
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.errors[0]!.message).toBe(
      'Answer at least one question before you send your views',
    );
    const long = checkViews({ hard: 'x'.repeat(5001) }, false);
    expect(!long.ok && long.errors[0]!.field).toBe('hard');
    expect(checkViews({ future: ' College ' }, true)).toMatchObject({
      ok: true,
      answers: { future: 'College' },
    });
  });

  it('says whether views came before the meeting (the day itself counts as before)', () => {
    expect(viewsTiming('2026-03-02', '2026-03-02')).toBe('before');
    expect(viewsTiming('2026-03-03', '2026-03-02')).toBe('after');
    expect(viewsTiming(null, '2026-03-02')).toBeNull();
  });

  it('asks for views by the day the advice is sent round, not as a legal time limit on the family', () => {
    const by = viewsAskedBy('2026-02-02');
    expect(by.date).toBe(reviewPaperworkDates('2026-02-02').adviceCirculated.date);
    expect(by.date).toBe('2026-01-19');
    expect(by.statutory).toBe(false);
  });
});

describe('review advice', () => {
  it('is due when the advice must be sent round: the clock’s date, 2 weeks before the meeting', () => {
    expect(reviewAdviceDue('2026-02-02')).toEqual(reviewPaperworkDates('2026-02-02').adviceCirculated);
    expect(reviewAdviceDue('2026-02-02').source).toMatch(/reg 20\(4\)/);
  });

  it('has the clock’s status: met, late, open, overdue', () => {
    expect(reviewAdviceStatus('2026-01-19', '2026-01-19', '2026-02-01')).toEqual({
      status: 'met',
      daysLate: 0,
    });
    expect(reviewAdviceStatus('2026-01-19', '2026-01-22', '2026-02-01')).toEqual({
      status: 'late',
      daysLate: 3,
    });
    expect(reviewAdviceStatus('2026-01-19', null, '2026-01-19')).toEqual({ status: 'open', daysLate: 0 });
    expect(reviewAdviceStatus('2026-01-19', null, '2026-01-21')).toEqual({ status: 'overdue', daysLate: 2 });
  });

  it('checks a request and an answer', () => {
    const none = checkAdviceRequest({ agency: 'dentist', professionalId: null, question: null });
    expect(!none.ok && none.errors.map((e) => e.field)).toEqual(['agency', 'professionalId']);
    expect(checkAdviceRequest({ agency: 'health', professionalId: 'x', question: ' Q ' })).toEqual({
      ok: true,
      agency: 'health',
      question: 'Q',
    });
    const blank = checkAdviceAnswer({ working: 'Yes' });
    expect(!blank.ok && blank.errors.map((e) => e.field)).toEqual(['progress', 'changes']);
    expect(checkAdviceAnswer({ progress: 'Good', changes: 'none' }).ok).toBe(true);
  });
});
