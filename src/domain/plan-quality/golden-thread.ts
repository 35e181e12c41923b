/**
 * Golden-thread checks on a plan held as data (shared domain document "The EHC plan"): every need has provision
 * in the right section, every provision meets a need and serves an outcome, every outcome follows from a need,
 * every provision shows its source, section K lists all the advice received, section I is blank on a draft and
 * named on a final, and the plan is shaped as plans should be (aspirations recorded, 3 to 8 outcomes, preparation
 * for adulthood from year 9). The result is a task list: findings per section with a status for each.
 *
 * Pure: the assessment's received advice is a parameter, so the same checks run on every save and in tests.
 */
import {
  SECTIONS,
  type Advice,
  type Need,
  type NeedSection,
  type Plan,
  type Provision,
  type ProvisionSection,
  type Section,
} from './model.ts';
import { hasMeasurableChange, vagueWording, checkOutcomeText, type SpecificityCode } from './specificity.ts';

export type ThreadCode =
  | 'section-empty'
  | 'duplicate-id'
  | 'need-without-provision'
  | 'provision-without-need'
  | 'provision-unknown-need'
  | 'provision-need-wrong-section'
  | 'provision-without-outcome'
  | 'provision-unknown-outcome'
  | 'outcome-without-need'
  | 'outcome-unknown-need'
  | 'outcome-without-provision'
  | 'provision-advice-not-in-k'
  | 'provision-decision-without-reason'
  | 'advice-missing-from-k'
  | 'advice-not-used'
  | 'placement-named-on-draft'
  | 'placement-missing'
  | 'pfa-outcome-missing'
  | 'outcome-count'
  | 'direct-payment-unknown-link'
  | 'provision-field-missing';

export type Severity = 'error' | 'warning';

export interface PlanFinding {
  readonly code: ThreadCode | SpecificityCode;
  readonly severity: Severity;
  readonly section: Section;
  /** The item concerned (a need, outcome, provision, advice or direct payment id), or null for the section. */
  readonly itemId: string | null;
  /** Why it matters and how to fix it, in plain English. */
  readonly message: string;
  /** For wording findings: character offsets in the item's text (the provision's `what`, the outcome's text). */
  readonly start?: number;
  readonly end?: number;
}

export type SectionStatus = 'complete' | 'has-errors' | 'has-warnings' | 'empty';

export interface SectionTask {
  readonly section: Section;
  readonly status: SectionStatus;
  readonly findings: readonly PlanFinding[];
}

export interface PlanCheck {
  /** One entry per section, A to K, in order. */
  readonly sections: readonly SectionTask[];
  /** All findings, in section order. */
  readonly findings: readonly PlanFinding[];
  readonly errors: number;
  readonly warnings: number;
}

export interface CheckOptions {
  /** Every piece of advice received during the assessment (section K must list them all). */
  readonly receivedAdvice: readonly Advice[];
  /**
   * Also report vague wording and missing structured fields of provision and outcomes as warnings (default true).
   * Warnings, not errors: the wording rules are heuristics (docs/plan-quality.md).
   */
  readonly specificity?: boolean;
}

/** Outcomes per plan the Code of Practice's examples and practice suggest: three to eight. */
export const OUTCOME_RANGE = { min: 3, max: 8 } as const;
/** Year group from which preparation-for-adulthood outcomes are expected. */
export const PFA_FROM_YEAR = 9;

const PROVISION_FOR: Readonly<Record<NeedSection, readonly ProvisionSection[]>> = {
  B: ['F'],
  C: ['G'],
  D: ['H1', 'H2'],
};
const NEED_SECTION_NAME: Readonly<Record<NeedSection, string>> = {
  B: 'special educational need',
  C: 'health care need',
  D: 'social care need',
};

function sectionHasContent(plan: Plan, section: Section): boolean {
  switch (section) {
    case 'A':
      return plan.aspirations.some((a) => a.text.trim() !== '');
    case 'B':
    case 'C':
    case 'D':
      return plan.needs.some((n) => n.section === section);
    case 'E':
      return plan.outcomes.length > 0;
    case 'F':
    case 'G':
    case 'H1':
    case 'H2':
      return plan.provision.some((p) => p.section === section);
    case 'I':
      return plan.placement !== null;
    case 'J':
      return plan.personalBudget.requested || plan.personalBudget.directPayments.length > 0;
    case 'K':
      return plan.advice.length > 0;
  }
}

const quote = (text: string, max = 60) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
};

