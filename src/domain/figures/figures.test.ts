import { describe, expect, it } from 'vitest';
import { caseTimeline, type CaseFacts } from '../assessment/journey.ts';
import { amendmentDates, computeTimeline } from '../clock/index.ts';
import { addDays, formatDate, parseDate } from '../clock/dates.ts';
import {
  ageBand,
  amendmentItems,
  appealItems,
  assessmentItems,
  barChart,
  breakdown,
  ethnicGroup,
  factsAsOf,
  MEASURE_IDS,
  MEASURES,
  monthsEndingOn,
  niceCeiling,
  notInEducationItems,
  qualityItems,
  reviewItems,
  transferItems,
  selectItems,
  suggestFigure,
  tally,
  trend,
  within,
  yearEndingOn,
  type CaseForFigures,
  type FigureItem,
  type Subject,
} from './index.ts';

const plus = (d: string, n: number) => formatDate(addDays(parseDate(d), n));
const RECEIVED = '2026-01-05';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  requestReceived: RECEIVED,
  decision: null,
  advice: [],
  outcome: null,
  draftServed: null,
  finalIssued: null,
  exceptions: [],
  ...over,
});
const kase = (f: CaseFacts, id = 'case-1', childId = 'child-1'): CaseForFigures => ({
  id,
  childId,
  teamId: 'team-1',
  facts: f,
});
/** The clock's own due date for a step of a case with these facts. */
const dueOf = (f: CaseFacts, stepId: string, asOf = '2027-12-31') =>
  caseTimeline(f, asOf).steps.find((s) => s.id === stepId)!.due;

describe('requests decided within 6 weeks', () => {
  const due = dueOf(facts(), 'decision-to-assess');
  const decided = (date: string) => facts({ decision: { date, outcome: 'assess' } });

  it('counts a decision sent on the due day (day 42) as in time, and the day after (43) as late', () => {
    expect(due).toBe(plus(RECEIVED, 42));
    const [onTime] = assessmentItems(kase(decided(due)), '2027-01-01');
    const [late] = assessmentItems(kase(decided(plus(due, 1))), '2027-01-01');
    expect(onTime).toMatchObject({ measure: 'requests-6-weeks', met: true, date: due, due });
    expect(late).toMatchObject({ measure: 'requests-6-weeks', met: false, date: plus(due, 1) });
  });
  it('counts a refusal to assess the same way', () => {
    const items = assessmentItems(
      kase(facts({ decision: { date: due, outcome: 'not-assess' } })),
      '2027-01-01',
    );
    expect(items.map((i) => [i.measure, i.met])).toEqual([['requests-6-weeks', true]]);
  });
  it('does not count a decision not yet sent, nor one sent after the "as of" day', () => {
    expect(assessmentItems(kase(facts()), '2027-01-01')).toEqual([]);
    expect(assessmentItems(kase(decided(due)), plus(due, -1))).toEqual([]);
    expect(assessmentItems(kase(decided(due)), due)).toHaveLength(1);
  });
  it('counts nothing for a request received after the "as of" day', () => {
    expect(assessmentItems(kase(decided(due)), plus(RECEIVED, -1))).toEqual([]);
  });
});

describe('plans issued within 20 weeks, including and excluding confirmed exceptions', () => {
  const base = facts({
    decision: { date: plus(RECEIVED, 30), outcome: 'assess' },
    outcome: { date: plus(RECEIVED, 100), outcome: 'issue-plan' },
    draftServed: plus(RECEIVED, 100),
  });
  const due = dueOf(base, 'final-plan');
  const issued = (date: string, over: Partial<CaseFacts> = {}) =>
    facts({ ...base, finalIssued: date, ...over });
  const plans = (f: CaseFacts, asOf = '2027-06-30') =>
    assessmentItems(kase(f), asOf).filter((i) => i.measure.startsWith('plans-'));

  it('counts a plan issued on day 140 as in time and on day 141 as late, in both figures', () => {
    expect(due).toBe(plus(RECEIVED, 140));
    expect(plans(issued(due)).map((i) => [i.measure, i.met])).toEqual([
      ['plans-20-weeks', true],
      ['plans-20-weeks-excluding', true],
    ]);
    expect(plans(issued(plus(due, 1))).map((i) => [i.measure, i.met])).toEqual([
      ['plans-20-weeks', false],
      ['plans-20-weeks-excluding', false],
    ]);
  });
  it('leaves a plan a confirmed exception relieved out of "excluding", keeping it (late) in "including"', () => {
    const exception = {
      kind: 'absence-from-area' as const,
      from: plus(RECEIVED, 40),
      to: plus(RECEIVED, 70),
      appliesTo: [],
      confirmed: true,
    };
    const items = plans(issued(plus(due, 10), { exceptions: [exception] }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ measure: 'plans-20-weeks', met: false, exception: true });
  });
  it('keeps an unconfirmed exception in both figures (only a confirmed one is relied on)', () => {
    const exception = {
      kind: 'absence-from-area' as const,
      from: plus(RECEIVED, 40),
      to: plus(RECEIVED, 70),
      appliesTo: [],
      confirmed: false,
    };
    expect(plans(issued(plus(due, 10), { exceptions: [exception] }))).toHaveLength(2);
  });
  it('does not count a plan issued after the "as of" day', () => {
    expect(plans(issued(due), plus(due, -1))).toEqual([]);
  });
});

