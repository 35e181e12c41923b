/**
 * A deterministic, seeded generator of realistic clock inputs, for the benchmark and the tests. Every case it makes
 * is valid input (events in a possible order), with a mix of assessments, exceptions, reviews, phase transfers,
 * plans moving in and appeals. It draws from the one seeded generator (../random.ts).
 */
import { createRandom } from '../random.ts';
import { formatDate, fromCivil, type DayNumber } from './dates.ts';
import type { AdviceRequestInput, ClockInput, ExceptionInput, ExceptionKind, ReviewInput } from './types.ts';

const AGENCIES = ['educational-psychology', 'school', 'health', 'social-care', 'family'] as const;
const EXCEPTION_KINDS: readonly ExceptionKind[] = [
  'school-closure',
  'personal-circumstances',
  'absence-from-area',
  'missed-appointment',
];
const START = fromCivil(2021, 1, 1);

/**
 * Returns a function that makes the next case each time it is called. With `confirmed` (a probability), exceptions
 * carry the library's `confirmed` flag (not part of the command's contract, so such cases are library input only).
 */
export function caseGenerator(seed: number, options: { confirmed?: number } = {}): () => ClockInput {
  const random = createRandom(seed);
  const int = (min: number, max: number): number => random.int(min, max);
  const chance = (p: number): boolean => random.chance(p);
  const iso = formatDate;
  const upTo = (d: DayNumber, asOf: DayNumber): string | null => (d <= asOf ? iso(d) : null);

  return () => {
    const r = START + int(0, 2200);
    const asOf = r + int(0, 500);
    const input: ClockInput = { asOf: iso(asOf) };
    const adviceIds: string[] = [];

    if (chance(0.8)) {
      const decided = r + int(15, 60);
      const decisionSent = upTo(decided, asOf);
      const assess = chance(0.85);
      const adviceRequests: AdviceRequestInput[] = [];
      let outcome: ClockInput['assessment'] = {
        requestReceived: iso(r),
        decisionToAssess:
          decisionSent === null ? null : { date: decisionSent, outcome: assess ? 'assess' : 'not-assess' },
        adviceRequests,
      };
      if (decisionSent !== null && assess) {
        const count = int(2, 5);
        for (let i = 0; i < count; i++) {
          const q = decided + int(0, 6);
          if (q > asOf) break;
          const agency = AGENCIES[i]!;
          adviceIds.push(agency);
          adviceRequests.push({
            id: agency,
            agency,
            requested: iso(q),
            received: upTo(q + int(14, 75), asOf),
          });
        }
        if (chance(0.06)) {
          const d = r + int(70, 130);
          outcome = { ...outcome, assessmentOutcome: { date: upTo(d, asOf), outcome: 'no-plan' } };
        } else {
          const draft = r + int(80, 130);
          const final = draft + int(10, 45);
          outcome = {
            ...outcome,
            assessmentOutcome: { date: upTo(draft, asOf), outcome: draft <= asOf ? 'issue-plan' : null },
            draftServed: upTo(draft, asOf),
            finalIssued: draft <= asOf ? upTo(final, asOf) : null,
          };
        }
      }
      input.assessment = outcome;

      if (chance(0.25)) {
        const exceptions: ExceptionInput[] = [];
        const count = int(1, 3);
        for (let i = 0; i < count; i++) {
          const kind = EXCEPTION_KINDS[int(0, 3)]!;
          const from = r + int(-20, 120);
          const to = kind === 'missed-appointment' ? from : from + int(0, 60);
          const appliesTo =
            (kind === 'missed-appointment' || kind === 'school-closure') && adviceIds.length > 0
              ? [adviceIds[int(0, adviceIds.length - 1)]!]
              : null;
          const exception: ExceptionInput = {
            kind,
            from: iso(from),
            to: chance(0.1) && kind !== 'missed-appointment' ? null : iso(to),
            appliesTo,
          };
          if (options.confirmed !== undefined) exception.confirmed = chance(options.confirmed);
          exceptions.push(exception);
        }
        input.exceptions = exceptions;
      }
    }

    if (chance(0.7)) {
      const p = asOf - int(30, 1800);
      const reviews: ReviewInput[] = [];
      let m = p;
      const count = int(0, 4);
      for (let i = 0; i < count; i++) {
        m = m + int(250, 420);
        if (m > asOf) break;
        const ceaseHere = i === count - 1 && chance(0.05);
        const amend = !ceaseHere && chance(0.5);
        const decidedOn = m + int(5, 40);
        reviews.push({
          meeting: iso(m),
          invitationsSent: iso(m - int(7, 30)),
          adviceCirculated: iso(m - int(5, 20)),
          reportSent: upTo(m + int(3, 25), asOf),
          decision: {
            date: upTo(decidedOn, asOf),
            outcome: ceaseHere ? 'cease' : amend ? 'amend' : 'maintain',
          },
          amendmentProposalSent: amend ? upTo(decidedOn, asOf) : null,
          amendedPlanIssued: amend && decidedOn <= asOf ? upTo(decidedOn + int(10, 80), asOf) : null,
        });
        if (ceaseHere) break;
      }
      input.plan = {
        firstIssued: iso(p),
        reviews,
        phaseTransfer: chance(0.2)
          ? chance(0.15)
            ? {
                kind: 'post-16-move',
                transferDate: iso(asOf + int(-200, 400)),
                amendedPlanIssued: chance(0.5) ? iso(asOf - int(0, 90)) : null,
              }
            : {
                year: 2022 + int(0, 6),
                kind: chance(0.3) ? 'post-16' : 'school',
                amendedPlanIssued: chance(0.5) ? iso(asOf - int(0, 90)) : null,
              }
          : null,
        transferIn: chance(0.1) ? { date: iso(p + int(0, asOf - p)), noticeSent: null } : null,
      };
    }

    if (chance(0.1)) {
      const n = asOf - int(0, 150);
      input.reassessment = { decisionSent: iso(n), finalIssued: upTo(n + int(40, 130), asOf) };
    }

    if (chance(0.15)) {
      const d = asOf - int(0, 120);
      const certificate = chance(0.5) ? d + int(5, 60) : null;
      input.appeal = {
        decisionSent: iso(d),
        certificateIssued: certificate === null ? null : iso(certificate),
        registered: chance(0.3) ? iso(d + int(10, 90)) : null,
      };
    }
    return input;
  };
}
