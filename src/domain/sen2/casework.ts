import type { Sen2BudgetFacts } from '../personal-budget/index.ts';

/**
 * The casework as the returns read it: one snapshot of an authority's children, requests, plans, placements and
 * settings, gathered from each owner's read methods (docs/sen2.md, "Where each item comes from"). The SEN2 return
 * and the inspection list are pure functions of it, and so can be any other figure built on the same facts.
 *
 * `extras` are SEN2 items the casework does not hold yet (a request's source, mediation, a plan's ceasing, annual
 * reviews, secondary needs…), kept per child by the returns feature when a return is read in. The casework's own
 * value always wins; an extra fills only an item the casework leaves blank.
 */
export interface CaseworkChild {
  readonly id: string;
  readonly reference: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly sex: string;
  readonly ethnicity: string | null;
  readonly postcode: string | null;
  readonly upn: string | null;
  readonly uln: string | null;
  readonly upnMissingReason: string | null;
  readonly primaryNeed: string | null;
  readonly planStatus: 'none' | 'assessment' | 'plan' | 'ceased';
  readonly planFirstIssued: string | null;
  readonly knownToSocialCare: boolean;
}

export interface CaseworkRequest {
  readonly id: string;
  readonly childId: string;
  readonly received: string;
  readonly requestedBy: string;
  readonly decision: { readonly date: string; readonly outcome: 'assess' | 'not-assess' } | null;
  readonly outcome: { readonly date: string; readonly outcome: 'issue-plan' | 'no-plan' } | null;
  readonly finalIssued: string | null;
  /** Whether an exception to the 20-week limit is recorded on the case. */
  readonly exceptions: boolean;
}

export interface CaseworkPlan {
  readonly id: string;
  readonly childId: string;
  readonly caseId: string | null;
  readonly status: string;
  readonly finalIssued: string | null;
  readonly placementSettingId: string | null;
  /** The latest issued version's date (final or amended). */
  readonly latestIssued: string | null;
}

export interface CaseworkPlacement {
  readonly childId: string;
  readonly settingId: string;
  readonly start: string;
  readonly end: string | null;
  readonly attendance: 'full-time' | 'part-time' | 'dual-registered';
}

export interface CaseworkSetting {
  readonly id: string;
  readonly urn: string | null;
  readonly name: string;
  readonly type: string;
  readonly phase: string;
}

export interface Casework {
  readonly laCode: string;
  readonly children: readonly CaseworkChild[];
  readonly requests: readonly CaseworkRequest[];
  readonly plans: readonly CaseworkPlan[];
  readonly placements: readonly CaseworkPlacement[];
  readonly settings: readonly CaseworkSetting[];
  /** childId -> extra key -> value (see ./extras.ts for the keys). */
  readonly extras: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /**
   * childId -> the day the child's plan ended for the authority and its module 4a reason code, as the casework
   * records it (the ceasing feature: a plan ceased, S9, or transferred to another English authority, S11, code 5).
   * Wins over a kept extra.
   */
  readonly cessations?: ReadonlyMap<string, CaseworkCessation>;
  /**
   * childId -> the child's personal budget decisions (the personal-budgets feature, S8): module 4a's PBTakeUp,
   * PBOrganised and PBDirectPayments derive from them at the census date and win over kept items.
   */
  readonly personalBudgets?: ReadonlyMap<string, readonly Sen2BudgetFacts[]>;
}

export interface CaseworkCessation {
  readonly date: string;
  readonly reason: string;
}
