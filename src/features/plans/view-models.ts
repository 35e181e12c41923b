/**
 * The plan pages' view models: pure functions from what the service returns to what the templates show (the list,
 * the editor's task list and sections, an item's form and its choices, the versions' choices, the comparison, a
 * comment's part). No I/O, so the handlers in ./routes/ stay parse, call the service, render.
 */
import { longDate, yearGroupName } from '../../domain/calendar.ts';
import { PFA_FROM_YEAR } from '../../domain/plan-quality/golden-thread.ts';
import { AREAS_OF_NEED, PFA_AREAS, SECTIONS, type Section } from '../../domain/plan-quality/model.ts';
import { personalBudgetInformation } from '../../domain/personal-budget/index.ts';
import { wordDiff } from '../../domain/word-diff.ts';
import type { PlanBudget } from '../personal-budgets/index.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { selectItems } from '../../platform/web/items.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  amountText,
  AREA_LABELS,
  clauses,
  compareVersions,
  frequencyText,
  groupingText,
  PFA_LABELS,
  planLines,
  poundsText,
  SECTION_EXPLANATIONS,
  SECTION_TITLES,
  sourceText,
  outcomeTimescale,
  timescaleOf,
  type SectionLines,
} from './describe.ts';
import { budgetDecisionLines } from './documents.ts';
import type { editorView, listPlans, listVersions } from './read.ts';
import type { Snapshot } from './snapshot.ts';

const PLAN_STATUSES = ['draft', 'final', 'amended'] as const;
type PlanStatus = (typeof PLAN_STATUSES)[number];

export const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  complete: { text: 'Complete', classes: 'govuk-tag--green' },
  'has-errors': { text: 'Errors to fix', classes: 'govuk-tag--red' },
  'has-warnings': { text: 'Check warnings', classes: 'govuk-tag--yellow' },
  empty: { text: 'Nothing added', classes: 'govuk-tag--grey' },
};

/** An EHC plan's status, as its latest issued version left it (not a child's plan status: the children feature's). */
export const PLAN_VERSION_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  final: 'Final',
  amended: 'Amended',
};

// ---- The draft's preview (issue 18) ----

/** The family's page for a draft (plans/shared.njk), drawn from the working plan before it is shared. */
export function previewModel(
  preview: {
    record: { id: string; given_name: string; preferred_name: string | null };
    snapshot: Snapshot;
    latest: { number: number; kind: 'draft'; issued_on: string };
    period: { to: string } | null;
  },
  budget: PlanBudget | null,
) {
  return {
    preview: true,
    pageTitle: `Draft education, health and care (EHC) plan for ${preview.record.preferred_name || preview.record.given_name}`,
    backLink: paths.plans.plan(preview.record.id),
    view: {
      record: preview.record,
      latest: preview.latest,
      comments: [],
      canComment: false,
      proposal: false,
    },
    doc: documentView(preview.snapshot, budget),
    periodEnd: preview.period ? longDate(preview.period.to) : null,
    periodOpen: true,
    values: {},
  };
}

// ---- The document ----

/**
 * The document's view model: every section's items in words, from a snapshot. Section J is the personal budget
 * decision as it stood on the version's day when there is one (`budget`, from the personal-budgets feature); the
 * amounts typed into the plan are shown only when no personal budget was asked for through it.
 */
