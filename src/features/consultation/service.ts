/**
 * Consultation and naming the placement (statutory-work.md S3; journey-corrections.md J7). The family's preference
 * is structured (a setting on the register, a type of setting, or otherwise than in a school); each setting asked
 * for is consulted on the draft plan and the advice when the draft is served (or when it is asked for, if later),
 * with its maintaining authority where that is another authority; the school answers in Goldthread; and a final
 * plan is refused if it names a setting that was not consulted or does not name the family's preference without a
 * recorded s39(4) ground. Access is decided here; every write runs in one transaction with an audit entry.
 *
 * This file holds what consultation asks of other features, the shapes every part takes, and the factory the
 * composition root calls. The work is in the files beside it: what every part shares (support.ts); writes inside
 * another feature's change, preferences and consulting (consult.ts); section I's rules (placement-checks.ts); the
 * placement summary (summary.ts); the caseworker's methods (casework.ts); the school's list and answers (answers.ts).
 */
import type { Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { PreferenceKind } from '../../domain/placement/placement.ts';
import { answersService } from './answers.ts';
import { caseworkService } from './casework.ts';

/** A change in someone else's transaction (the assessment journey's or the plan's): the parts consultation uses. */
export interface ChangeParts {
  readonly trx: Executor;
  readonly actor: Actor;
  readonly jobs: Jobs;
  readonly today: string;
}

/** The case as consultation sees it (from the assessments feature's public surface). */
export interface PlacementCase {
  readonly id: string;
  readonly child_id: string;
  readonly stage: string;
  readonly is_open: boolean;
  readonly draft_served: string | null;
  readonly final_issued: string | null;
  readonly officer_id: string | null;
}

/** What consultation asks of other features (passed by the composition root). */
export interface ConsultationNeeds {
  readonly placementCase: (
    db: Executor,
    laCode: string,
    caseId: string,
  ) => Promise<PlacementCase | undefined>;
  /** The latest draft plan shared for the case, as a PDF with the advice in its appendices (null if none). */
  readonly draftPlanPdf: (db: Executor, laCode: string, caseId: string) => Promise<PlanDocument | null>;
  /** An issued plan's latest version (the proposed amendments while out, else the plan in force) as a PDF. */
  readonly planPdf: (db: Executor, laCode: string, planId: string) => Promise<PlanDocument | null>;
}

export interface PlanDocument {
  readonly fileName: string;
  readonly content: Buffer;
  readonly number: number;
  readonly issuedOn: string;
}

export interface PreferenceInput {
  readonly kind: PreferenceKind;
  readonly settingId?: string | undefined;
  readonly settingType?: string | undefined;
}

/** An issued plan as consultation sees it: the plan, its child and the round (the version in force's issue day). */
export interface PlanSubject {
  readonly planId: string;
  readonly childId: string;
  /** The day the plan's version in force was issued: one round of asking and consulting (ADR 0032). */
  readonly inForce: string;
}

/** The service the pages use: the caseworker's methods and the school's (the answer is for both). */
export function createConsultationService(
  deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>,
  needs: ConsultationNeeds,
) {
  return { ...caseworkService(deps, needs), ...answersService(deps, needs) };
}

export type ConsultationService = ReturnType<typeof createConsultationService>;
