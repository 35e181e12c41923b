/**
 * The amendments service (issue 12 item 3; S1 and reg 22; ADR 0017). An amendment starts from a review's decision to
 * amend or, at any other time, from a reason with details; the caseworker makes the proposed changes in the plan
 * editor and sends the proposal (the plans feature shares it as a draft version for the family's comments); then
 * either the amended plan is issued (a new version of the same plan, through the plans feature, which refuses it
 * without a proposal whose 15 days are over) or the council decides not to amend after all, with reasons and the
 * family's rights. Every date is the clock's, through src/domain/review; a late step is accepted and returned as a
 * warning naming its rule.
 *
 * Access: casework staff read a plan's amendments; caseworkers and team managers change them; the family and the
 * child's advisers read the notice of a proposal (the plans feature decides who may see the plan's versions: 404
 * for anyone else, audited). Every change is one transaction with an audit entry and a case event.
 *
 * The service is in parts: views.ts (what the pages read), proposal.ts (the start, the proposal and a school asked
 * for), meetings.ts (the family's meeting), outcome.ts (the amended plan or the decision not to amend), with
 * support.ts (what they share) and section-i.ts (section I's checks). This file makes the service from them.
 */
import type { Actor } from '../../platform/access/access.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import type { ProposedChanges } from '../plans/index.ts';
import { familyAsksForMeeting, recordMeeting } from './meetings.ts';
import { issueAmended, notToAmend, type AmendmentsOthers } from './outcome.ts';
import { recordSchoolRequest, sendProposal, start } from './proposal.ts';
import { familyNotice, openList, planAmendments, planOfAmendment } from './views.ts';

type Step<A extends unknown[], R> = (deps: ServiceDeps, ...args: A) => R;

export function createAmendmentsService(deps: ServiceDeps, others: AmendmentsOthers = {}) {
  const withDeps =
    <A extends unknown[], R>(fn: Step<A, R>) =>
    (...args: A): R =>
      fn(deps, ...args);
  return {
    planAmendments: withDeps(planAmendments),
    planOfAmendment: withDeps(planOfAmendment),
    openList: withDeps(openList),
    start: withDeps(start),
    sendProposal: withDeps(sendProposal),
    issueAmended: (actor: Actor, amendmentId: string, input: Parameters<typeof issueAmended>[4]) =>
      issueAmended(deps, others, actor, amendmentId, input),
    recordSchoolRequest: withDeps(recordSchoolRequest),
    notToAmend: withDeps(notToAmend),
    familyAsksForMeeting: withDeps(familyAsksForMeeting),
    recordMeeting: withDeps(recordMeeting),
    familyNotice: withDeps(familyNotice),
  };
}

export type AmendmentsService = ReturnType<typeof createAmendmentsService>;
export type { ProposedChanges };
