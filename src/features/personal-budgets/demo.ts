/**
 * The demo authority's personal budgets (docs/personal-budgets.md): one request in every state, dated from the
 * demo's day, each with its lines in the child's history. Deterministic: the same ids, children and dates on every
 * seeding. parent@'s child has an agreed budget with a direct payment being reduced (the reconsideration asked
 * for); the others are children caseworker@ leads.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { searchChildren } from '../../platform/people/children.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import { longDate } from '../../domain/calendar.ts';
import type { Arrangement, Element, Stage } from '../../domain/personal-budget/index.ts';
import {
  decisionColumns,
  insertAgreement,
  insertChange,
  insertDecision,
  insertRequest,
  insertReview,
  updateDecisionReview,
} from './store.ts';

type Amounts = Partial<Record<Element, [number, Arrangement] | null>>;
interface DecisionSpec {
  readonly ago: number;
  readonly amounts: Amounts;
  readonly reasons?: string;
  readonly review?: { asked: number; reviewed?: number; outcome?: 'upheld' | 'changed'; notes?: string };
}
interface Spec {
  /** A short name for the state, for the tests and the docs. */
  readonly state: string;
  readonly who: 'parent' | 'caseworker';
  readonly ago: number;
  readonly stage: Stage;
  readonly elements: readonly Element[];
  readonly direct: boolean;
  readonly by: 'family' | 'staff';
  readonly details?: string;
  readonly planDueIn?: number;
  readonly decisions?: readonly DecisionSpec[];
  readonly payment?: {
    element: Element;
    pence: number;
    startAgo: number;
    provision: string;
    premises?: { setting: string; agreedAgo: number };
    reviews?: ReadonlyArray<[number, 'continue' | 'change-terms' | 'reduce' | 'stop', string]>;
    change?: {
      kind: 'reduce' | 'stop';
      noticeAgo: number;
      effectiveAgo: number;
      newPence?: number;
      reasons: string;
      reconsideration?: { asked: number; decided?: number; outcome?: 'confirmed' | 'withdrawn' };
    };
  };
}

const SPORT = 'Two sessions a week of one-to-one support at a holiday and after-school sports club';