export function documentView(s: Snapshot, budget: PlanBudget | null = null) {
  const p = s.plan;
  const needText = clauses(p.needs);
  const outcomeText = clauses(p.outcomes);
  return {
    s,
    sections: SECTIONS.map((section) => ({
      section,
      title: SECTION_TITLES[section],
      explanation: SECTION_EXPLANATIONS[section],
    })),
    aspirations: p.aspirations,
    needsB: AREAS_OF_NEED.map((area) => ({
      area: AREA_LABELS[area],
      needs: p.needs.filter((n) => n.section === 'B' && n.area === area),
    })).filter((g) => g.needs.length),
    needsC: p.needs.filter((n) => n.section === 'C'),
    needsD: p.needs.filter((n) => n.section === 'D'),
    outcomes: p.outcomes.map((o) => ({
      ...o,
      // A version kept before "By when" was read from the outcome's words shows the words' own timescale.
      timescale: { ...o.timescale, text: outcomeTimescale(o) },
      needs: o.needIds.map((id) => needText.get(id) ?? 'a need no longer in the plan'),
      pfa: o.preparationForAdulthood ? PFA_LABELS[o.preparationForAdulthood] : null,
    })),
    provision: Object.fromEntries(
      (['F', 'G', 'H1', 'H2'] as const).map((sec) => [
        sec,
        p.provision
          .filter((x) => x.section === sec)
          .map((x) => ({
            ...x,
            amountText: amountText(x.amount),
            frequencyText: frequencyText(x.frequency),
            groupingText: groupingText(x),
            needs: x.needIds.map((id) => needText.get(id) ?? 'a need no longer in the plan'),
            outcomes: x.outcomeIds.map((id) => outcomeText.get(id) ?? 'an outcome no longer in the plan'),
            source: sourceText(x, p.advice),
          })),
      ]),
    ),
    placement: p.placement,
    budget: {
      // reg 3 of the Personal Budgets Regulations: every draft tells the family about personal budgets
      information: s.plan.status === 'draft' ? personalBudgetInformation() : null,
      decision: budget,
      requested: p.personalBudget.requested,
      amount: poundsText(p.personalBudget.annualAmountPence),
      payments: p.personalBudget.directPayments.map((d) => ({
        ...d,
        amount: poundsText(d.annualAmountPence),
      })),
    },
    budgetLines: budget ? budgetDecisionLines(budget) : [],
    advice: p.advice.map((a) => ({
      ...a,
      receivedLong: longDate(a.received),
      summary: s.adviceSummaries[a.id] ?? '',
    })),
  };
}

export type DocumentView = ReturnType<typeof documentView>;

// ---- The list ----

export interface PlanListFilters {
  status: PlanStatus | undefined;
  q: string | undefined;
  mine: boolean;
  page: number;
}

/** The list's filters from the query string: a known status, a search of at most 100 characters, a page number. */
export function planListFilters(values: Record<string, string>): PlanListFilters {
  const status = (PLAN_STATUSES as readonly string[]).includes(values.status ?? '')
    ? (values.status as PlanStatus)
    : undefined;
  return {
    status,
    q: (values.q ?? '').trim().slice(0, 100) || undefined,
    mine: values.mine === 'yes',
    page: Math.min(100_000, Math.max(1, Number(values.page) || 1)),
  };
}

/** The caseworker's list of plans: rows with their status, the status filter and the pages. */
export function planListModel(
  result: Awaited<ReturnType<typeof listPlans>>,
  filters: PlanListFilters,
  values: Record<string, string>,
  canStart: boolean,
) {
  const { status, q, mine } = filters;
  const link = (n: number) =>
    withQuery(paths.plans.list, { status, q, mine: mine ? 'yes' : undefined, page: n });
  return {
    pageTitle: 'EHC plans',
    canStart,
    values,
    result: {
      ...result,
      rows: result.rows.map((r) => ({ ...r, statusLabel: PLAN_VERSION_STATUS_LABELS[r.status] })),
    },
    statusItems: selectItems(
      PLAN_STATUSES.map((s) => ({ value: s, text: PLAN_VERSION_STATUS_LABELS[s]! })),
      status,
      { any: 'Any' },
    ),
    pagination: govukPagination(result.page, result.pages, link),
  };
}

// ---- The editor ----

type EditorView = Awaited<ReturnType<typeof editorView>>;

