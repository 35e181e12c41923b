/**
 * What families say (issue 15 item 4; ADR 0034): which events are milestones, how long an offer is open, and the
 * results kept from identifying anyone (small numbers combined or not shown). Dates worked by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  milestoneOfEvent,
  offerable,
  offerCloses,
  offerOpen,
  overallTally,
  SMALL_NUMBER,
  tallyBy,
  tallyByCommunity,
  type OfferFacts,
  type ResponseFacts,
} from './index.ts';

describe('milestones from the child’s history', () => {
  it.each([
    ['assessment-agreed', {}, 'request-decided'],
    ['assessment-refused', {}, 'request-decided'],
    ['plan-issued', {}, 'plan-issued'],
    ['plan-final', {}, 'plan-issued'],
    ['plan-amended', {}, 'plan-issued'],
    ['letter.sent', { kind: 'review-decision' }, 'review-decided'],
    ['letter.sent', { kind: 'to-cease' }, null],
    ['letter.sent', null, null],
    ['review-held', {}, null],
    ['register.item', {}, null],
  ])('%s %j is %s', (kind, detail, expected) => {
    expect(milestoneOfEvent(kind, detail)).toBe(expected);
  });
});

describe('offers', () => {
  it('offers a milestone of the last 14 days, never one in the future', () => {
    expect(offerable('2026-03-02', '2026-03-02')).toBe(true);
    expect(offerable('2026-03-02', '2026-03-16')).toBe(true);
    expect(offerable('2026-03-02', '2026-03-17')).toBe(false);
    expect(offerable('2026-03-03', '2026-03-02')).toBe(false);
  });
  it('is open for 8 weeks from the day it was made, until answered', () => {
    // 2 March + 55 days = 26 April 2026 (March has 31 days: 29 left in March, 26 in April).
    expect(offerCloses('2026-03-02')).toBe('2026-04-26');
    expect(offerOpen({ offeredOn: '2026-03-02', answered: false }, '2026-04-26')).toBe(true);
    expect(offerOpen({ offeredOn: '2026-03-02', answered: false }, '2026-04-27')).toBe(false);
    expect(offerOpen({ offeredOn: '2026-03-02', answered: true }, '2026-03-03')).toBe(false);
    expect(offerOpen({ offeredOn: '2026-03-02', answered: false }, '2026-03-01')).toBe(false);
  });
});

const offer = (over: Partial<OfferFacts> = {}): OfferFacts => ({
  milestone: 'plan-issued',
  teamId: 't1',
  ethnicity: 'WBRI',
  firstLanguage: 'English',
  ...over,
});
const answer = (over: Partial<ResponseFacts> = {}): ResponseFacts => ({
  ...offer(),
  overall: 'good',
  listened: 'yes',
  ...over,
});
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('results', () => {
  it('counts families offered and answered, and the shares once there are enough answers', () => {
    const offers = times(10, () => offer());
    const answers = [
      ...times(3, () => answer({ overall: 'very-good' })),
      answer({ overall: 'good', listened: 'partly' }),
      answer({ overall: 'poor', listened: 'no' }),
      answer({ overall: 'neither' }),
    ];
    expect(overallTally(offers, answers)).toEqual({
      key: null,
      combined: false,
      offered: 10,
      answered: 6,
      goodPercent: 67,
      listenedPercent: 67,
      tooFew: false,
    });
  });

  it('shows a group with fewer than 5 answers as "too few", never how they answered', () => {
    const rows = tallyBy(
      [...times(6, () => offer()), ...times(3, () => offer({ milestone: 'review-decided' }))],
      [...times(5, () => answer()), answer({ milestone: 'review-decided', overall: 'very-poor' })],
      (f) => f.milestone,
    );
    expect(rows.map((r) => [r.key, r.offered, r.answered, r.goodPercent, r.tooFew])).toEqual([
      ['plan-issued', 6, 5, 100, false],
      ['review-decided', 3, null, null, true],
    ]);
  });

  it('shows a group nobody answered from as 0 answered: who was not heard', () => {
    const rows = tallyBy([offer({ teamId: 't2' })], [], (f) => f.teamId);
    expect(rows).toEqual([
      {
        key: 't2',
        combined: false,
        offered: 1,
        answered: 0,
        goodPercent: null,
        listenedPercent: null,
        tooFew: false,
      },
    ]);
  });

  it('combines the small communities into one row', () => {
    const offers = [
      ...times(8, () => offer()),
      ...times(3, () => offer({ ethnicity: 'APKN' })),
      ...times(2, () => offer({ ethnicity: 'BAFR' })),
      offer({ ethnicity: 'WOTH' }),
    ];
    const answers = [
      ...times(6, () => answer()),
      ...times(2, () => answer({ ethnicity: 'APKN', overall: 'very-poor' })),
      ...times(2, () => answer({ ethnicity: 'BAFR' })),
    ];
    const { rows, combinedCount } = tallyByCommunity(offers, answers, (f) => f.ethnicity);
    expect(combinedCount).toBe(2);
    expect(rows.map((r) => [r.key, r.combined, r.offered, r.answered, r.goodPercent])).toEqual([
      ['WBRI', false, 8, 6, 100],
      ['WOTH', false, 1, 0, null],
      [null, true, 5, null, null],
    ]);
  });

  it('when one community alone is small, the smallest other joins it, so its count cannot be worked out', () => {
    const offers = [
      ...times(9, () => offer()),
      ...times(6, () => offer({ ethnicity: 'APKN' })),
      offer({ ethnicity: 'BAFR' }),
    ];
    const answers = [
      ...times(7, () => answer()),
      ...times(SMALL_NUMBER, () => answer({ ethnicity: 'APKN' })),
      answer({ ethnicity: 'BAFR', overall: 'very-poor' }),
    ];
    const { rows, combinedCount } = tallyByCommunity(offers, answers, (f) => f.ethnicity);
    expect(combinedCount).toBe(2);
    expect(rows.map((r) => [r.key, r.combined, r.offered, r.answered, r.goodPercent])).toEqual([
      ['WBRI', false, 9, 7, 100],
      [null, true, 7, 6, 83],
    ]);
  });

  it('keeps every community of 5 or more answers on its own row', () => {
    const answers = [...times(5, () => answer()), ...times(5, () => answer({ firstLanguage: 'Somali' }))];
    const { rows, combinedCount } = tallyByCommunity([], answers, (f) => f.firstLanguage);
    expect(combinedCount).toBe(0);
    expect(rows.map((r) => [r.key, r.answered])).toEqual([
      ['English', 5],
      ['Somali', 5],
    ]);
  });
});
