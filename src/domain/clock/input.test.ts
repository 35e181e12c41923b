import { describe, expect, it } from 'vitest';
import { issuesOf } from './testing.ts';

const base = { asOf: '2026-03-01' };
const withAssessment = (assessment: Record<string, unknown>) => ({ ...base, assessment });

describe('§5 input validation names the field at fault', () => {
  it('§5 asOf is required and must be a date', () => {
    expect(issuesOf({})).toEqual(['asOf: required']);
    expect(issuesOf({ asOf: '1 March 2026' })).toEqual(['asOf: not a date']);
    expect(issuesOf({ asOf: 20260301 })).toEqual(['asOf: not a date']);
  });

  it('§5 the document must be a JSON object', () => {
    expect(issuesOf([])).toEqual(['input: must be a JSON object']);
    expect(issuesOf(null)).toEqual(['input: must be a JSON object']);
    expect(issuesOf('2026-03-01')).toEqual(['input: must be a JSON object']);
  });

  it('§5 impossible dates: 2026-02-30 is not a date', () => {
    expect(issuesOf(withAssessment({ requestReceived: '2026-02-30' }))).toEqual([
      'assessment.requestReceived: not a date',
    ]);
    expect(issuesOf(withAssessment({ requestReceived: '2025-02-29' }))).toEqual([
      'assessment.requestReceived: not a date',
    ]);
    expect(issuesOf(withAssessment({ requestReceived: '2024-02-29' }))).toEqual([]);
  });

  it('§5 dates inside lists are named with their index', () => {
    expect(
      issuesOf(
        withAssessment({
          requestReceived: '2026-01-05',
          adviceRequests: [
            { id: 'ep', requested: '2026-02-11' },
            { id: 'x', requested: 'soon' },
          ],
        }),
      ),
    ).toEqual(['assessment.adviceRequests[1].requested: not a date']);
  });

  it('§5 unknown enum values name the field and the allowed values', () => {
    expect(
      issuesOf(
        withAssessment({
          requestReceived: '2026-01-05',
          decisionToAssess: { date: '2026-02-01', outcome: 'maybe' },
        }),
      ),
    ).toEqual(['assessment.decisionToAssess.outcome: "maybe" is not one of assess, not-assess']);
    expect(
      issuesOf({ ...base, exceptions: [{ kind: 'holiday', from: '2026-01-01', to: '2026-01-02' }] }),
    ).toEqual([
      'exceptions[0].kind: "holiday" is not one of school-closure, personal-circumstances, absence-from-area, missed-appointment',
    ]);
    expect(issuesOf({ ...base, plan: { phaseTransfer: { year: 2026, kind: 'college' } } })).toEqual([
      'plan.phaseTransfer.kind: "college" is not one of school, post-16, post-16-move',
    ]);
    expect(
      issuesOf({
        ...base,
        plan: {
          firstIssued: '2025-01-01',
          reviews: [{ meeting: '2025-12-01', decision: { outcome: 'stop' } }],
        },
      }),
    ).toEqual(['plan.reviews[0].decision.outcome: "stop" is not one of maintain, amend, cease']);
  });

  it('§5 unknown fields are reported, so a misspelt field is never silently ignored', () => {
    expect(issuesOf(withAssessment({ requestRecieved: '2026-01-05' }))).toEqual([
      'assessment.requestRecieved: unknown field',
    ]);
    expect(issuesOf({ ...base, extra: 1 })).toEqual(['extra: unknown field']);
  });

  it('§5 wrong types', () => {
    expect(issuesOf({ ...base, assessment: 'yes' })).toEqual(['assessment: must be an object']);
    expect(issuesOf({ ...base, exceptions: {} })).toEqual(['exceptions: must be a list']);
    expect(issuesOf({ ...base, plan: { phaseTransfer: { year: 2026.5, kind: 'school' } } })).toEqual([
      'plan.phaseTransfer.year: not a year',
    ]);
    expect(issuesOf({ ...base, exceptions: [{ kind: 'personal-circumstances' }] })).toEqual([
      'exceptions[0].from: required',
    ]);
  });

  it('§5 events out of order: a final plan before the request', () => {
    expect(issuesOf(withAssessment({ requestReceived: '2026-01-05', finalIssued: '2025-12-01' }))).toEqual([
      'assessment.finalIssued: 2025-12-01 is before assessment.requestReceived (2026-01-05)',
    ]);
  });

  it('§5 events out of order: decision before request, advice received before asked, final before draft', () => {
    expect(
      issuesOf(
        withAssessment({
          requestReceived: '2026-01-05',
          decisionToAssess: { date: '2026-01-04', outcome: 'assess' },
        }),
      ),
    ).toEqual([
      'assessment.decisionToAssess.date: 2026-01-04 is before assessment.requestReceived (2026-01-05)',
    ]);
    expect(
      issuesOf(
        withAssessment({
          requestReceived: '2026-01-05',
          adviceRequests: [{ id: 'ep', requested: '2026-02-11', received: '2026-02-10' }],
        }),
      ),
    ).toEqual([
      'assessment.adviceRequests[0].received: 2026-02-10 is before assessment.adviceRequests[0].requested (2026-02-11)',
    ]);
    expect(
      issuesOf(
        withAssessment({
          requestReceived: '2026-01-05',
          draftServed: '2026-04-20',
          finalIssued: '2026-04-19',
        }),
      ),
    ).toEqual(['assessment.finalIssued: 2026-04-19 is before assessment.draftServed (2026-04-20)']);
  });

  it('§5 events that depend on others', () => {
    expect(issuesOf(withAssessment({ finalIssued: '2026-05-01' }))).toEqual([
      'assessment.requestReceived: required when other assessment events are given',
    ]);
    expect(
      issuesOf(withAssessment({ requestReceived: '2026-01-05', decisionToAssess: { date: '2026-02-01' } })),
    ).toEqual(['assessment.decisionToAssess.outcome: required when the decision date is given']);
    expect(
      issuesOf(
        withAssessment({
          requestReceived: '2026-01-05',
          decisionToAssess: { date: '2026-02-01', outcome: 'not-assess' },
          finalIssued: '2026-05-01',
        }),
      ),
    ).toEqual(['assessment.finalIssued: not possible when the council decided not to assess']);
    expect(
      issuesOf(
        withAssessment({ requestReceived: '2026-01-05', adviceRequests: [{ id: 'ep' }, { id: 'ep' }] }),
      ),
    ).toEqual(['assessment.adviceRequests[1].id: "ep" is used by another advice request']);
  });

  it('§5 exceptions: to before from, a missed appointment is one day, appliesTo must name an advice request', () => {
    expect(
      issuesOf({
        ...base,
        exceptions: [{ kind: 'absence-from-area', from: '2026-02-01', to: '2026-01-01' }],
      }),
    ).toEqual(['exceptions[0].to: 2026-01-01 is before exceptions[0].from (2026-02-01)']);
    expect(
      issuesOf({
        ...base,
        exceptions: [{ kind: 'missed-appointment', from: '2026-02-01', to: '2026-02-02' }],
      }),
    ).toEqual(['exceptions[0].to: a missed appointment is a single day, so to must equal from']);
    expect(
      issuesOf({
        ...base,
        exceptions: [{ kind: 'missed-appointment', from: '2026-02-01', to: '2026-02-01', appliesTo: ['ep'] }],
      }),
    ).toEqual(['exceptions[0].appliesTo[0]: no advice request has the id "ep"']);
  });

  it('§5 reviews: in meeting order, after the plan, nothing after a cease, amendments only for amend', () => {
    const plan = (reviews: unknown[]) => ({ ...base, plan: { firstIssued: '2025-03-10', reviews } });
    expect(issuesOf(plan([{ meeting: '2025-03-01' }]))).toEqual([
      'plan.reviews[0].meeting: 2025-03-01 is before plan.firstIssued (2025-03-10)',
    ]);
    expect(issuesOf(plan([{ meeting: '2026-02-01' }, { meeting: '2026-02-01' }]))).toEqual([
      'plan.reviews[1].meeting: 2026-02-01 is not after plan.reviews[0].meeting (2026-02-01)',
    ]);
    expect(
      issuesOf(
        plan([
          { meeting: '2026-02-01', decision: { date: '2026-02-10', outcome: 'cease' } },
          { meeting: '2027-01-01' },
        ]),
      ),
    ).toEqual([
      'plan.reviews[1].meeting: the plan was ceased after the review meeting on 2026-02-01, so there can be no later review',
    ]);
    expect(
      issuesOf(
        plan([
          {
            meeting: '2026-02-01',
            decision: { date: '2026-02-10', outcome: 'maintain' },
            amendmentProposalSent: '2026-02-10',
          },
        ]),
      ),
    ).toEqual(['plan.reviews[0].amendmentProposalSent: only possible when the review decision is amend']);
    expect(issuesOf(plan([{ meeting: '2026-02-01', invitationsSent: '2026-02-02' }]))).toEqual([
      'plan.reviews[0].invitationsSent: 2026-02-02 is after plan.reviews[0].meeting (2026-02-01)',
    ]);
    expect(issuesOf(plan([{ meeting: '2026-02-01', reportSent: '2026-01-31' }]))).toEqual([
      'plan.reviews[0].reportSent: 2026-01-31 is before plan.reviews[0].meeting (2026-02-01)',
    ]);
    expect(issuesOf({ ...base, plan: { reviews: [{ meeting: '2026-02-01' }] } })).toEqual([
      'plan.firstIssued: required when reviews are given',
    ]);
  });

  it('§5 transfers, phase transfers and appeals', () => {
    expect(
      issuesOf({ ...base, plan: { firstIssued: '2025-03-10', transferIn: { date: '2025-01-01' } } }),
    ).toEqual(['plan.transferIn.date: 2025-01-01 is before plan.firstIssued (2025-03-10)']);
    expect(issuesOf({ ...base, plan: { transferIn: { noticeSent: '2025-01-01' } } })).toEqual([
      'plan.transferIn.date: required when noticeSent is given',
    ]);
    expect(issuesOf({ ...base, plan: { phaseTransfer: { year: 2026 } } })).toEqual([
      'plan.phaseTransfer.kind: required when year is given',
    ]);
    expect(issuesOf({ ...base, appeal: { decisionSent: '2026-02-01', registered: '2026-01-01' } })).toEqual([
      'appeal.registered: 2026-01-01 is before appeal.decisionSent (2026-02-01)',
    ]);
    expect(issuesOf({ ...base, appeal: { certificateIssued: '2026-01-01' } })).toEqual([
      'appeal.decisionSent: required when other appeal dates are given',
    ]);
  });

  it('§5 absent and null both mean "not yet"', () => {
    expect(
      issuesOf({
        asOf: '2026-03-01',
        assessment: {
          requestReceived: null,
          decisionToAssess: null,
          adviceRequests: null,
          assessmentOutcome: { date: null, outcome: null },
        },
        exceptions: null,
        plan: {
          firstIssued: null,
          reviews: [],
          phaseTransfer: null,
          transferIn: { date: null, noticeSent: null },
        },
        appeal: { decisionSent: null, certificateIssued: null, registered: null },
      }),
    ).toEqual([]);
  });
});