/** Each section of the editor: its check's status and findings, and its items as the caseworker reads them. */
export function editorSections(view: EditorView) {
  const { plan, check, items } = view;
  const needText = clauses(plan.needs);
  const outcomeText = clauses(plan.outcomes);
  const provisionById = new Map(plan.provision.map((p) => [p.id, p]));
  const adviceName = new Map(view.advice.map((a) => [a.id, `${a.agency}: ${a.author_role}`]));
  return check.sections.map((task) => ({
    ...task,
    title: SECTION_TITLES[task.section],
    explanation: SECTION_EXPLANATIONS[task.section],
    tag: STATUS_TAGS[task.status],
    errors: task.findings.filter((f) => f.severity === 'error').length,
    warnings: task.findings.filter((f) => f.severity === 'warning').length,
    findings: task.findings.map((f) => ({
      ...f,
      anchor: f.itemId ? `item-${f.itemId}` : `section-${task.section}`,
    })),
    // The findings shown at the section's head: those about no item, or about an item not in this section (each
    // other finding is shown on its item's card). Worked out here: the template's selectattr picked the first item.
    sectionFindings: task.findings.filter(
      (f) => !f.itemId || !items.some((i) => i.section === task.section && i.id === f.itemId),
    ),
    items: items
      .filter((i) => i.section === task.section)
      .map((i) => {
        const prov = provisionById.get(i.id);
        return {
          id: i.id,
          text: i.text,
          area: i.area ? AREA_LABELS[i.area as keyof typeof AREA_LABELS] : null,
          whose: i.whose,
          // An outcome written before its "By when" was read from its words shows the words' own timescale.
          timescale: i.timescale_text || (i.section === 'E' ? timescaleOf(i.text) : null),
          successMeasure: i.success_measure,
          pfa: i.pfa_area ? PFA_LABELS[i.pfa_area as keyof typeof PFA_LABELS] : null,
          needs: (i.need_ids as string[]).map((id) => needText.get(id) ?? id),
          outcomes: (i.outcome_ids as string[]).map((id) => outcomeText.get(id) ?? id),
          howMuch: prov
            ? [amountText(prov.amount), frequencyText(prov.frequency)].filter(Boolean).join(', ')
            : '',
          who: prov?.deliverer
            ? `${prov.deliverer.role}${prov.deliverer.qualification ? ` (${prov.deliverer.qualification})` : ''}`
            : '',
          grouping: prov ? groupingText(prov) : '',
          source: prov
            ? sourceText(prov, plan.advice)
            : i.source_advice_id
              ? `From advice: ${adviceName.get(i.source_advice_id) ?? ''}`
              : null,
          amount: i.section === 'J' ? poundsText(i.annual_amount_pence) : '',
          findings: task.findings.filter((f) => f.itemId === i.id),
        };
      }),
  }));
}

/** The plan editor: the task list of checks, the sections, advice not yet reflected, the budget and the period. */
export function editorModel(
  view: EditorView,
  options: { budget: PlanBudget | null; canAudit: boolean; saved: string | undefined },
) {
  const { plan, record } = view;
  const sections = editorSections(view);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const taskItems = sections.map((s) => ({
    title: { text: s.title },
    href: `#section-${s.section}`,
    ...(s.errors || s.warnings
      ? { hint: { text: `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}` } }
      : {}),
    status: s.status === 'complete' ? { text: 'Complete' } : { tag: s.tag },
  }));
  return {
    pageTitle: `EHC plan: ${record.given_name} ${record.family_name}`,
    budget: options.budget,
    budgetLines: options.budget ? budgetDecisionLines(options.budget) : [],
    backLink: paths.plans.list,
    view,
    record,
    sections,
    taskItems,
    unreflected: view.recommendations
      .filter((r) => r.notPulled > 0)
      .map((r) => ({
        ...r,
        recommendations: r.recommendations.map((rec) => ({
          ...rec,
          // Issue 18: which needs (and outcomes) the item will concern, chosen by the caseworker, the suggestion ticked.
          needItems: rec.choices.needs.map((c) => ({ value: c.id, text: c.text, checked: c.suggested })),
          outcomeItems: rec.choices.outcomes.map((c) => ({
            value: c.id,
            text: c.text,
            checked: c.suggested,
          })),
        })),
      })),
    statusLabel: PLAN_VERSION_STATUS_LABELS[record.status],
    canAudit: options.canAudit,
    pfaPrompt: plan.yearGroup >= PFA_FROM_YEAR && !plan.outcomes.some((o) => o.preparationForAdulthood),
    yearGroup: yearGroupName(plan.yearGroup),
    saved: options.saved,
    periodEnd: view.period ? longDate(view.period.to) : null,
    periodStart: view.period ? longDate(view.period.from) : null,
  };
}

// ---- Versions and their comparison ----

type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** The versions page: every version, and the two chosen to compare (newest two by default). */
export function versionsModel(
  record: unknown,
  versions: readonly VersionRow[],
  choice: { from: string; to: string; backLink: string },
) {
  return {
    pageTitle: 'Versions of the plan',
    backLink: choice.backLink,
    record,
    versions,
    versionItems: (selected: string) =>
      versions.map((v) => ({
        value: v.id,
        text: `Version ${v.number}: ${v.kind}, ${longDate(v.issued_on)}`,
        selected: v.id === selected,
      })),
    from: choice.from,
    to: choice.to,
  };
}

