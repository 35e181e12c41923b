/**
 * Test and benchmark fixtures: an assessment at the draft stage with three pieces of received advice (educational
 * psychology, health, the school), written straight into the assessment tables as the assessment journey leaves
 * them. Used by the route tests, the browser tests and the benchmark; never by the running service (so it lives with the test
 * helpers, as the factories do, outside the ownership rule's scan of src/).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema/index.ts';

export interface AdviceFixture {
  agency: 'educational-psychology' | 'health' | 'setting';
  professionalUserId: string | null;
  serviceName: string;
  needs: Record<string, string>;
  outcomes: string;
  provision: { description: string; quantity: string; frequency: string; deliverer: string }[];
  documentText: string;
}

export const THREE_ADVICE = (
  ep: string | null,
  health: string | null,
  senco: string | null,
): AdviceFixture[] => [
  {
    agency: 'educational-psychology',
    professionalUserId: ep,
    serviceName: 'Educational psychology service',
    needs: {
      cognition:
        'Working memory well below age expectations: loses track of instructions of more than two steps.',
      communication: 'Finds it hard to start and keep up conversations with other children.',
    },
    outcomes:
      'By July 2027, will follow three-step classroom instructions without adult prompting on 4 out of 5 occasions.',
    provision: [
      {
        description: 'Precision Teaching of key words, one to one',
        quantity: '15 minutes',
        frequency: '4 times a week',
        deliverer: 'Teaching assistant trained by the educational psychologist',
      },
    ],
    documentText: 'Educational psychology advice.\nAssessment carried out in school over two visits.',
  },
  {
    agency: 'health',
    professionalUserId: health,
    serviceName: 'Community paediatrics',
    needs: {
      health: 'Epilepsy, controlled by medication; needs a care plan for seizures in school.',
      sensory: 'Low muscle tone affects handwriting stamina.',
    },
    outcomes: 'By the end of Year 4, will write for 10 minutes without a rest on 3 out of 4 occasions.',
    provision: [
      {
        description: 'Training for school staff in the seizure care plan by the epilepsy nurse',
        quantity: '1 session',
        frequency: 'once a year',
        deliverer: 'Epilepsy specialist nurse',
      },
      {
        description: 'Occupational therapy programme for hand strength',
        quantity: '30 minutes',
        frequency: 'twice a term',
        deliverer: 'Occupational therapist',
      },
    ],
    documentText: 'Health advice from the community paediatrician.',
  },
  {
    agency: 'setting',
    professionalUserId: senco,
    serviceName: 'Northgate Primary School',
    needs: { semh: 'Becomes anxious at unstructured times and leaves the playground.' },
    outcomes:
      'By July 2026, will stay with a chosen group at lunchtime for the whole break on 4 days out of 5.',
    provision: [
      { description: 'Access to a quiet space as needed', quantity: '', frequency: '', deliverer: '' },
    ],
    documentText: "The school's advice, from the SENCO.",
  },
];

/** An assessment case at the draft stage (decided to issue a plan, draft not yet sent) with the advice received. */
export async function draftStageCase(
  db: Kysely<DB>,
  laCode: string,
  input: {
    childId: string;
    teamId: string;
    officerId: string | null;
    advice: AdviceFixture[];
    requestReceived?: string;
  },
) {
  const received = input.requestReceived ?? '2025-09-01';
  const add = (days: number) =>
    new Date(Date.parse(`${received}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
  const { id } = await db
    .insertInto('assessment_case')
    .values({
      la_code: laCode,
      child_id: input.childId,
      request_received: received,
      request_method: 'email',
      requested_by: 'parent',
      requester_name: null,
      request_answers: '{}',
      idempotency_key: `fixture-${input.childId}`,
      linked_case_id: null,
      team_id: input.teamId,
      officer_id: input.officerId,
      allocated_at: input.officerId ? new Date(`${received}T10:00:00Z`) : null,
      stage: 'draft',
      decision_date: add(28),
      decision_outcome: 'assess',
      decision_reasons: 'Evidence of needs that the school cannot meet from its own resources.',
      panel_notes: null,
      outcome_date: add(90),
      outcome: 'issue-plan',
      outcome_reasons: 'The advice shows a plan is needed.',
      draft_served: null,
      family_response_date: null,
      family_comments: null,
      school_requested: null,
      final_issued: null,
      plan_reference: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, a] of input.advice.entries()) {
    await db
      .insertInto('assessment_advice')
      .values({
        la_code: laCode,
        case_id: id,
        child_id: input.childId,
        agency: a.agency,
        service_name: a.serviceName,
        professional_user_id: a.professionalUserId,
        requested: add(30),
        due: add(72),
        received: add(60 + i),
        status: 'received',
        answer: 'advice',
        needs: JSON.stringify(a.needs),
        outcomes: a.outcomes,
        provision: JSON.stringify(a.provision),
        document_text: a.documentText,
        submitted_by: a.professionalUserId,
        submitted_at: new Date(`${add(60 + i)}T12:00:00Z`),
        requested_by: null,
      })
      .execute();
  }
  return id;
}

export async function teamFor(db: Kysely<DB>, laCode: string) {
  const org = await db
    .insertInto('organisation')
    .values({ la_code: laCode, name: 'Testshire Council', kind: 'local-authority' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('team')
    .values({
      la_code: laCode,
      organisation_id: org.id,
      name: 'SEND casework north',
      email: 'north@council.example',
      phone: '0300 000 0100',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return team.id;
}
