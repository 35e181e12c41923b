/**
 * The demo authority's disagreements (docs/tribunal.md): one in every state, dated from the demo's day, each with a
 * line in the child's history. Deterministic: the same ids, children and dates on every seeding. parent@'s child
 * has a tribunal order to amend the plan whose 5 weeks have passed (late, on the family's page and caseworker@'s
 * first screen); the others are children caseworker@ leads, so their dates are on caseworker@'s first screen.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { searchChildren } from '../../platform/people/children.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import { addWorkingDays } from '../../domain/clock/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { decisionPhrase, type DecisionKind } from '../../domain/tribunal/index.ts';
import {
  insertAgreement,
  insertDisagreement,
  setDone,
  updateDisagreement,
  type AppealPatch,
  type MediationPatch,
} from './store.ts';

interface Spec {
  /** A short name for the state, for the tests and the docs. */
  readonly state: string;
  readonly who: 'parent' | 'caseworker';
  readonly decision: DecisionKind;
  /** Days before the demo's day the decision was sent. */
  readonly sent: number;
  /** Every date as days before the demo's day. */
  readonly mediation?: Partial<Record<keyof MediationPatch, number | boolean | string>>;
  readonly appeal?: Partial<Record<keyof AppealPatch, number | boolean | string>>;
  readonly agreement?: {
    ago: number;
    terms: string;
    obliges: AppealPatch['order_kind'];
    nonAppealable?: boolean;
  };
  /** Steps done: step id (with 'agreement:' for the agreement's) and days ago. */
  readonly done?: ReadonlyArray<[string, number]>;
}

const DATE_KEYS = new Set([
  'adviser_contacted_on',
  'declined_mediation_on',
  'mediation_requested_on',
  'commissioner_told_on',
  'mediation_held_on',
  'certificate_issued_on',
  'appeal_registered_on',
  'response_due',
  'response_sent_on',
  'hearing_on',
  'decided_on',
  'conceded_on',
]);

export const DEMO_DISAGREEMENTS: readonly Spec[] = [
  {
    state: 'order to amend, late',
    who: 'parent',
    decision: 'amended-plan',
    sent: 220,
    mediation: { adviser_contacted_on: 200, declined_mediation_on: 200, certificate_issued_on: 196 },
    appeal: {
      appeal_registered_on: 180,
      ground: 'contents',
      sections: 'F',
      response_due: 140,
      response_sent_on: 142,
      hearing_on: 55,
      outcome: 'allowed',
      decided_on: 50,
      order_kind: 'amend',
    },
  },
  {
    state: 'advice',
    who: 'caseworker',
    decision: 'not-to-assess',
    sent: 12,
    mediation: { adviser_contacted_on: 5 },
  },
  {
    state: 'mediation asked for, not held in 30 days',
    who: 'caseworker',
    decision: 'not-to-issue',
    sent: 60,
    mediation: {
      adviser_contacted_on: 45,
      mediation_requested_on: 40,
      health_issues: true,
      mediation_issues: 'Whether a plan is needed; speech and language therapy from the NHS.',
    },
  },
  {
    state: 'certificate issued, appeal date recalculated',
    who: 'caseworker',
    decision: 'not-to-amend',
    sent: 50,
    mediation: { adviser_contacted_on: 30, declined_mediation_on: 25, certificate_issued_on: 22 },
  },
  {
    state: 'mediation agreement',
    who: 'caseworker',
    decision: 'not-to-issue',
    sent: 90,
    mediation: {
      adviser_contacted_on: 80,
      mediation_requested_on: 75,
      mediation_held_on: 50,
      certificate_issued_on: 48,
    },
    agreement: {
      ago: 50,
      terms:
        'The council will make and maintain a plan. The family and school will meet the caseworker to agree outcomes.',
      obliges: 'make-and-maintain',
      nonAppealable: true,
    },
    done: [
      ['agreement:draft-plan', 20],
      ['agreement:non-appealable', 40],
    ],
  },
  {
    state: 'appeal registered',
    who: 'caseworker',
    decision: 'to-cease',
    sent: 70,
    mediation: { adviser_contacted_on: 60, declined_mediation_on: 58, certificate_issued_on: 56 },
    appeal: { appeal_registered_on: 20, ground: 'cease', response_due: 15 },
  },
  {
    state: 'placement-only appeal, hearing listed',
    who: 'caseworker',
    decision: 'final-plan',
    sent: 120,
    appeal: {
      appeal_registered_on: 80,
      ground: 'placement-only',
      care_recommendations: true,
      response_due: 40,
      response_sent_on: 41,
      hearing_on: -21,
    },
  },
  {
    state: 'order to make and maintain, done',
    who: 'caseworker',
    decision: 'not-to-issue',
    sent: 330,
    mediation: { adviser_contacted_on: 320, declined_mediation_on: 319, certificate_issued_on: 316 },
    appeal: {
      appeal_registered_on: 300,
      ground: 'refusal-to-issue',
      response_due: 260,
      response_sent_on: 262,
      hearing_on: 150,
      outcome: 'allowed',
      decided_on: 140,
      order_kind: 'make-and-maintain',
    },
    done: [
      ['order:draft-plan', 100],
      ['order:final-plan', 70],
    ],
  },
  {
    state: 'conceded: assess',
    who: 'caseworker',
    decision: 'not-to-assess',
    sent: 100,
    mediation: { adviser_contacted_on: 95, declined_mediation_on: 95, certificate_issued_on: 92 },
    appeal: {
      appeal_registered_on: 60,
      ground: 'refusal-to-assess',
      response_due: 20,
      response_sent_on: 20,
      outcome: 'conceded',
      conceded_on: 20,
      concession_kind: 'assess',
    },
    done: [['concession:notify', 12]],
  },
  {
    state: 'dismissed',
    who: 'caseworker',
    decision: 'amended-plan',
    sent: 300,
    mediation: {
      adviser_contacted_on: 290,
      mediation_requested_on: 288,
      mediation_held_on: 270,
      certificate_issued_on: 268,
    },
    appeal: {
      appeal_registered_on: 250,
      ground: 'contents',
      sections: 'B,F',
      response_due: 210,
      response_sent_on: 210,
      hearing_on: 100,
      outcome: 'dismissed',
      decided_on: 95,
    },
  },
  {
    state: 'withdrawn',
    who: 'caseworker',
    decision: 'final-plan',
    sent: 200,
    mediation: { adviser_contacted_on: 190, declined_mediation_on: 190, certificate_issued_on: 187 },
    appeal: {
      appeal_registered_on: 170,
      ground: 'contents',
      sections: 'B,F,I',
      outcome: 'withdrawn',
      decided_on: 130,
    },
  },
];