describe('advice received within 6 weeks, per agency', () => {
  const requested = plus(RECEIVED, 35);
  const advice = (received: string | null, agency = 'health') => ({
    id: `a-${agency}`,
    agency,
    requested,
    received,
  });
  const withAdvice = (...a: ReturnType<typeof advice>[]) =>
    facts({ decision: { date: requested, outcome: 'assess' }, advice: a });
  const adviceItems = (f: CaseFacts, asOf = '2027-01-01') =>
    assessmentItems(kase(f), asOf).filter((i) => i.measure === 'advice-6-weeks');
  const due = dueOf(withAdvice(advice(null)), 'advice:a-health');

  it('counts advice on day 42 as in time and on day 43 as late, by its agency', () => {
    expect(due).toBe(plus(requested, 42));
    const items = adviceItems(
      withAdvice(advice(due, 'health'), advice(plus(due, 1), 'educational-psychology')),
    );
    expect(items.map((i) => [i.group, i.met, i.recordId])).toEqual([
      ['health', true, 'a-health'],
      ['educational-psychology', false, 'a-educational-psychology'],
    ]);
  });
  it('does not count the family’s own views (no time limit), advice not yet in, or advice received later', () => {
    expect(adviceItems(withAdvice(advice(due, 'family')))).toEqual([]);
    expect(adviceItems(withAdvice(advice(null)))).toEqual([]);
    expect(adviceItems(withAdvice(advice(due)), plus(due, -1))).toEqual([]);
  });
});

describe('factsAsOf', () => {
  it('forgets everything dated after the day, and the whole case when the request came later', () => {
    const f = facts({
      decision: { date: '2026-02-01', outcome: 'assess' },
      advice: [
        { id: 'a', agency: 'health', requested: '2026-02-02', received: '2026-03-10' },
        { id: 'b', agency: 'health', requested: '2026-03-02', received: null },
      ],
      outcome: { date: '2026-04-01', outcome: 'issue-plan' },
      draftServed: '2026-04-01',
      finalIssued: '2026-05-01',
      exceptions: [
        { kind: 'absence-from-area', from: '2026-02-10', to: '2026-03-10', appliesTo: [], confirmed: true },
      ],
      closed: { reason: 'withdrawn', date: '2026-06-01' },
    });
    expect(factsAsOf(f, '2026-03-01')).toEqual({
      ...f,
      advice: [{ id: 'a', agency: 'health', requested: '2026-02-02', received: null }],
      outcome: null,
      draftServed: null,
      finalIssued: null,
      exceptions: [{ ...f.exceptions[0], to: null }],
      closed: null,
    });
    expect(factsAsOf(f, '2027-01-01')).toEqual(f);
    expect(factsAsOf(f, '2026-01-04')).toBeNull();
  });
});

