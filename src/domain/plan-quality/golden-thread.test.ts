/** Every golden-thread rule, on a complete plan with one thing broken at a time. */
import { describe, expect, it } from 'vitest';
import { checkPlan, type PlanCheck } from './golden-thread.ts';
import type { Advice, Need, Outcome, Plan, Provision } from './model.ts';

const advice: Advice[] = [
  {
    id: 'k1',
    agency: 'Educational psychology service',
    authorRole: 'educational psychologist',
    received: '2026-01-10',
  },
  {
    id: 'k2',
    agency: 'Community paediatrics',
    authorRole: 'community paediatrician',
    received: '2026-01-12',
  },
  {
    id: 'k3',
    agency: 'Children with disabilities team',
    authorRole: 'social worker',
    received: '2026-01-14',
  },
];

const needs: Need[] = [
  { id: 'b1', section: 'B', area: 'cognition-and-learning', text: 'Difficulty decoding words' },
  { id: 'c1', section: 'C', text: 'Epilepsy' },
  { id: 'd1', section: 'D', text: 'Family needs breaks from care' },
];

const outcome = (id: string, needIds: string[], extra: Partial<Outcome> = {}): Outcome => ({
  id,
  text: 'By July 2027, Sam will read 50 high-frequency words without adult prompting.',
  needIds,
  timescale: { text: 'By July 2027', by: '2027-07-31' },
  successMeasure: 'Reads 50 words on the school list',
  preparationForAdulthood: null,
  ...extra,
});

const provision = (
  id: string,
  section: Provision['section'],
  needIds: string[],
  extra: Partial<Provision> = {},
) =>
  ({
    id,
    section,
    what: 'Precision Teaching of sight words',
    amount: { value: 10, unit: 'minutes' },
    frequency: { times: 5, per: 'week' },
    deliverer: { role: 'teaching assistant', qualification: 'trained in Precision Teaching' },
    grouping: { kind: 'one-to-one' },
    where: 'quiet room',
    oversight: 'SENCo',
    review: 'fluency charts checked fortnightly',
    needIds,
    outcomeIds: ['e1'],
    source: { kind: 'advice', adviceId: section === 'F' ? 'k1' : section === 'G' ? 'k2' : 'k3' },
    ...extra,
  }) satisfies Provision;

const good: Plan = {
  id: 'plan-1',
  status: 'draft',
  yearGroup: 4,
  aspirations: [{ id: 'a1', text: 'I want to read stories to my sister.', whose: 'child' }],
  needs,
  outcomes: [outcome('e1', ['b1']), outcome('e2', ['c1']), outcome('e3', ['d1'])],
  provision: [
    provision('f1', 'F', ['b1']),
    provision('g1', 'G', ['c1'], { outcomeIds: ['e2'] }),
    provision('h1', 'H2', ['d1'], { outcomeIds: ['e3'] }),
  ],
  placement: null,
  personalBudget: { requested: false, annualAmountPence: null, directPayments: [] },
  advice,
};
const opts = { receivedAdvice: advice, specificity: false };

/** [code, severity, section, itemId] of every finding. */
const summary = (check: PlanCheck) => check.findings.map((f) => [f.code, f.severity, f.section, f.itemId]);
const run = (plan: Partial<Plan>, received = advice) =>
  summary(checkPlan({ ...good, ...plan }, { receivedAdvice: received, specificity: false }));

describe('a complete plan', () => {
  it('has no findings, and a task list with every section complete or rightly empty', () => {
    const check = checkPlan(good, opts);
    expect(check.findings).toEqual([]);
    expect(check.sections.map((s) => [s.section, s.status])).toEqual([
      ['A', 'complete'],
      ['B', 'complete'],
      ['C', 'complete'],
      ['D', 'complete'],
      ['E', 'complete'],
      ['F', 'complete'],
      ['G', 'complete'],
      ['H1', 'empty'],
      ['H2', 'complete'],
      ['I', 'empty'],
      ['J', 'empty'],
      ['K', 'complete'],
    ]);
    expect([check.errors, check.warnings]).toEqual([0, 0]);
  });
});

describe('needs have provision in their matching section', () => {
  it('a B need with no F provision', () => {
    expect(run({ provision: good.provision.filter((p) => p.id !== 'f1') })).toEqual([
      ['need-without-provision', 'error', 'B', 'b1'],
      ['outcome-without-provision', 'warning', 'E', 'e1'],
      ['section-empty', 'error', 'F', null],
      ['advice-not-used', 'warning', 'K', 'k1'],
    ]);
  });
  it('a C need with no G provision', () => {
    const r = run({ provision: good.provision.filter((p) => p.id !== 'g1') });
    expect(r[0]).toEqual(['need-without-provision', 'error', 'C', 'c1']);
  });
  it('a D need is met by H1 or H2', () => {
    expect(
      run({
        provision: [...good.provision.slice(0, 2), provision('h1', 'H1', ['d1'], { outcomeIds: ['e3'] })],
      }),
    ).toEqual([]);
    const r = run({ provision: good.provision.slice(0, 2) });
    expect(r[0]).toEqual(['need-without-provision', 'error', 'D', 'd1']);
  });
  it('the message names the need and the section to fix', () => {
    const check = checkPlan({ ...good, provision: good.provision.slice(1) }, opts);
    expect(check.findings[0]!.message).toBe(
      'The special educational need "Difficulty decoding words" has no provision in section F. Every need must be met by provision in its matching section; add provision or link an existing item to this need.',
    );
  });
});