interface ComparedVersion {
  number: number;
  snapshot: Snapshot;
}

/** Two versions side by side, older first; a changed item shows the words that changed (issue 18 item 7). */
export function comparisonModel<V extends ComparedVersion>(a: V, b: V) {
  const [older, newer] = a.number < b.number ? [a, b] : [b, a];
  const compared = compareVersions(planLines(older.snapshot.plan), planLines(newer.snapshot.plan)).map(
    (c) => ({
      ...c,
      title: SECTION_TITLES[c.section],
      explanation: SECTION_EXPLANATIONS[c.section],
      rows: c.rows.map((r) => ({
        ...r,
        words: r.change === 'changed' ? wordDiff(r.left ?? '', r.right ?? '') : null,
      })),
    }),
  );
  return {
    pageTitle: `Compare version ${older.number} with version ${newer.number}`,
    older,
    newer,
    compared,
    totals: {
      added: compared.reduce((n, c) => n + c.added, 0),
      removed: compared.reduce((n, c) => n + c.removed, 0),
      changed: compared.reduce((n, c) => n + c.changed, 0),
    },
  };
}

// ---- A comment on a shared plan ----

/**
 * The family's comment form on one part of a shared draft (issue 18, finding 16): each item of the plan has its own
 * "Comment on this" link (`?part=item:F:<id>`), and the form shows that item in full, never a truncated choice from a
 * list. Null when no part is chosen or the part is not in this version.
 */
export function commentTarget(lines: readonly SectionLines[], part: string | undefined) {
  const chosen = part ? commentPart(part) : undefined;
  if (!chosen) return null;
  const section = lines.find((l) => l.section === chosen.section);
  if (!section) return null;
  if (chosen.itemId === null)
    return { part: `section:${chosen.section}`, title: SECTION_TITLES[chosen.section], itemText: null };
  const item = section.items.find((i) => i.id === chosen.itemId);
  return item
    ? {
        part: `item:${chosen.section}:${item.id}`,
        title: SECTION_TITLES[chosen.section],
        itemText: item.text,
      }
    : null;
}

/** The words of each item of a version, by item id: what a family's own comment was about. */
export function itemTexts(lines: readonly SectionLines[]): Map<string, string> {
  return new Map(lines.flatMap((l) => l.items.map((i) => [i.id, i.text] as const)));
}

/** The part of the plan a comment is about (`section:B` or `item:B:<id>`), or undefined when it names none. */
export function commentPart(part: string): { section: Section; itemId: string | null } | undefined {
  const [kind, section, itemId] = part.split(':');
  if (!section || !SECTIONS.includes(section as Section) || (kind !== 'section' && kind !== 'item'))
    return undefined;
  return { section: section as Section, itemId: kind === 'item' ? (itemId ?? null) : null };
}

/** The sections whose items the item form adds and changes (I and K have their own pages). */
export const EDITABLE_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'J'] as const;
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];
export const isEditable = (s: string): s is EditableSection =>
  (EDITABLE_SECTIONS as readonly string[]).includes(s);

/** The needs, outcomes and provision an item links to, as the form sends them back. */
export interface ItemLinks {
  needIds: string[];
  outcomeIds: string[];
  provisionIds: string[];
}

/**
 * The item form (item.njk) for one section: the kind of item, and every set of choices with the values sent back
 * checked or selected. An item of F links only to needs in B, of G to C, other provision to D; the rest to B, C and D.
 * `words` are the family's own words from the assessment, offered in section A.
 */
