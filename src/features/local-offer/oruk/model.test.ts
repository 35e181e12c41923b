import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_CODES, costText, isStale, NEED_CODES, NEEDS, trainingText } from './model.ts';

describe('trainingText', () => {
  it.each([
    [[], null],
    [['Makaton'], 'Staff trained in Makaton'],
    [['Makaton', 'Autism awareness (level 2)'], 'Staff trained in Makaton and autism awareness (level 2)'],
    [
      [
        'Positive behaviour support',
        'PECS (Picture Exchange Communication System)',
        'Mental Capacity Act awareness',
      ],
      'Staff trained in positive behaviour support, PECS (Picture Exchange Communication System) and Mental Capacity Act awareness',
    ],
    [
      ['Epilepsy awareness', 'British Sign Language (level 1)'],
      'Staff trained in epilepsy awareness and British Sign Language (level 1)',
    ],
  ])('%j → %j', (training, text) => {
    expect(trainingText(training)).toBe(text);
  });
});

describe('costText', () => {
  it('says free, one price, or several, with any note', () => {
    expect(costText({ kind: 'free' })).toBe('Free');
    expect(costText({ kind: 'free', note: 'Donations welcome.' })).toBe('Free. Donations welcome.');
    expect(
      costText({
        kind: 'paid',
        options: [
          { amount: 7.5, description: 'per session' },
          { amount: 60, description: 'for 10 sessions' },
          { amount: null, description: 'Paid with a direct payment' },
        ],
        note: 'Carers go free.',
      }),
    ).toBe('£7.50 per session or £60 for 10 sessions or Paid with a direct payment. Carers go free.');
  });
});

describe('isStale', () => {
  it('is stale only after the review-by day', () => {
    expect(isStale({ reviewBy: '2026-03-01' }, '2026-02-28')).toBe(false);
    expect(isStale({ reviewBy: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isStale({ reviewBy: '2026-03-01' }, '2026-03-02')).toBe(true);
  });
});

describe('code lists', () => {
  it('has the 12 SEN2 primary needs and 9 categories, each keyed by its own code', () => {
    expect(NEED_CODES).toEqual([
      'ASD',
      'SLCN',
      'SEMH',
      'MLD',
      'SPLD',
      'SLD',
      'PD',
      'PMLD',
      'HI',
      'VI',
      'MSI',
      'OTH',
    ]);
    for (const code of NEED_CODES) expect(NEEDS[code].code).toBe(code);
    expect(CATEGORY_CODES).toHaveLength(9);
    for (const code of CATEGORY_CODES) expect(CATEGORIES[code].code).toBe(code);
  });
});
