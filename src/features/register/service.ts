/**
 * The register of what families raise (statutory-work.md S12; docs/register.md): concerns, complaints, compliments
 * and provision in section F not being delivered. Families raise them online (signed in, or a general concern
 * without an account); staff record them from a call or letter. Each is acknowledged, owned, answered on the
 * authority's own timescales (counted by the clock's working days), coded into themes and counted for leaders. A
 * report of provision not delivered raises the authority's duty to secure it (CFA 2014 s42) as a task for the
 * child's caseworker. Access is decided here; every write is one transaction with its audit entry and, where there
 * is a child, the child's history.
 *
 * This file holds what the register asks of others and the factory the composition root calls. The work is in the
 * files beside it: what the item parts share, the item as shown and the write of a new one (items.ts); staff's
 * register (staff-service.ts); families' items and the public form (family-service.ts); the policy, counts and "You
 * said, we did" (leaders-service.ts); the survey (survey-service.ts), disagreement resolution
 * (resolution-service.ts) and learning actions (learning-service.ts).
 */
import type { ServiceDeps } from '../../platform/feature.ts';
import { createFamilyService } from './family-service.ts';
import { createLeadersService } from './leaders-service.ts';
import { createLearningService } from './learning-service.ts';
import { createResolutionService } from './resolution-service.ts';
import { createStaffService } from './staff-service.ts';
import { createSurveyService } from './survey-service.ts';

/** What the register asks of others, given by the composition root. */
export interface RegisterNeeds {
  /** The authority whose public pages these are: the Local Offer's (src/features/local-offer). */
  readonly publicLa?: () => Promise<string | undefined>;
}

export function createRegisterService(deps: ServiceDeps, needs: RegisterNeeds = {}) {
  return {
    ...createLeadersService(deps),
    ...createStaffService(deps),
    ...createFamilyService(deps, needs),
    ...createSurveyService(deps),
    ...createResolutionService(deps),
    ...createLearningService(deps),
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