describe('provision meets needs and serves outcomes', () => {
  it('provision with no need', () => {
    const r = run({ provision: [provision('f2', 'F', []), ...good.provision] });
    expect(r).toEqual([['provision-without-need', 'error', 'F', 'f2']]);
  });
  it('provision linking a need that does not exist', () => {
    const r = run({ provision: [provision('f2', 'F', ['b9']), ...good.provision] });
    expect(r).toEqual([['provision-unknown-need', 'error', 'F', 'f2']]);
  });
  it('an F item citing a C need is in the wrong section', () => {
    const r = run({ provision: [provision('f2', 'F', ['c1']), ...good.provision] });
    expect(r).toEqual([['provision-need-wrong-section', 'error', 'F', 'f2']]);
  });
  it('a G item citing a B need is in the wrong section', () => {
    const r = run({ provision: [...good.provision, provision('g2', 'G', ['b1'])] });
    expect(r).toEqual([['provision-need-wrong-section', 'error', 'G', 'g2']]);
  });
  it('provision serving no outcome, or an outcome that does not exist', () => {
    expect(run({ provision: [...good.provision, provision('f2', 'F', ['b1'], { outcomeIds: [] })] })).toEqual(
      [['provision-without-outcome', 'error', 'F', 'f2']],
    );
    expect(
      run({ provision: [...good.provision, provision('f2', 'F', ['b1'], { outcomeIds: ['e9'] })] }),
    ).toEqual([['provision-unknown-outcome', 'error', 'F', 'f2']]);
  });
});

describe('outcomes follow from needs', () => {
  it('an outcome with no need, or an unknown need', () => {
    expect(run({ outcomes: [outcome('e1', []), ...good.outcomes.slice(1)] })).toEqual([
      ['outcome-without-need', 'error', 'E', 'e1'],
    ]);
    expect(run({ outcomes: [outcome('e1', ['x']), ...good.outcomes.slice(1)] })).toEqual([
      ['outcome-unknown-need', 'error', 'E', 'e1'],
    ]);
  });
  it('an outcome no provision serves (warning)', () => {
    expect(run({ outcomes: [...good.outcomes, outcome('e4', ['b1'])] })).toEqual([
      ['outcome-without-provision', 'warning', 'E', 'e4'],
    ]);
  });
});

describe('every provision has a source', () => {
  it('advice cited must be in K', () => {
    const r = run({
      provision: [
        ...good.provision,
        provision('f2', 'F', ['b1'], { source: { kind: 'advice', adviceId: 'k9' } }),
      ],
    });
    expect(r).toEqual([['provision-advice-not-in-k', 'error', 'F', 'f2']]);
  });
  it("the authority's own decision needs a reason", () => {
    const decided = (reason: string) =>
      run({
        provision: [
          ...good.provision,
          provision('f2', 'F', ['b1'], { source: { kind: 'authority-decision', reason } }),
        ],
      });
    expect(decided('Panel agreed daily reading after parental request')).toEqual([]);
    expect(decided('  ')).toEqual([['provision-decision-without-reason', 'error', 'F', 'f2']]);
  });
});

describe('section K is complete', () => {
  it('advice received but not listed in K', () => {
    const late: Advice = {
      id: 'k4',
      agency: 'CAMHS',
      authorRole: 'clinical psychologist',
      received: '2026-02-01',
    };
    const check = checkPlan(good, { receivedAdvice: [...advice, late], specificity: false });
    expect(summary(check)).toEqual([['advice-missing-from-k', 'error', 'K', 'k4']]);
    expect(check.findings[0]!.message).toContain('from the clinical psychologist (CAMHS)');
  });
  it('advice listed in K that no provision cites (warning)', () => {
    const r = run({
      provision: [
        ...good.provision.slice(0, 2),
        provision('h1', 'H2', ['d1'], {
          outcomeIds: ['e3'],
          source: { kind: 'authority-decision', reason: 'Panel' },
        }),
      ],
    });
    expect(r).toEqual([['advice-not-used', 'warning', 'K', 'k3']]);
  });
});

describe('section I', () => {
  const placement = { settingId: 'urn-100001', name: 'Elm Primary School' };
  it('blank on a draft', () => {
    expect(run({ placement })).toEqual([['placement-named-on-draft', 'error', 'I', null]]);
  });
  it('named on a final or amended plan', () => {
    expect(run({ status: 'final' })).toEqual([['placement-missing', 'error', 'I', null]]);
    expect(run({ status: 'amended' })).toEqual([['placement-missing', 'error', 'I', null]]);
    expect(run({ status: 'final', placement })).toEqual([]);
  });
});

