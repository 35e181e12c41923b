/**
 * The casework snapshot every return is built from (src/domain/sen2/casework.ts), read through each owner: the core
 * records (src/platform/people), the assessments and plans features' index.ts, and this feature's kept items.
 * Public (index.ts) so that other figures can be built on the same facts.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { caseworkChildren, caseworkPlacements, caseworkSettings } from '../../platform/people/casework.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { requestsForReturns } from '../assessments/index.ts';
import { cessationsForReturns } from '../ceasing/index.ts';
import { personalBudgetsForReturns } from '../personal-budgets/index.ts';
import { plansForReturns } from '../plans/index.ts';
import type { Casework } from '../../domain/sen2/index.ts';
import { extrasOf } from './store.ts';

/**
 * `asOf`: the day the casework is read on (default today in London), which says whether a decision to cease has taken effect yet (the
 * appeal window closed, the appeal ended); the return then reports only what happened by its census date.
 */
export async function loadCasework(
  db: Executor,
  laCode: string,
  asOf: string = todayInLondon(),
): Promise<Casework> {
  const [children, requests, plans, placements, settings, extras, ended, budgets] = [
    await caseworkChildren(db, laCode),
    await requestsForReturns(db, laCode),
    await plansForReturns(db, laCode),
    await caseworkPlacements(db, laCode),
    await caseworkSettings(db, laCode),
    await extrasOf(db, laCode),
    await cessationsForReturns(db, laCode, asOf),
    await personalBudgetsForReturns(db, laCode),
  ];
  return {
    laCode,
    children: children.map((c) => ({
      id: c.id,
      reference: c.reference,
      givenName: c.given_name,
      familyName: c.family_name,
      dateOfBirth: c.date_of_birth,
      sex: c.sex,
      ethnicity: c.ethnicity,
      postcode: c.postcode,
      upn: c.upn,
      uln: c.uln,
      upnMissingReason: c.upn_missing_reason,
      primaryNeed: c.primary_need,
      planStatus: c.plan_status,
      planFirstIssued: c.plan_first_issued,
      knownToSocialCare: c.known_to_social_care,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      childId: r.child_id,
      received: r.request_received,
      requestedBy: r.requested_by,
      decision:
        r.decision_date && r.decision_outcome ? { date: r.decision_date, outcome: r.decision_outcome } : null,
      outcome: r.outcome_date && r.outcome ? { date: r.outcome_date, outcome: r.outcome } : null,
      finalIssued: r.final_issued,
      exceptions: Boolean(r.exceptions),
    })),
    plans: plans.map((p) => ({
      id: p.id,
      childId: p.child_id,
      caseId: p.case_id,
      status: p.status,
      finalIssued: p.final_issued,
      placementSettingId: p.placement_setting_id,
      latestIssued: typeof p.latest_issued === 'string' ? p.latest_issued : null,
    })),
    placements: placements.map((p) => ({
      childId: p.child_id,
      settingId: p.setting_id,
      start: p.start_date,
      end: p.end_date,
      attendance: p.attendance,
    })),
    settings,
    extras,
    cessations: new Map([...ended.values()].map((c) => [c.childId, { date: c.ceasedOn, reason: c.reason }])),
    personalBudgets: budgets,
  };
}
