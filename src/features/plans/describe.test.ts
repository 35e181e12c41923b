/** Unit tests: reading advice's amounts, the words of an item, and comparing two versions. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan-quality/model.ts';
import {
  clause,
  compareVersions,
  frequencyText,
  parseAmount,
  parseFrequency,
  planLines,
  SECTION_EXPLANATIONS,
  SECTION_TITLES,
  suggestLinks,
  timescaleOf,
} from './describe.ts';
import { pulledProvisionFields, recommendationsOf, provisionSectionFor } from './store.ts';

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
    // Conditional, limited or ranged words are never turned into one value (issue 18: "once a day" from "as needed")
    expect(parseFrequency('as needed, every school day')).toBeNull();
    expect(parseFrequency('when required, daily')).toBeNull();
    expect(parseFrequency('2-3 times a week')).toBeNull();
    expect(parseFrequency('two or three times a week')).toBeNull();
    expect(parseFrequency('at least once a week')).toBeNull();
    expect(parseFrequency('every school day')).toEqual({ times: 1, per: 'day' });
    expect(parseAmount('up to 30 minutes')).toBeNull();
    expect(parseAmount('30 minutes')).toEqual({ value: 30, unit: 'minutes' });
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

describe('a provision pulled from advice keeps the adviser’s words', () => {
  const rec = (amount: string, frequency: string) => ({
    key: 'provision:0',
    kind: 'provision' as const,
    section: 'G' as const,
    area: null,
    text: 'Support with medication',
    amount,
    frequency,
    deliverer: 'School nurse',
  });
  it('structures plain words and leaves the text as written', () => {
    const f = pulledProvisionFields(rec('30 minutes', '3 times a week'));
    expect(f).toMatchObject({
      amount_value: 30,
      amount_unit: 'minutes',
      frequency_times: 3,
      frequency_per: 'week',
    });
    expect(f.text).toBe('Support with medication');
  });
  it('never turns "as needed" into "once a day": the words stay in the item and no frequency is set', () => {
    const f = pulledProvisionFields(rec('', 'as needed, every school day'));
    expect(f.frequency_times).toBeNull();
    expect(f.frequency_per).toBeNull();
    expect(f.text).toBe('Support with medication (as needed, every school day)');
  });
  it('keeps an amount it cannot hold, once, and a frequency read from the amount only once', () => {
    expect(pulledProvisionFields(rec('up to 20 minutes', 'daily')).text).toBe(
      'Support with medication (up to 20 minutes)',
    );
    const fromAmount = pulledProvisionFields(rec('weekly', ''));
    expect(fromAmount).toMatchObject({ frequency_times: 1, frequency_per: 'week' });
    expect(fromAmount.text).toBe('Support with medication');
  });
});

describe('pulled advice, in the words of the plan (issue 18)', () => {
  it('lists linked needs as clauses, never "literally.; Non-verbal"', () => {
    expect(clause('Takes language literally. ')).toBe('Takes language literally');
    const lines = planLines(
      plan({
        needs: [
          {
            id: 'n1',
            section: 'B',
            area: 'communication-and-interaction',
            text: 'Takes language literally.',
          },
          { id: 'n2', section: 'B', area: 'communication-and-interaction', text: 'Non-verbal at times.' },
        ],
        outcomes: [
          {
            id: 'o1',
            text: 'Will ask for help',
            needIds: ['n1', 'n2'],
            timescale: { text: '', by: null },
            successMeasure: '',
            preparationForAdulthood: null,
          },
        ],
      }),
    );
    const e = lines.find((l) => l.section === 'E')!.items[0]!.text;
    expect(e).toContain('Follows from: Takes language literally; Non-verbal at times');
    expect(e).not.toContain('.;');
  });

  it("reads an outcome's own by-when from its words, or none", () => {
    expect(timescaleOf('By July 2027, will follow three-step instructions.')).toBe('By July 2027');
    expect(timescaleOf('Will read 100 words a minute by the end of Key Stage 1.')).toBe(
      'By the end of Key Stage 1',
    );
    expect(timescaleOf('Will join in with group games')).toBeNull();
  });

  it('suggests the needs an item concerns: the ones sharing its words, the only one, or none', () => {
    const needs = [
      { id: 'memory', text: 'Working memory is low: loses track of instructions of more than two steps.' },
      { id: 'talk', text: 'Finds it hard to start conversations with other children.' },
    ];
    expect(suggestLinks('Will follow three-step classroom instructions', needs)).toEqual(['memory']);
    expect(suggestLinks('Will swim a width', needs)).toEqual([]);
    expect(
      suggestLinks('Will write for 10 minutes without a rest', [
        { id: 'fits', text: 'Epilepsy, controlled by medication.' },
        { id: 'tone', text: 'Low muscle tone affects handwriting stamina.' },
      ]),
    ).toEqual(['tone']);
    expect(suggestLinks('Will swim a width', needs.slice(0, 1))).toEqual(['memory']);
    expect(suggestLinks('Anything', [])).toEqual([]);
  });

  it('explains every legal heading in plain words', () => {
    for (const [section, title] of Object.entries(SECTION_TITLES)) {
      const words = SECTION_EXPLANATIONS[section as keyof typeof SECTION_EXPLANATIONS];
      expect(words.length).toBeGreaterThan(30);
      expect(words).not.toContain(title);
    }
    expect(SECTION_EXPLANATIONS.H1).toContain('disabled child');
  });
});
