/**
 * Section I of the amended plan against the consultations and the family's preferences of the plan's round (S3;
 * ADR 0032): shown on the amendment's page, and refused on issue.
 */
import { amendedPlacementProblems, planPlacementSummary, type PlanSubject } from '../consultation/index.ts';
import type { PlanForAmendment } from '../plans/index.ts';

/** A problem with the amended plan's section I, with the rule it breaks (S3; shown on the page, refused on issue). */
export interface SectionIProblem {
  readonly message: string;
  readonly rule: string;
  /** True when issuing is refused for it; false for what Goldthread cannot check (shown, not refused). */
  readonly blocks: boolean;
}

const SECTION_I_RULE =
  'A plan may name a school or other setting only after consulting it, and a setting the family asked for that is not named needs a recorded reason (Children and Families Act 2014 s39; SEND Regulations 2014 reg 22(3))';

/** The plan's round for consultation (ADR 0032): the plan in force, by the day its version was issued. */
export const roundOf = (plan: PlanForAmendment): PlanSubject | null =>
  plan.inForce ? { planId: plan.planId, childId: plan.childId, inForce: plan.inForce.issuedOn } : null;

/**
 * Section I of the amended plan against the consultations and the family's preferences of this round (S3, as a final
 * plan is checked; ADR 0032), whether or not the plan has an assessment on record: a setting other than the plan in
 * force's must have been consulted, and each preference of the round the plan does not meet needs its recorded
 * ground. With nothing named, each preference without a ground is a problem.
 */
export async function sectionIProblems(
  db: Parameters<typeof amendedPlacementProblems>[0],
  laCode: string,
  plan: PlanForAmendment,
): Promise<SectionIProblem[]> {
  const { named, inForce } = plan.sectionI;
  const round = roundOf(plan);
  if (!round) return [];
  const problems = named
    ? await amendedPlacementProblems(
        db,
        laCode,
        round,
        { kind: 'setting', settingId: named.settingId, settingName: named.name },
        inForce?.settingId ?? null,
      )
    : (await planPlacementSummary(db, laCode, round, round.inForce)).preferences
        .filter((p) => !p.refusal_ground)
        .map((p) => ({
          message: `The family asked for ${p.text}. Name it in section I, or record the legal ground (section 39(4)) and your reasons for not naming it`,
        }));
  return problems.map((p) => ({ message: p.message, rule: SECTION_I_RULE, blocks: true }));
}
