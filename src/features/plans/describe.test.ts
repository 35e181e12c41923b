/** Unit tests: reading advice's amounts, the words of an item, and comparing two versions. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan-quality/model.ts';
import { compareVersions, frequencyText, parseAmount, parseFrequency, planLines } from './describe.ts';
import { recommendationsOf, provisionSectionFor } from './store.ts';

const plan = (over: Partial<Plan> = {}): Plan => ({
  id: 'p',
  status: 'draft',
  yearGroup: 4,
  aspirations: [{ id: 'a1', text: 'To read books about animals', whose: 'child' }],
  needs: [{ id: 'n1', section: 'B', area: 'cognition-and-learning', text: 'Reading is behind' }],
  outcomes: [
    {
      id: 'o1',
      text: 'Will read a level 5 book',
      needIds: ['n1'],
      timescale: { text: 'By July 2027', by: null },
      successMeasure: '95% accuracy',
      preparationForAdulthood: null,
    },
  ],
  provision: [
    {
      id: 'f1',
      section: 'F',
      what: 'Precision Teaching',
      amount: { value: 15, unit: 'minutes' },
      frequency: { times: 4, per: 'week' },
      deliverer: { role: 'Teaching assistant', qualification: 'trained' },
      grouping: { kind: 'one-to-one' },
      where: '',
      oversight: 'SENCO',
      review: '',
      needIds: ['n1'],
      outcomeIds: ['o1'],
      source: { kind: 'advice', adviceId: 'k1' },
    },
  ],
  placement: null,
  personalBudget: { requested: false, annualAmountPence: null, directPayments: [] },
  advice: [
    {
      id: 'k1',
      agency: 'Educational psychology',
      authorRole: 'Educational psychologist',
      received: '2026-01-05',
    },
  ],
  ...over,
});

describe('reading amounts from advice', () => {
  it('reads minutes, hours and sessions, in digits or words', () => {
    expect(parseAmount('30 minutes')).toEqual({ value: 30, unit: 'minutes' });
    expect(parseAmount('1 hour')).toEqual({ value: 1, unit: 'hours' });
    expect(parseAmount('two sessions')).toEqual({ value: 2, unit: 'sessions' });
    expect(parseAmount('some time')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
  it('reads frequencies', () => {
    expect(parseFrequency('3 times a week')).toEqual({ times: 3, per: 'week' });
    expect(parseFrequency('twice a term')).toEqual({ times: 2, per: 'term' });
    expect(parseFrequency('daily')).toEqual({ times: 1, per: 'day' });
    expect(parseFrequency('once each half-term')).toEqual({ times: 1, per: 'half-term' });
    expect(parseFrequency('once a year')).toEqual({ times: 1, per: 'year' });
    expect(parseFrequency('regularly')).toBeNull();
    expect(frequencyText({ times: 2, per: 'week' })).toBe('twice a week');
  });
});

describe('recommendations in advice', () => {
  it('lists needs by area, outcomes by line and provision lines, in the right sections', () => {
    const recs = recommendationsOf({
      agency: 'health',
      answer: 'advice',
      needs: { health: 'Epilepsy', sensory: 'Low tone', cognition: '  ' },
      outcomes: '- Walk to the hall\n\n2. Write for 10 minutes',
      provision: [
        {
          description: 'Physiotherapy',
          quantity: '30 minutes',
          frequency: 'weekly',
          deliverer: 'Physiotherapist',
        },
        { description: '' },
      ],
    });
    expect(recs.map((r) => [r.key, r.section])).toEqual([
      ['need:sensory', 'B'],
      ['need:health', 'C'],
      ['outcome:0', 'E'],
      ['outcome:1', 'E'],
      ['provision:0', 'G'],
    ]);
    expect(recs[2]!.text).toBe('Walk to the hall');
    expect(
      recommendationsOf({
        agency: 'health',
        answer: 'no-involvement',
        needs: {},
        outcomes: 'x',
        provision: [],
      }),
    ).toEqual([]);
    expect(provisionSectionFor('social-care')).toBe('H2');
    expect(provisionSectionFor('educational-psychology')).toBe('F');
  });
});

describe('comparing versions', () => {
  it('marks items added, removed and changed, section by section', () => {
    const older = plan();
    const newer = plan({
      status: 'final',
      placement: { settingId: 's1', name: 'Northgate Primary' },
      aspirations: [],
      provision: [{ ...older.provision[0]!, frequency: { times: 5, per: 'week' } }],
    });
    const cmp = compareVersions(planLines(older), planLines(newer));
    const by = (s: string) => cmp.find((c) => c.section === s)!;
    expect(by('A')).toMatchObject({ removed: 1, added: 0, changed: 0 });
    expect(by('I')).toMatchObject({ added: 1, removed: 0 });
    expect(by('I').rows[0]).toEqual({ change: 'added', left: null, right: 'Northgate Primary' });
    expect(by('F')).toMatchObject({ changed: 1 });
    expect(by('F').rows[0]!.left).toContain('4 times a week');
    expect(by('F').rows[0]!.right).toContain('5 times a week');
    expect(by('B')).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(by('B').rows[0]!.change).toBe('same');
    expect(cmp.map((c) => c.section)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K']);
  });
  it('shows the source of every provision in its words', () => {
    const lines = planLines(plan());
    expect(lines.find((l) => l.section === 'F')!.items[0]!.text).toContain(
      'Source: Recommended in advice from Educational psychology: Educational psychologist (section K)',
    );
    const own = planLines(
      plan({
        provision: [
          {
            ...plan().provision[0]!,
            source: { kind: 'authority-decision', reason: 'Parental preference agreed at panel' },
          },
        ],
      }),
    );
    expect(own.find((l) => l.section === 'F')!.items[0]!.text).toContain(
      "The council's own decision: Parental preference agreed at panel",
    );
  });
});