const at = (day: string) => new Date(`${day}T10:00:00Z`);

export async function seedTribunalDemo(
  trx: Transaction<DB>,
  { laCode, today }: DemoSeedOptions,
): Promise<void> {
  const caseworker = await userByEmail(trx, laCode, 'caseworker@demo.example');
  const parent = await userByEmail(trx, laCode, 'parent@demo.example');
  if (!caseworker || !parent) return;
  const random = createRandom(hashString(`tribunal:${laCode}:${today}`));
  const parentChild = (
    await searchChildren(trx, {
      laCode,
      grantedTo: { userId: parent.id, kind: 'parent' },
      page: 1,
      pageSize: 1,
    })
  ).rows[0];
  const led = (
    await searchChildren(trx, { laCode, officer: caseworker.id, withPlan: true, page: 1, pageSize: 40 })
  ).rows.filter((c) => c.id !== parentChild?.id);
  let next = 0;
  const actor = { laCode, userId: caseworker.id };
  // A date the law counts is a day; a working day keeps the demo's letters on weekdays.
  const day = (ago: number) => addWorkingDays(addDays(today, -ago - 1), 1);
  for (const spec of DEMO_DISAGREEMENTS) {
    const child = spec.who === 'parent' ? parentChild : led[next++ % Math.max(1, led.length)];
    if (!child) continue;
    const sent = day(spec.sent);
    const toRow = (facts: Record<string, number | boolean | string> | undefined) =>
      Object.fromEntries(
        Object.entries(facts ?? {}).map(([k, v]) => [
          k,
          DATE_KEYS.has(k) && typeof v === 'number' ? (v < 0 ? addDays(today, -v) : day(v)) : v,
        ]),
      );
    const id = await insertDisagreement(trx, laCode, {
      id: random.uuid(),
      childId: child.id,
      decisionKind: spec.decision,
      decisionSent: sent,
      recordedBy: caseworker.id,
      ...(toRow(spec.mediation) as MediationPatch),
    });
    if (spec.appeal) await updateDisagreement(trx, laCode, id, toRow(spec.appeal));
    let agreementId: string | null = null;
    if (spec.agreement)
      agreementId = await insertAgreement(trx, laCode, {
        id: random.uuid(),
        disagreement_id: id,
        agreed_on: day(spec.agreement.ago),
        terms: spec.agreement.terms,
        obliges: spec.agreement.obliges ?? null,
        non_appealable: spec.agreement.nonAppealable ?? false,
        commissioner_only: false,
        recordedBy: caseworker.id,
      });
    for (const [step, ago] of spec.done ?? []) {
      const stepId = step.startsWith('agreement:')
        ? step.replace('agreement:', `agreement:${agreementId}:`)
        : step;
      await setDone(trx, laCode, id, stepId, day(ago), caseworker.id);
    }
    await recordCaseEvent(
      { trx, actor },
      {
        at: at(sent),
        childId: child.id,
        kind: 'tribunal.disagreement',
        summary: `The family disagrees with the decision sent on ${longDate(sent)} (${decisionPhrase(spec.decision)})`,
        detail: { disagreementId: id },
      },
    );
  }
}