describe('shape of the plan', () => {
  it('year 9 onward: at least one preparation-for-adulthood outcome (warning)', () => {
    expect(run({ yearGroup: 8 })).toEqual([]);
    expect(run({ yearGroup: 9 })).toEqual([['pfa-outcome-missing', 'warning', 'E', null]]);
    const pfa = [outcome('e1', ['b1'], { preparationForAdulthood: 'employment' }), ...good.outcomes.slice(1)];
    expect(run({ yearGroup: 12, outcomes: pfa })).toEqual([]);
  });
  it('outcomes outside 3 to 8 (warning)', () => {
    const two = {
      outcomes: good.outcomes.slice(0, 2),
      provision: good.provision.map((p) => (p.id === 'h1' ? { ...p, outcomeIds: ['e2'] } : p)),
    };
    expect(run(two)).toEqual([['outcome-count', 'warning', 'E', null]]);
    const nine = [...good.outcomes, ...[4, 5, 6, 7, 8, 9].map((n) => outcome(`e${n}`, ['b1']))];
    const served = good.provision.map((p) =>
      p.id === 'f1' ? { ...p, outcomeIds: nine.map((o) => o.id) } : p,
    );
    expect(run({ outcomes: nine, provision: served })).toEqual([['outcome-count', 'warning', 'E', null]]);
    const eight = nine.slice(0, 8);
    expect(
      run({
        outcomes: eight,
        provision: served.map((p) =>
          p.id === 'f1' ? { ...p, outcomeIds: ['e1', ...eight.slice(3).map((o) => o.id)] } : p,
        ),
      }),
    ).toEqual([]);
  });
  it('section A not empty', () => {
    expect(run({ aspirations: [] })).toEqual([['section-empty', 'error', 'A', null]]);
    expect(run({ aspirations: [{ id: 'a1', text: ' ', whose: '' }] })).toEqual([
      ['section-empty', 'error', 'A', null],
    ]);
  });
  it('duplicate ids', () => {
    expect(run({ aspirations: [{ id: 'b1', text: 'To read', whose: 'child' }] })).toEqual([
      ['duplicate-id', 'error', 'B', 'b1'],
    ]);
  });
  it('direct payments link to items in the plan', () => {
    const personalBudget = {
      requested: true,
      annualAmountPence: 312000,
      directPayments: [
        {
          id: 'j1',
          description: 'PA for swimming',
          annualAmountPence: 312000,
          provisionIds: ['h1'],
          needIds: ['d1'],
          outcomeIds: ['e7'],
        },
      ],
    };
    expect(run({ personalBudget })).toEqual([['direct-payment-unknown-link', 'error', 'J', 'j1']]);
  });
});

describe('task list statuses', () => {
  it('has-errors beats has-warnings; empty required sections are errors', () => {
    const check = checkPlan({ ...good, aspirations: [], yearGroup: 10 }, opts);
    const status = Object.fromEntries(check.sections.map((s) => [s.section, s.status]));
    expect(status).toMatchObject({ A: 'has-errors', E: 'has-warnings', F: 'complete', I: 'empty' });
    expect(check.sections.find((s) => s.section === 'A')!.findings.map((f) => f.code)).toEqual([
      'section-empty',
    ]);
  });
});

describe('specificity on a structured plan (warnings)', () => {
  it('missing structured fields and vague wording in `what`', () => {
    const vague = provision('f1', 'F', ['b1'], {
      what: 'Access to a reading group',
      amount: null,
      frequency: null,
      grouping: null,
      deliverer: { role: 'teaching assistant', qualification: '' },
    });
    const check = checkPlan(
      { ...good, provision: [vague, ...good.provision.slice(1)] },
      { receivedAdvice: advice },
    );
    const f = check.findings.filter((x) => x.itemId === 'f1');
    expect(f.map((x) => [x.code, x.severity, x.start, x.end])).toEqual([
      ['provision-field-missing', 'warning', undefined, undefined],
      ['access-to', 'warning', 0, 9],
    ]);
    expect(f[0]!.message).toBe(
      'Provision "Access to a reading group" does not state how much each time (minutes, hours or sessions), how often (per day, week, half-term, term or year), the deliverer\'s qualification or training, the grouping (1:1, a group of N, or whole class). Provision must be detailed, specific and normally quantified, so that everyone knows what the child will receive.',
    );
    expect(check.sections.find((s) => s.section === 'F')!.status).toBe('has-warnings');
  });
  it('outcomes: the structured timescale and success measure count', () => {
    const o = outcome('e1', ['b1'], {
      text: 'Sam will read more words.',
      successMeasure: 'Reads 50 words from the list',
    });
    const check = checkPlan(
      { ...good, outcomes: [o, ...good.outcomes.slice(1)] },
      { receivedAdvice: advice },
    );
    expect(check.findings).toEqual([]);
    const bare = outcome('e1', ['b1'], {
      text: 'Sam will read more words.',
      successMeasure: '',
      timescale: { text: '', by: null },
    });
    const check2 = checkPlan(
      { ...good, outcomes: [bare, ...good.outcomes.slice(1)] },
      { receivedAdvice: advice },
    );
    expect(check2.findings.map((x) => x.code)).toEqual(['outcome-no-timescale', 'outcome-not-measurable']);
  });
});