export const DEMO_BUDGETS: readonly Spec[] = [
  {
    state: 'agreed, direct payment being reduced, reconsideration asked for',
    who: 'parent',
    ago: 170,
    stage: 'review',
    elements: ['education', 'social-care'],
    direct: true,
    by: 'family',
    details: 'Short breaks and a tutor for reading at home',
    decisions: [
      { ago: 150, amounts: { education: [180_000, 'notional'], 'social-care': [360_000, 'direct-payment'] } },
    ],
    payment: {
      element: 'social-care',
      pence: 360_000,
      startAgo: 130,
      provision: 'Short breaks: a personal assistant for 6 hours a week',
      reviews: [[60, 'continue', 'Receipts in order; the family wants to keep the same assistant.']],
      change: {
        kind: 'reduce',
        noticeAgo: 10,
        effectiveAgo: -20,
        newPence: 300_000,
        reasons: 'Fewer hours were used over the summer than agreed.',
        reconsideration: { asked: 4 },
      },
    },
  },
  {
    state: 'asked for online by the family, waiting',
    who: 'caseworker',
    ago: 3,
    stage: 'review',
    elements: ['social-care'],
    direct: true,
    by: 'family',
    details: 'Help to join a youth club with a support worker',
    planDueIn: 35,
  },
  {
    state: 'recorded from a call at a reassessment, waiting',
    who: 'caseworker',
    ago: 12,
    stage: 'reassessment',
    elements: ['education', 'health'],
    direct: false,
    by: 'staff',
  },
  {
    state: 'refused, no review asked for',
    who: 'caseworker',
    ago: 60,
    stage: 'review',
    elements: ['health'],
    direct: true,
    by: 'staff',
    decisions: [
      {
        ago: 45,
        amounts: { health: null },
        reasons:
          'The speech and language therapy is delivered to a group of pupils in the school, so no amount can be separated for one child without harming the others’ provision.',
      },
    ],
  },
  {
    state: 'refused, review asked for',
    who: 'caseworker',
    ago: 80,
    stage: 'draft',
    elements: ['education'],
    direct: true,
    by: 'family',
    decisions: [
      {
        ago: 50,
        amounts: { education: [90_000, 'notional'] },
        reasons: 'A direct payment was refused: the support is given by the school’s own staff.',
        review: { asked: 20 },
      },
    ],
  },
  {
    state: 'refusal reviewed and upheld',
    who: 'caseworker',
    ago: 200,
    stage: 'review',
    elements: ['social-care'],
    direct: true,
    by: 'staff',
    decisions: [
      {
        ago: 180,
        amounts: { 'social-care': null },
        reasons:
          'The short breaks are provided in a council-run setting with no amount that can be separated.',
        review: {
          asked: 170,
          reviewed: 150,
          outcome: 'upheld',
          notes: 'Checked with the short breaks team.',
        },
      },
    ],
  },
  {
    state: 'refusal reviewed and changed, then agreed',
    who: 'caseworker',
    ago: 160,
    stage: 'review',
    elements: ['education'],
    direct: false,
    by: 'family',
    decisions: [
      {
        ago: 140,
        amounts: { education: null },
        reasons: 'The tutoring is part of the school’s whole-class provision.',
        review: {
          asked: 130,
          reviewed: 110,
          outcome: 'changed',
          notes: 'The tutoring is one-to-one after all.',
        },
      },
      { ago: 105, amounts: { education: [120_000, 'notional'] } },
    ],
  },
  {
    state: 'agreed, third-party arrangement',
    who: 'caseworker',
    ago: 120,
    stage: 'review',
    elements: ['health'],
    direct: false,
    by: 'staff',
    decisions: [{ ago: 100, amounts: { health: [75_000, 'third-party'] } }],
  },
  {
    state: 'direct payment on the school’s premises, first review late',
    who: 'caseworker',
    ago: 150,
    stage: 'review',
    elements: ['education'],
    direct: true,
    by: 'family',
    decisions: [{ ago: 130, amounts: { education: [240_000, 'direct-payment'] } }],
    payment: {
      element: 'education',
      pence: 240_000,
      startAgo: 110,
      provision: 'A specialist music therapist, weekly, in the school’s sensory room',
      premises: { setting: 'The child’s school', agreedAgo: 115 },
    },
  },
  {
    state: 'direct payment stopped, reconsideration confirmed the stop',
    who: 'caseworker',
    ago: 400,
    stage: 'review',
    elements: ['social-care'],
    direct: true,
    by: 'staff',
    decisions: [{ ago: 380, amounts: { 'social-care': [200_000, 'direct-payment'] } }],
    payment: {
      element: 'social-care',
      pence: 200_000,
      startAgo: 360,
      provision: SPORT,
      reviews: [
        [290, 'continue', 'Used as agreed.'],
        [80, 'stop', 'The club closed and no other was found.'],
      ],
      change: {
        kind: 'stop',
        noticeAgo: 78,
        effectiveAgo: 40,
        reasons: 'The club closed; the council will arrange the support itself.',
        reconsideration: { asked: 70, decided: 55, outcome: 'confirmed' },
      },
    },
  },
  {
    state: 'reduction withdrawn on reconsideration',
    who: 'caseworker',
    ago: 300,
    stage: 'review',
    elements: ['social-care'],
    direct: true,
    by: 'family',
    decisions: [{ ago: 280, amounts: { 'social-care': [150_000, 'direct-payment'] } }],
    payment: {
      element: 'social-care',
      pence: 150_000,
      startAgo: 270,
      provision: 'A personal assistant for trips out at weekends',
      reviews: [[200, 'continue', 'Used as agreed.']],
      change: {
        kind: 'reduce',
        noticeAgo: 90,
        effectiveAgo: 50,
        newPence: 100_000,
        reasons: 'The assistant’s hourly rate fell.',
        reconsideration: { asked: 85, decided: 70, outcome: 'withdrawn' },
      },
    },
  },
];

const at = (day: string) => new Date(`${day}T10:00:00Z`);