/** Runs every golden-thread check (and, by default, the specificity checks) on a plan. */
export function checkPlan(plan: Plan, options: CheckOptions): PlanCheck {
  const findings: PlanFinding[] = [];
  const add = (f: PlanFinding) => findings.push(f);
  const err = (section: Section, itemId: string | null, code: ThreadCode, message: string) =>
    add({ code, severity: 'error', section, itemId, message });
  const warn = (section: Section, itemId: string | null, code: ThreadCode, message: string) =>
    add({ code, severity: 'warning', section, itemId, message });

  // Ids must be unique across the plan: links are by id.
  const seen = new Map<string, Section>();
  const ids: { id: string; section: Section }[] = [
    ...plan.aspirations.map((a) => ({ id: a.id, section: 'A' as const })),
    ...plan.needs.map((n) => ({ id: n.id, section: n.section })),
    ...plan.outcomes.map((o) => ({ id: o.id, section: 'E' as const })),
    ...plan.provision.map((p) => ({ id: p.id, section: p.section })),
    ...plan.personalBudget.directPayments.map((d) => ({ id: d.id, section: 'J' as const })),
    ...plan.advice.map((a) => ({ id: a.id, section: 'K' as const })),
  ];
  for (const { id, section } of ids) {
    const first = seen.get(id);
    if (first !== undefined) {
      err(
        section,
        id,
        'duplicate-id',
        `The id "${id}" is used twice (sections ${first} and ${section}). Links between needs, outcomes and provision go by id, so each item needs its own.`,
      );
    } else seen.set(id, section);
  }

  const needs = new Map<string, Need>(plan.needs.map((n) => [n.id, n]));
  const outcomeIds = new Set(plan.outcomes.map((o) => o.id));
  const adviceIds = new Set(plan.advice.map((a) => a.id));

  // A, B, E, F, K must have content; C, D, G, H1, H2 and J may rightly be empty; I is checked below.
  const required: Readonly<Partial<Record<Section, string>>> = {
    A: "Section A is empty. Record the child's and family's views, interests and aspirations, in their own words where possible: the rest of the plan should lead towards them.",
    B: 'Section B is empty. An EHC plan must set out all of the special educational needs; without them there is nothing for provision in F to meet.',
    E: 'Section E has no outcomes. Outcomes say what difference the provision will make; every provision must serve at least one.',
    F: 'Section F is empty. Every special educational need in B must have special educational provision in F.',
    K: 'Section K lists no advice. Every piece of advice and information gathered during the assessment must be appended.',
  };
  for (const [section, message] of Object.entries(required) as [Section, string][]) {
    if (!sectionHasContent(plan, section)) err(section, null, 'section-empty', message);
  }

  // Needs -> provision in the matching section.
  for (const need of plan.needs) {
    const sections = PROVISION_FOR[need.section];
    const met = plan.provision.some((p) => sections.includes(p.section) && p.needIds.includes(need.id));
    if (!met) {
      err(
        need.section,
        need.id,
        'need-without-provision',
        `The ${NEED_SECTION_NAME[need.section]} ${quote(need.text)} has no provision in section ${sections.join(' or ')}. Every need must be met by provision in its matching section; add provision or link an existing item to this need.`,
      );
    }
  }

  // Provision -> needs, outcomes, source.
  for (const p of plan.provision) {
    if (p.needIds.length === 0) {
      err(
        p.section,
        p.id,
        'provision-without-need',
        `Provision ${quote(p.what)} meets no need. Link it to the need(s) in ${p.section === 'F' ? 'B' : p.section === 'G' ? 'C' : 'D'} it meets, or remove it: provision without a need breaks the golden thread.`,
      );
    }
    for (const needId of p.needIds) {
      const need = needs.get(needId);
      if (need === undefined) {
        err(
          p.section,
          p.id,
          'provision-unknown-need',
          `Provision ${quote(p.what)} links to need "${needId}", which is not in the plan. Link it to an existing need or add the need.`,
        );
      } else if (!PROVISION_FOR[need.section].includes(p.section)) {
        err(
          p.section,
          p.id,
          'provision-need-wrong-section',
          `Provision in section ${p.section} links to a ${NEED_SECTION_NAME[need.section]} in section ${need.section} (${quote(need.text, 40)}). Needs in ${need.section} are met by provision in ${PROVISION_FOR[need.section].join(' or ')}: move the provision, or record the need in the right section (for example, speech and language therapy that educates is special educational provision, so its need belongs in B and the provision in F).`,
        );
      }
    }
    if (p.outcomeIds.length === 0) {
      err(
        p.section,
        p.id,
        'provision-without-outcome',
        `Provision ${quote(p.what)} serves no outcome. Link it to the outcome(s) in E it contributes to, so everyone can see what difference it should make.`,
      );
    }
    for (const outcomeId of p.outcomeIds) {
      if (!outcomeIds.has(outcomeId)) {
        err(
          p.section,
          p.id,
          'provision-unknown-outcome',
          `Provision ${quote(p.what)} links to outcome "${outcomeId}", which is not in the plan. Link it to an existing outcome or add the outcome.`,
        );
      }
    }
    if (p.source.kind === 'advice' && !adviceIds.has(p.source.adviceId)) {
      err(
        p.section,
        p.id,
        'provision-advice-not-in-k',
        `Provision ${quote(p.what)} cites advice "${p.source.adviceId}", which is not listed in section K. Add the advice to K so readers can see which report recommended this, or correct the citation.`,
      );
    }
    if (p.source.kind === 'authority-decision' && p.source.reason.trim() === '') {
      err(
        p.section,
        p.id,
        'provision-decision-without-reason',
        `Provision ${quote(p.what)} is marked as the authority's own decision but gives no reason. Record why the authority decided it, or cite the advice that recommended it.`,
      );
    }
  }

  // Outcomes -> needs; outcomes served by provision.
  for (const o of plan.outcomes) {
    if (o.needIds.length === 0) {
      err(
        'E',
        o.id,
        'outcome-without-need',
        `Outcome ${quote(o.text)} is not linked to any need. Every outcome should follow from a need in B, C or D; link it, or reconsider whether it belongs in the plan.`,
      );
    }
    for (const needId of o.needIds) {
      if (!needs.has(needId)) {
        err(
          'E',
          o.id,
          'outcome-unknown-need',
          `Outcome ${quote(o.text)} links to need "${needId}", which is not in the plan. Link it to an existing need or add the need.`,
        );
      }
    }
    if (!plan.provision.some((p) => p.outcomeIds.includes(o.id))) {
      warn(
        'E',
        o.id,
        'outcome-without-provision',
        `No provision serves outcome ${quote(o.text)}. Without provision the outcome is unlikely to be achieved: link the provision that works towards it, or add some.`,
      );
    }
  }

  // K complete; advice in K used.
  const inK = new Set(plan.advice.map((a) => a.id));
  for (const advice of options.receivedAdvice) {
    if (!inK.has(advice.id)) {
      err(
        'K',
        advice.id,
        'advice-missing-from-k',
        `Advice received on ${advice.received} from the ${advice.authorRole} (${advice.agency}) is not listed in section K. Every piece of advice gathered in the assessment must be appended, and its recommendations considered in the plan.`,
      );
    }
  }
  for (const advice of plan.advice) {
    const cited = plan.provision.some((p) => p.source.kind === 'advice' && p.source.adviceId === advice.id);
    if (!cited) {
      warn(
        'K',
        advice.id,
        'advice-not-used',
        `No provision cites the advice from the ${advice.authorRole} (${advice.agency}). Check that its recommendations are reflected in the plan: inspectors often find health and care advice missing from final plans.`,
      );
    }
  }

  // I: blank on a draft, named on a final or amended plan.
  if (plan.status === 'draft' && plan.placement !== null) {
    err(
      'I',
      null,
      'placement-named-on-draft',
      `Section I names ${quote(plan.placement.name)} on a draft. The draft must leave section I blank so that the family can first say which school or college they would like; name the setting in the final plan.`,
    );
  }
  if (plan.status !== 'draft' && (plan.placement === null || plan.placement.name.trim() === '')) {
    err(
      'I',
      null,
      'placement-missing',
      'Section I is blank on a final plan. A final or amended plan must name the school or other institution (or the type of placement); choose the setting from the register.',
    );
  }

  // E: shape of the outcomes.
  if (plan.yearGroup >= PFA_FROM_YEAR && !plan.outcomes.some((o) => o.preparationForAdulthood !== null)) {
    warn(
      'E',
      null,
      'pfa-outcome-missing',
      `The child is in year ${plan.yearGroup}: from year 9 the plan must prepare for adulthood. Add at least one outcome for employment, independent living, community inclusion or health, and mark its preparation-for-adulthood area.`,
    );
  }
  const n = plan.outcomes.length;
  if (n > 0 && (n < OUTCOME_RANGE.min || n > OUTCOME_RANGE.max)) {
    warn(
      'E',
      null,
      'outcome-count',
      `The plan has ${n} outcome${n === 1 ? '' : 's'}; plans typically have ${OUTCOME_RANGE.min} to ${OUTCOME_RANGE.max}. ${n < OUTCOME_RANGE.min ? 'Check that every area of need has an outcome.' : 'Too many outcomes dilute the plan: combine short-term targets into outcomes for the end of a phase.'}`,
    );
  }

  // J: direct payments link to things in the plan.
  const provisionIds = new Set(plan.provision.map((p) => p.id));
  for (const dp of plan.personalBudget.directPayments) {
    const unknown = [
      ...dp.provisionIds.filter((id) => !provisionIds.has(id)),
      ...dp.needIds.filter((id) => !needs.has(id)),
      ...dp.outcomeIds.filter((id) => !outcomeIds.has(id)),
    ];
    if (unknown.length > 0) {
      err(
        'J',
        dp.id,
        'direct-payment-unknown-link',
        `The direct payment ${quote(dp.description)} links to ${unknown.map((u) => `"${u}"`).join(', ')}, not in the plan. Section J must say which needs, outcomes and provision a direct payment secures: correct the links.`,
      );
    }
  }

  if (options.specificity ?? true) specificityFindings(plan).forEach(add);

  const order = new Map(SECTIONS.map((s, i) => [s, i]));
  findings.sort((a, b) => order.get(a.section)! - order.get(b.section)!);
  const sections = SECTIONS.map((section): SectionTask => {
    const own = findings.filter((f) => f.section === section);
    const status: SectionStatus = own.some((f) => f.severity === 'error')
      ? 'has-errors'
      : own.length > 0
        ? 'has-warnings'
        : sectionHasContent(plan, section)
          ? 'complete'
          : 'empty';
    return { section, status, findings: own };
  });
  return {
    sections,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

const FIELD_MESSAGES = {
  amount: 'how much each time (minutes, hours or sessions)',
  frequency: 'how often (per day, week, half-term, term or year)',
  deliverer: 'who delivers it (role)',
  qualification: "the deliverer's qualification or training",
  grouping: 'the grouping (1:1, a group of N, or whole class)',
  where: 'where it happens',
  oversight: 'who monitors or oversees it',
  review: 'how progress is reviewed',
} as const;

function missingFields(p: Provision): (keyof typeof FIELD_MESSAGES)[] {
  const missing: (keyof typeof FIELD_MESSAGES)[] = [];
  if (p.amount === null) missing.push('amount');
  if (p.frequency === null) missing.push('frequency');
  if (p.deliverer === null || p.deliverer.role.trim() === '') missing.push('deliverer');
  else if (p.deliverer.qualification.trim() === '') missing.push('qualification');
  if (p.grouping === null) missing.push('grouping');
  if (p.where.trim() === '') missing.push('where');
  if (p.oversight.trim() === '') missing.push('oversight');
  if (p.review.trim() === '') missing.push('review');
  return missing;
}

/**
 * Specificity of a structured plan, as warnings: for provision, the structured fields a complete item states
 * (domain document, "Provision must be specific") and vague wording in its `what`; for outcomes, the text checks,
 * with the structured timescale and success measure counting as a timescale and a measure.
 */
function specificityFindings(plan: Plan): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const p of plan.provision) {
    const missing = missingFields(p);
    if (missing.length > 0) {
      out.push({
        code: 'provision-field-missing',
        severity: 'warning',
        section: p.section,
        itemId: p.id,
        message: `Provision ${quote(p.what)} does not state ${missing.map((m) => FIELD_MESSAGES[m]).join(', ')}. Provision must be detailed, specific and normally quantified, so that everyone knows what the child will receive.`,
      });
    }
    const complete =
      !missing.includes('amount') && !missing.includes('frequency') && !missing.includes('deliverer');
    for (const f of vagueWording(p.what, 'provision', complete)) {
      out.push({ ...f, severity: 'warning', section: p.section, itemId: p.id });
    }
  }
  for (const o of plan.outcomes) {
    const hasTimescale = o.timescale.text.trim() !== '' || o.timescale.by !== null;
    const hasMeasure = o.successMeasure.trim() !== '' && hasMeasurableChange(o.successMeasure);
    for (const f of checkOutcomeText(o.text).findings) {
      if (f.code === 'outcome-no-timescale' && hasTimescale) continue;
      if (f.code === 'outcome-not-measurable' && hasMeasure) continue;
      out.push({ ...f, severity: 'warning', section: 'E', itemId: o.id });
    }
  }
  return out;
}