export function itemPageModel(
  view: EditorView,
  form: {
    section: EditableSection;
    itemId: string | null;
    values: Record<string, string>;
    selected: ItemLinks;
    errors: FormErrors | undefined;
    provision: boolean;
    words: { source: string; text: string }[];
  },
) {
  const { section, itemId, values, selected, errors, provision, words } = form;
  const plan = view.plan;
  const needSections =
    section === 'F' ? ['B'] : section === 'G' ? ['C'] : provision ? ['D'] : ['B', 'C', 'D'];
  return {
    familyWords: words,
    pageTitle: `${itemId ? 'Change' : 'Add to'} ${SECTION_TITLES[section]}`,
    backLink: `${paths.plans.plan(plan.id)}#section-${section}`,
    record: view.record,
    section,
    kind:
      section === 'A'
        ? 'aspiration'
        : ['B', 'C', 'D'].includes(section)
          ? 'need'
          : section === 'E'
            ? 'outcome'
            : section === 'J'
              ? 'payment'
              : 'provision',
    action: itemId ? paths.plans.item(plan.id, itemId) : paths.plans.newItem(plan.id, section),
    itemId,
    values,
    errors,
    pfaPrompt: plan.yearGroup >= PFA_FROM_YEAR,
    yearGroup: yearGroupName(plan.yearGroup),
    areaItems: AREAS_OF_NEED.map((a) => ({ value: a, text: AREA_LABELS[a], checked: values.area === a })),
    pfaItems: [
      { value: '', text: 'Not a preparing-for-adulthood outcome' },
      ...PFA_AREAS.map((a) => ({ value: a, text: PFA_LABELS[a], selected: values.pfaArea === a })),
    ],
    needItems: plan.needs
      .filter((n) => needSections.includes(n.section))
      .map((n) => ({
        value: n.id,
        text: `${n.section}: ${n.text}`,
        checked: selected.needIds.includes(n.id),
      })),
    outcomeItems: plan.outcomes.map((o) => ({
      value: o.id,
      text: o.text,
      checked: selected.outcomeIds.includes(o.id),
    })),
    provisionItems: plan.provision.map((p) => ({
      value: p.id,
      text: `${p.section}: ${p.what}`,
      checked: selected.provisionIds.includes(p.id),
    })),
    adviceItems: [
      { value: '', text: 'Select the advice' },
      ...view.advice.map((a) => ({
        value: a.id,
        text: `${a.agency}: ${a.author_role} (received ${longDate(a.received)})`,
        selected: values.sourceAdviceId === a.id,
      })),
    ],
    unitItems: [
      { value: '', text: 'Select' },
      ...['minutes', 'hours', 'sessions'].map((u) => ({
        value: u,
        text: u,
        selected: values.amountUnit === u,
      })),
    ],
    perItems: [
      { value: '', text: 'Select' },
      ...[
        ['day', 'a day'],
        ['week', 'a week'],
        ['half-term', 'each half-term'],
        ['term', 'a term'],
        ['year', 'a year'],
      ].map(([v, t]) => ({ value: v, text: t, selected: values.frequencyPer === v })),
    ],
    groupingItems: [
      { value: 'one-to-one', text: 'One to one (1:1)', checked: values.groupingKind === 'one-to-one' },
      { value: 'group', text: 'A group (give the largest size)', checked: values.groupingKind === 'group' },
      { value: 'whole-class', text: 'Whole class', checked: values.groupingKind === 'whole-class' },
    ],
    sourceItems: [
      {
        value: 'advice',
        text: 'Recommended in advice (section K)',
        checked: values.sourceKind === 'advice',
      },
      {
        value: 'authority-decision',
        text: "The council's own decision",
        checked: values.sourceKind === 'authority-decision',
      },
    ],
  };
}

/** An item's stored fields as the item form's values (amounts as plain numbers, pence as pounds). */
export function itemFormValues(i: EditorView['items'][number]) {
  return {
    text: i.text,
    whose: i.whose ?? '',
    area: i.area ?? '',
    timescaleText: i.timescale_text ?? '',
    successMeasure: i.success_measure ?? '',
    pfaArea: i.pfa_area ?? '',
    amountValue: i.amount_value === null ? '' : String(Number(i.amount_value)),
    amountUnit: i.amount_unit ?? '',
    frequencyTimes: i.frequency_times === null ? '' : String(Number(i.frequency_times)),
    frequencyPer: i.frequency_per ?? '',
    delivererRole: i.deliverer_role ?? '',
    delivererQualification: i.deliverer_qualification ?? '',
    groupingKind: i.grouping_kind ?? '',
    groupingSize: i.grouping_size === null ? '' : String(i.grouping_size),
    where: i.where_text ?? '',
    oversight: i.oversight ?? '',
    review: i.review ?? '',
    sourceKind: i.source_kind ?? '',
    sourceAdviceId: i.source_advice_id ?? '',
    sourceReason: i.source_reason ?? '',
    annualAmount: i.annual_amount_pence === null ? '' : (i.annual_amount_pence / 100).toFixed(2),
  };
}