export async function seedPersonalBudgetsDemo(trx: Transaction<DB>, { laCode, today }: DemoSeedOptions) {
  const caseworker = await userByEmail(trx, laCode, 'caseworker@demo.example');
  const parent = await userByEmail(trx, laCode, 'parent@demo.example');
  if (!caseworker || !parent) return;
  const random = createRandom(hashString(`personal-budgets:${laCode}:${today}`));
  const parentChild = (
    await searchChildren(trx, {
      laCode,
      grantedTo: { userId: parent.id, kind: 'parent' },
      page: 1,
      pageSize: 1,
    })
  ).rows[0];
  // Children with a plan caseworker@ leads, not the ones the tribunal demo picked first (different stories).
  const led = (
    await searchChildren(trx, { laCode, officer: caseworker.id, withPlan: true, page: 1, pageSize: 60 })
  ).rows
    .filter((c) => c.id !== parentChild?.id)
    .reverse();
  const actor = { laCode, userId: caseworker.id };
  const day = (ago: number) => addDays(today, -ago);
  const event = (
    on: string,
    childId: string,
    kind: string,
    summary: string,
    detail: Record<string, unknown>,
  ) => recordCaseEvent({ trx, actor }, { at: at(on), childId, kind, summary, detail });
  let next = 0;
  for (const spec of DEMO_BUDGETS) {
    const child = spec.who === 'parent' ? parentChild : led[next++ % Math.max(1, led.length)];
    if (!child) continue;
    const requestId = await insertRequest(trx, laCode, {
      id: random.uuid(),
      child_id: child.id,
      requested_on: day(spec.ago),
      stage: spec.stage,
      elements: spec.elements.join(','),
      wants_direct_payment: spec.direct,
      made_by: spec.by,
      details: spec.details ?? null,
      plan_due: spec.planDueIn ? day(-spec.planDueIn) : null,
      recordedBy: spec.by === 'staff' ? caseworker.id : spec.who === 'parent' ? parent.id : null,
    });
    await event(
      day(spec.ago),
      child.id,
      'personal-budget.request',
      `Personal budget asked for on ${longDate(day(spec.ago))}`,
      {
        requestId,
      },
    );
    let decisionId: string | null = null;
    for (const d of spec.decisions ?? []) {
      decisionId = await insertDecision(trx, laCode, {
        id: random.uuid(),
        request_id: requestId,
        decided_on: day(d.ago),
        ...decisionColumns(
          Object.entries(d.amounts).map(([element, a]) => ({
            element: element as Element,
            pence: a ? a[0] : null,
            arrangement: a ? a[1] : null,
          })),
        ),
        refuses: Boolean(d.reasons),
        reasons: d.reasons ?? null,
        review_requested_on: null,
        reviewed_on: null,
        review_outcome: null,
        review_notes: null,
        recordedBy: caseworker.id,
      });
      await event(
        day(d.ago),
        child.id,
        'personal-budget.decision',
        `Personal budget decided on ${longDate(day(d.ago))}${d.reasons ? ' (refused in part or whole, with reasons)' : ''}`,
        {
          requestId,
          decisionId,
        },
      );
      if (d.review)
        await updateDecisionReview(trx, laCode, decisionId, {
          review_requested_on: day(d.review.asked),
          reviewed_on: d.review.reviewed === undefined ? null : day(d.review.reviewed),
          review_outcome: d.review.outcome ?? null,
          review_notes: d.review.notes ?? null,
        });
    }
    const p = spec.payment;
    if (!p || !decisionId) continue;
    const agreementId = await insertAgreement(trx, laCode, {
      id: random.uuid(),
      decision_id: decisionId,
      element: p.element,
      recipient: spec.who === 'parent' ? 'The parent' : 'The child’s parent',
      nominee: null,
      provision: p.provision,
      pence: p.pence,
      start_on: day(p.startAgo),
      on_premises: Boolean(p.premises),
      setting_name: p.premises?.setting ?? null,
      setting_agreed_on: p.premises ? day(p.premises.agreedAgo) : null,
      recordedBy: caseworker.id,
    });
    await event(
      day(p.startAgo),
      child.id,
      'personal-budget.direct-payment',
      `Direct payment started on ${longDate(day(p.startAgo))}`,
      {
        requestId,
        agreementId,
      },
    );
    for (const [ago, outcome, notes] of p.reviews ?? [])
      await insertReview(trx, laCode, {
        id: random.uuid(),
        agreement_id: agreementId,
        reviewed_on: day(ago),
        outcome,
        notes,
        recordedBy: caseworker.id,
      });
    const c = p.change;
    if (c) {
      const r = c.reconsideration;
      await insertChange(trx, laCode, {
        id: random.uuid(),
        agreement_id: agreementId,
        kind: c.kind,
        notice_on: day(c.noticeAgo),
        effective_on: day(c.effectiveAgo),
        reasons: c.reasons,
        new_pence: c.newPence ?? null,
        reconsideration_requested_on: r ? day(r.asked) : null,
        reconsideration_decided_on: r?.decided === undefined ? null : day(r.decided),
        reconsideration_outcome: r?.outcome ?? null,
        recordedBy: caseworker.id,
      });
      await event(
        day(c.noticeAgo),
        child.id,
        'personal-budget.change',
        `Notice given to ${c.kind} the direct payment`,
        {
          requestId,
          agreementId,
        },
      );
    }
  }
}