describe('reviews held within 12 months and decisions within 4 weeks', () => {
  const firstIssued = '2025-03-10';
  const plan = (reviews: Array<{ held: string; decided?: string }>) => ({
    planId: 'plan-1',
    childId: 'child-1',
    teamId: null,
    firstIssued,
    reviews: reviews.map((r, i) => ({
      id: `review-${i + 1}`,
      held: r.held,
      decision: r.decided ? { date: r.decided, outcome: 'maintain' as const } : null,
    })),
  });
  const clockDue = (stepId: string, reviews: Array<{ meeting: string }> = []) =>
    computeTimeline({ asOf: '2028-01-01', plan: { firstIssued, reviews } }).steps.find(
      (s) => s.id === stepId,
    )!.due;

  it('counts a meeting on the clock’s last day as in time and the day after as late', () => {
    const due = clockDue('review:1');
    const [onTime] = reviewItems(plan([{ held: due }]), '2027-01-01');
    const [late] = reviewItems(plan([{ held: plus(due, 1) }]), '2027-01-01');
    expect(onTime).toMatchObject({ measure: 'reviews-12-months', met: true, recordId: 'review-1', due });
    expect(late).toMatchObject({ measure: 'reviews-12-months', met: false });
  });
  it('counts the decision on day 28 after the meeting as in time and day 29 as late', () => {
    const held = '2026-02-02';
    const due = clockDue('review-decision:1', [{ meeting: held }]);
    expect(due).toBe(plus(held, 28));
    const decision = (d: string) =>
      reviewItems(plan([{ held, decided: d }]), '2027-01-01').find(
        (i) => i.measure === 'review-decisions-4-weeks',
      );
    expect(decision(due)?.met).toBe(true);
    expect(decision(plus(due, 1))?.met).toBe(false);
  });
  it('knows nothing of a meeting or decision after the "as of" day, nor of a plan issued after it', () => {
    expect(reviewItems(plan([{ held: '2026-02-02', decided: '2026-02-20' }]), '2026-02-01')).toEqual([]);
    expect(
      reviewItems(plan([{ held: '2026-02-02', decided: '2026-02-20' }]), '2026-02-10').map((i) => i.measure),
    ).toEqual(['reviews-12-months']);
    expect(reviewItems(plan([]), '2025-03-09')).toEqual([]);
  });
  it('counts a second review from the first meeting, to the clock’s day', () => {
    const due = clockDue('review:2', [{ meeting: '2026-02-02' }]);
    const second = (held: string) =>
      reviewItems(plan([{ held: '2026-02-02' }, { held }]), '2027-06-01')
        .filter((i) => i.measure === 'reviews-12-months')
        .map((i) => [i.recordId, i.met]);
    expect(second(due)).toEqual([
      ['review-1', true],
      ['review-2', true],
    ]);
    expect(second(plus(due, 1))[1]).toEqual(['review-2', false]);
  });
});

describe('plan quality good or better, moderated', () => {
  const audit = (
    over: Partial<Parameters<typeof qualityItems>[0] extends Iterable<infer A> ? A : never>,
  ) => ({
    auditId: 'audit-1',
    planId: 'plan-1',
    childId: 'child-1',
    teamId: null,
    auditedOn: '2026-03-01',
    overall: 2,
    moderation: null,
    ...over,
  });
  it('counts good and outstanding as met, requires improvement and inadequate as not', () => {
    const items = qualityItems(
      [1, 2, 3, 4].map((overall) => audit({ auditId: `a${overall}`, planId: `p${overall}`, overall })),
      '2026-12-01',
    );
    expect(items.map((i) => i.met)).toEqual([true, true, false, false]);
  });
  it('lets the moderator’s grade stand once moderated by the day, and counts only each plan’s latest audit', () => {
    const moderated = audit({ moderation: { on: '2026-04-01', overall: 3 } });
    expect(qualityItems([moderated], '2026-03-15')[0]).toMatchObject({ met: true, group: 'not-moderated' });
    expect(qualityItems([moderated], '2026-04-01')[0]).toMatchObject({ met: false, group: 'moderated' });
    const later = audit({ auditId: 'audit-2', auditedOn: '2026-09-01', overall: 1 });
    expect(qualityItems([moderated, later], '2026-12-01').map((i) => i.recordId)).toEqual(['audit-2']);
    expect(qualityItems([moderated, later], '2026-08-31').map((i) => i.recordId)).toEqual(['audit-1']);
    expect(qualityItems([moderated], '2026-02-28')).toEqual([]);
  });
});

describe('children not in full-time education', () => {
  it('gives one item per child, grouped by its first reason, on the day', () => {
    const items = notInEducationItems(
      new Map([
        ['c1', ['part-time-timetable']],
        ['c2', ['ehe', 'cme']],
      ]),
      (id) => (id === 'c1' ? 't1' : null),
      '2026-11-01',
    );
    expect(items.map((i) => [i.childId, i.group, i.teamId, i.date, i.met])).toEqual([
      ['c1', 'part-time-timetable', 't1', '2026-11-01', true],
      ['c2', 'ehe', null, '2026-11-01', true],
    ]);
  });
});

const item = (over: Partial<FigureItem>): FigureItem => ({
  measure: 'requests-6-weeks',
  childId: 'c1',
  recordId: 'r1',
  teamId: null,
  group: null,
  date: '2026-06-01',
  due: '2026-06-01',
  met: true,
  exception: false,
  ...over,
});

describe('counting', () => {
  it('the 12 months ending with a day, including 29 February', () => {
    expect(yearEndingOn('2026-11-01')).toEqual({ from: '2025-11-02', to: '2026-11-01' });
    expect(yearEndingOn('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
  it('24 months ending with the month of the day, the last only to the day', () => {
    const months = monthsEndingOn('2026-11-15', 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toEqual({ month: '2024-12', from: '2024-12-01', to: '2024-12-31' });
    expect(months[23]).toEqual({ month: '2026-11', from: '2026-11-01', to: '2026-11-15' });
    expect(months[2]).toEqual({ month: '2025-02', from: '2025-02-01', to: '2025-02-28' });
  });
  it('tallies, with no percentage for nothing', () => {
    expect(tally([item({}), item({ met: false }), item({})])).toEqual({ counted: 3, met: 2, percent: 67 });
    expect(tally([])).toEqual({ counted: 0, met: 0, percent: null });
  });
  it('keeps to a period, both ends included', () => {
    const items = [item({ date: '2025-11-01' }), item({ date: '2025-11-02' }), item({ date: '2026-11-01' })];
    expect(within(items, yearEndingOn('2026-11-01')).map((i) => i.date)).toEqual([
      '2025-11-02',
      '2026-11-01',
    ]);
  });
  it('trends by month, leaving out items outside the months', () => {
    const months = monthsEndingOn('2026-11-15', 3);
    const t = trend(
      [item({ date: '2026-09-01' }), item({ date: '2026-11-15', met: false }), item({ date: '2026-11-16' })],
      months,
    );
    expect(t.map((m) => [m.month, m.tally.counted, m.tally.met])).toEqual([
      ['2026-09', 1, 1],
      ['2026-10', 0, 0],
      ['2026-11', 1, 0],
    ]);
  });
});

describe('breakdowns', () => {
  const subjects = new Map<string, Subject>([
    ['c1', { team: 't-child', school: 's1', need: 'ASD', ethnicity: 'WBRI', dateOfBirth: '2015-11-02' }],
    ['c2', { team: null, school: null, need: null, ethnicity: 'APKN', dateOfBirth: '2021-11-02' }],
  ]);
  const items = [
    item({ childId: 'c1', teamId: 't-case' }),
    item({ childId: 'c1', met: false }),
    item({ childId: 'c2' }),
    item({ childId: 'unknown' }),
  ];
  it('by team: the record’s own team first, then the child’s, then "none"', () => {
    expect(breakdown(items, subjects, 'team', '2026-11-01')).toEqual([
      { key: 't-case', tally: { counted: 1, met: 1, percent: 100 } },
      { key: 't-child', tally: { counted: 1, met: 0, percent: 0 } },
      { key: 'none', tally: { counted: 2, met: 2, percent: 100 } },
    ]);
  });
  it('by school, need, ethnic group and age band on the day', () => {
    const keys = (d: Parameters<typeof breakdown>[2]) =>
      breakdown(items, subjects, d, '2026-11-01').map((r) => [r.key, r.tally.counted]);
    expect(keys('school')).toEqual([
      ['s1', 2],
      ['none', 2],
    ]);
    expect(keys('need')).toEqual([
      ['ASD', 2],
      ['none', 2],
    ]);
    expect(keys('ethnicity')).toEqual([
      ['white', 2],
      ['asian', 1],
      ['none', 1],
    ]);
    expect(keys('age')).toEqual([
      ['5-10', 2],
      ['0-4', 1],
      ['none', 1],
    ]);
  });
  it('selects the items behind any cell, and the number and the list agree', () => {
    const f = { subjects, asOf: '2026-11-01' };
    for (const row of breakdown(items, subjects, 'ethnicity', '2026-11-01')) {
      const list = selectItems(items, { ...f, dimension: 'ethnicity', key: row.key, show: 'all' });
      expect(list).toHaveLength(row.tally.counted);
      expect(selectItems(items, { ...f, dimension: 'ethnicity', key: row.key, show: 'met' })).toHaveLength(
        row.tally.met,
      );
    }
    expect(selectItems(items, { ...f, show: 'not-met' })).toHaveLength(1);
    expect(
      selectItems([item({ group: 'health' }), item({})], { ...f, group: 'health', show: 'all' }),
    ).toHaveLength(1);
  });
  it('age bands at their edges (SEN2): 4 and 5, 10 and 11, 15 and 16, 19 and 20, 25 and 26', () => {
    const on = '2026-11-01';
    const bornYearsAgo = (n: number) => `${2026 - n}-11-01`;
    expect([4, 5, 10, 11, 15, 16, 19, 20, 25, 26].map((n) => ageBand(bornYearsAgo(n), on))).toEqual([
      '0-4',
      '5-10',
      '5-10',
      '11-15',
      '11-15',
      '16-19',
      '16-19',
      '20-25',
      '20-25',
      '26+',
    ]);
    expect(ageBand('2021-11-02', on)).toBe('0-4');
  });
  it('ethnic groups from the DfE codes', () => {
    expect(
      ['WBRI', 'MWBC', 'APKN', 'BAFR', 'CHNE', 'OOTH', 'REFU', 'NOBT', 'XXXX', null].map(ethnicGroup),
    ).toEqual(['white', 'mixed', 'asian', 'black', 'chinese', 'other', 'refused', 'refused', null, null]);
  });
});

describe('measures and the chart', () => {
  it('every figure has its words; those not recorded say why; national figures only where reporting.md gives them', () => {
    for (const id of MEASURE_IDS) {
      const m = MEASURES[id];
      expect(m.id).toBe(id);
      expect(m.title).not.toBe('');
      expect(m.kind === 'not-recorded').toBe(m.why !== null);
    }
    expect(
      MEASURE_IDS.filter((id) => MEASURES[id].national).map((id) => [id, MEASURES[id].national!.percent]),
    ).toEqual([
      ['requests-6-weeks', 84.8],
      ['plans-20-weeks', 46.4],
      ['plans-20-weeks-excluding', 60.4],
      ['review-decisions-4-weeks', 44.4],
    ]);
    expect(MEASURES['phase-transfers'].kind).toBe('rate');
  });
  it('draws one bar per month at the value’s height, none for a month with nothing counted', () => {
    const chart = barChart(
      [
        { month: '2026-09', value: 100 },
        { month: '2026-10', value: null },
        { month: '2026-11', value: 50 },
      ],
      { percent: true, reference: 46.4 },
    );
    const [full, none, half] = chart.bars;
    expect(full!.y).toBe(chart.baseline - full!.height);
    expect(none!.height).toBe(0);
    expect(half!.height).toBeCloseTo(full!.height / 2, 0);
    expect(chart.reference?.text).toBe('England 46.4%');
    expect(chart.gridlines.map((g) => g.text)).toEqual(['0%', '50%', '100%']);
    expect(chart.ticks.at(-1)?.text).toBe('Nov 2026');
  });
  it('scales counts to a round top', () => {
    expect([0, 1, 3, 7, 12, 50, 51].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 50, 100]);
    expect(barChart([{ month: '2026-11', value: 7 }], { percent: false }).top).toBe(10);
  });
});

describe('the figure an improvement action’s words point to', () => {
  it('suggests a figure from the words, and none when they name none', () => {
    expect(
      [
        'Clear the backlog of assessments over 20 weeks',
        'Report timeliness to the board every six weeks',
        'Set up a health advice tracker overseen by the designated clinical officer',
        'Decide requests within 6 weeks',
        'Hold annual reviews on time',
        'Report exclusions of children with SEND to the board each term',
        'Introduce a multi-agency audit of a sample of EHC plans every month',
        'Run an annual survey of families',
        'Train social workers on EHC plans and reviews',
      ].map(suggestFigure),
    ).toEqual([
      'plans-20-weeks',
      'plans-20-weeks',
      'advice-6-weeks',
      'requests-6-weeks',
      'reviews-12-months',
      'not-in-full-time-education',
      'plan-quality',
      null,
      null,
    ]);
  });
});

describe('amended plans issued within 12 weeks', () => {
  const meeting = '2026-02-02';
  const proposalSent = '2026-03-02';
  // The clock's own due date (8 weeks from the proposal, no later than 12 weeks after the meeting): never restated.
  const due = amendmentDates({ meeting, proposalSent }).amendedPlanDue.date;
  const amended = (amendedIssued: string) => ({
    id: 'a',
    childId: 'c',
    teamId: 't',
    meeting,
    proposalSent,
    amendedIssued,
  });

  it('counts a plan issued on the clock’s due day as in time and the day after as late', () => {
    expect(amendmentItems([amended(due)], '2026-12-31')).toMatchObject([
      { measure: 'amendments-12-weeks', date: due, due, met: true, childId: 'c', teamId: 't' },
    ]);
    const late = formatDate(addDays(parseDate(due), 1));
    expect(amendmentItems([amended(late)], '2026-12-31')).toMatchObject([{ date: late, met: false }]);
  });

  it('knows nothing of an amended plan issued after the "as of" day', () => {
    expect(amendmentItems([amended(due)], formatDate(addDays(parseDate(due), -1)))).toEqual([]);
  });
});

describe('tribunal appeals registered', () => {
  const appeal = (registered: string, outcome: { date: string; outcome: string } | null = null) => ({
    id: `d-${registered}`,
    childId: 'c',
    teamId: 't',
    registered,
    outcome,
  });

  it('counts each appeal on the day it was registered, one item per appeal naming its child', () => {
    expect(appealItems([appeal('2026-03-02'), appeal('2026-05-11')], '2026-05-11')).toEqual([
      {
        measure: 'tribunal-appeals',
        childId: 'c',
        teamId: 't',
        recordId: 'd-2026-03-02',
        group: 'pending',
        date: '2026-03-02',
        due: null,
        met: true,
        exception: false,
      },
      expect.objectContaining({ recordId: 'd-2026-05-11', date: '2026-05-11', group: 'pending' }),
    ]);
  });

  it('knows nothing of an appeal registered after the "as of" day', () => {
    expect(appealItems([appeal('2026-05-12')], '2026-05-11')).toEqual([]);
  });

  it('groups an appeal by its outcome once dated by the day, and as not decided yet before that', () => {
    const decided = appeal('2026-03-02', { date: '2026-09-14', outcome: 'allowed' });
    expect(appealItems([decided], '2026-09-13')[0]!.group).toBe('pending');
    expect(appealItems([decided], '2026-09-14')[0]!.group).toBe('allowed');
    const conceded = appeal('2026-03-02', { date: '2026-04-01', outcome: 'conceded' });
    expect(appealItems([conceded], '2026-12-31')[0]!.group).toBe('conceded');
  });

  it('is a count within the 12 months, not a rate, and says why no local rate is set beside the national 6%', () => {
    const m = MEASURES['tribunal-appeals'];
    expect(m.kind).toBe('registered');
    expect(m.national).toBeNull();
    expect(m.counts).toContain('6%');
    const items = appealItems(
      [appeal('2025-10-31'), appeal('2025-11-01'), appeal('2026-10-31')],
      '2026-10-31',
    );
    expect(within(items, yearEndingOn('2026-10-31')).map((i) => i.date)).toEqual([
      '2025-11-01',
      '2026-10-31',
    ]);
  });
});

describe('phase transfers named by the deadline', () => {
  const transfer = (named: string | null, inTime: boolean, deadline = '2026-02-15') => ({
    id: `c:2025`,
    childId: 'c',
    teamId: 't',
    deadline,
    named,
    inTime,
  });

  it('counts each child on the deadline day, in time as the transfers feature says', () => {
    expect(transferItems([transfer('2026-01-20', true)], '2026-10-31')).toEqual([
      {
        measure: 'phase-transfers',
        childId: 'c',
        teamId: 't',
        recordId: 'c:2025',
        group: 'in-time',
        date: '2026-02-15',
        due: '2026-02-15',
        met: true,
        exception: false,
      },
    ]);
  });

  it('counts nobody before their deadline has come, and everybody once it has (the end of the deadline day)', () => {
    expect(transferItems([transfer(null, false)], '2026-02-14')).toEqual([]);
    expect(transferItems([transfer(null, false)], '2026-02-15')).toHaveLength(1);
    expect(transferItems([transfer(null, false, '2026-03-31')], '2026-03-30')).toEqual([]);
  });

  it('groups by named in time, named after the deadline (once named by the day), or not named yet', () => {
    const late = transfer('2026-03-02', false);
    expect(transferItems([late], '2026-03-01')[0]).toMatchObject({ group: 'not-named', met: false });
    expect(transferItems([late], '2026-03-02')[0]).toMatchObject({ group: 'named-late', met: false });
    expect(transferItems([transfer(null, false)], '2026-10-31')[0]!.group).toBe('not-named');
  });

  it('is a rate over the 12 months of deadlines', () => {
    const items = transferItems(
      [
        transfer('2025-01-10', true, '2025-02-15'),
        transfer(null, false),
        transfer('2026-03-30', true, '2026-03-31'),
      ],
      '2026-10-31',
    );
    expect(tally(within(items, yearEndingOn('2026-10-31')))).toEqual({ counted: 2, met: 1, percent: 50 });
  });
});
