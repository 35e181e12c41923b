/**
 * Pure helpers of the plan feature: the words every reader sees for an item (the page, the documents and the
 * comparison all use them), reading the free-text amounts of advice into structured fields, and the side-by-side
 * comparison of two versions. No I/O.
 */
import type {
  Advice,
  AreaOfNeed,
  Frequency,
  Amount,
  Plan,
  PreparationForAdulthoodArea,
  Provision,
  Section,
} from '../../domain/plan-quality/model.ts';
import { SECTIONS } from '../../domain/plan-quality/model.ts';
import { longDate } from '../../domain/calendar.ts';
import { timescaleSpans } from '../../domain/plan-quality/specificity.ts';

export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  A: 'Section A: views, interests and aspirations',
  B: 'Section B: special educational needs',
  C: 'Section C: health care needs',
  D: 'Section D: social care needs',
  E: 'Section E: outcomes',
  F: 'Section F: special educational provision',
  G: 'Section G: health provision',
  H1: 'Section H1: social care provision (Chronically Sick and Disabled Persons Act 1970)',
  H2: 'Section H2: other social care provision',
  I: 'Section I: placement (school or other setting)',
  J: 'Section J: personal budget and direct payments',
  K: 'Section K: advice and information (appendices)',
};

/**
 * What each section of the plan is for, in plain words, shown beside its legal heading wherever the plan is read
 * (issue 18: "Section H1 ... Chronically Sick and Disabled Persons Act 1970" meant nothing to families).
 */
export const SECTION_EXPLANATIONS: Readonly<Record<Section, string>> = {
  A: 'What the child or young person, and their family, say about themselves: what they like, what matters to them and what they hope for.',
  B: 'What makes learning harder for them than for most others of the same age, and why they need extra help.',
  C: 'Health needs that are related to their special educational needs or disability.',
  D: 'Social care needs that are related to their special educational needs or disability.',
  E: 'What everyone is working towards: the difference the help should make, and by when.',
  F: 'The help with learning they must get. The council has a legal duty to make sure it is given.',
  G: 'Health care they should get because of their needs, arranged by the NHS.',
  H1: 'Social care help the council must give a disabled child under 18 by law (the Chronically Sick and Disabled Persons Act 1970, section 2), such as short breaks, help at home or changes to the home.',
  H2: 'Any other social care help they get because of their special educational needs or disability.',
  I: 'The school, college or other place where they will learn.',
  J: 'Whether some of the help is paid for through a personal budget, which the family can have a say in or manage.',
  K: 'The advice and information the plan was written from, attached at the end.',
};

export const AREA_LABELS: Readonly<Record<AreaOfNeed, string>> = {
  'communication-and-interaction': 'Communication and interaction',
  'cognition-and-learning': 'Cognition and learning',
  'social-emotional-mental-health': 'Social, emotional and mental health',
  'sensory-physical': 'Sensory and/or physical',
};

export const PFA_LABELS: Readonly<Record<PreparationForAdulthoodArea, string>> = {
  employment: 'Employment',
  'independent-living': 'Independent living',
  'community-inclusion': 'Friends, relationships and community',
  health: 'Good health',
};

const PER_LABEL: Readonly<Record<Frequency['per'], string>> = {
  day: 'a day',
  week: 'a week',
  'half-term': 'each half-term',
  term: 'a term',
  year: 'a year',
};

export function amountText(a: Amount | null): string {
  if (!a) return '';
  const unit = a.value === 1 ? a.unit.replace(/s$/, '') : a.unit;
  return `${a.value} ${unit}`;
}

export function frequencyText(f: Frequency | null): string {
  if (!f) return '';
  const times = f.times === 1 ? 'once' : f.times === 2 ? 'twice' : `${f.times} times`;
  return `${times} ${PER_LABEL[f.per]}`;
}

export function groupingText(p: Provision): string {
  if (!p.grouping) return '';
  if (p.grouping.kind === 'one-to-one') return 'one to one (1:1)';
  if (p.grouping.kind === 'whole-class') return 'whole class';
  return `a group of no more than ${p.grouping.size}`;
}

export function poundsText(pence: number | null): string {
  if (pence === null) return '';
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** How a piece of advice is named wherever it is cited: "Health: community paediatrician (received 3 March 2026)". */
export function adviceName(a: Pick<Advice, 'agency' | 'authorRole'>): string {
  return `${a.agency}: ${a.authorRole}`;
}

export function sourceText(p: Provision, advice: readonly Advice[]): string {
  if (p.source.kind === 'authority-decision') {
    return `The council's own decision: ${p.source.reason || 'no reason recorded'}`;
  }
  const id = p.source.adviceId;
  const a = advice.find((x) => x.id === id);
  return a
    ? `Recommended in advice from ${adviceName(a)} (section K)`
    : 'Cites advice that is not in section K';
}

/**
 * An item's words as a clause in a list of them ("Follows from: a; b"): without its closing full stop or other
 * end punctuation, so the list never reads "literally.; Non-verbal" (issue 18).
 */
export function clause(text: string): string {
  return text.trim().replace(/[\s.;:,]+$/, '');
}

/** A map from item id to its words as a clause, for the lists of linked needs and outcomes. */
export function clauses(items: readonly { id: string; text: string }[]): Map<string, string> {
  return new Map(items.map((i) => [i.id, clause(i.text)]));
}

/**
 * When an outcome's own words say it should be achieved ("By the end of Key Stage 1, ...", "... within 6 months"),
 * those words, for its "By when" (issue 18: outcomes pulled from advice said "Not given" although the adviser had
 * said when). Null when the words give no timescale: the checks then ask for one.
 */
export function timescaleOf(text: string): string | null {
  const span = timescaleSpans(text)[0];
  if (!span) return null;
  const words = clause(text.slice(span.start, span.end));
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : null;
}

/**
 * An outcome's "By when": its own timescale, or else the one its words give. Versions kept before the words were read
 * (and outcomes pulled in then) have no timescale of their own, so their pages printed "By when: Not given" although
 * the outcome said "By the end of Key Stage 1" (issue 18). Empty when neither gives one.
 */
export function outcomeTimescale(o: {
  readonly text: string;
  readonly timescale: { readonly text: string };
}) {
  return o.timescale.text || timescaleOf(o.text) || '';
}

const LINK_STOP_WORDS = new Set(
  'with that this from have will they their them when than more less into about other each some very also such able being been were what which there where would could should does over under after before times week weeks minutes term terms year years support child children needs need help helps using uses make makes'.split(
    ' ',
  ),
);

/**
 * The words that say what an item is about: 4 letters or more, not common words, each as its stem ("writing" and
 * "write" as "writ"), so "handwriting" and "write" share one.
 */
function keyWords(text: string): string[] {
  return [
    ...new Set(
      (text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
        .filter((w) => !LINK_STOP_WORDS.has(w))
        .map((w) => w.replace(/(?:ing|ed|es|e|s)$/, ''))
        .filter((w) => w.length >= 4),
    ),
  ];
}

/** How many of one item's key words another's share (a stem found inside the other's word counts). */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  return a.filter((x) => b.some((y) => x.includes(y) || y.includes(x))).length;
}

/**
 * Which of the candidate needs (or outcomes) a recommendation pulled from advice concerns, by default (issue 18: it
 * was linked to every need of its advice): those sharing the most words with it; the only candidate when there is
 * one; otherwise none, so the checks ask the caseworker to choose rather than the plan claiming every link.
 */
export function suggestLinks(text: string, candidates: readonly { id: string; text: string }[]): string[] {
  if (!candidates.length) return [];
  const words = keyWords(text);
  const scored = candidates.map((c) => ({ id: c.id, n: sharedWords(words, keyWords(c.text)) }));
  const best = Math.max(...scored.map((s) => s.n));
  if (best > 0) return scored.filter((s) => s.n === best).map((s) => s.id);
  return candidates.length === 1 ? [candidates[0]!.id] : [];
}

/** One line of words per item, section by section: what the comparison and plain-text readers use. */
export interface SectionLines {
  section: Section;
  items: { id: string; text: string }[];
}

export function planLines(plan: Plan): SectionLines[] {
  const needText = clauses(plan.needs);
  const outcomeText = clauses(plan.outcomes);
  const names = (ids: readonly string[], from: Map<string, string>) =>
    ids.map((id) => from.get(id) ?? id).join('; ');
  const lines: SectionLines[] = SECTIONS.map((section) => ({ section, items: [] }));
  const push = (section: Section, id: string, text: string) =>
    lines.find((l) => l.section === section)!.items.push({ id, text });
  for (const a of plan.aspirations) push('A', a.id, a.whose ? `${a.text} (${a.whose})` : a.text);
  for (const n of plan.needs) {
    push(n.section, n.id, n.section === 'B' ? `${AREA_LABELS[n.area]}: ${n.text}` : n.text);
  }
  for (const o of plan.outcomes) {
    const parts = [o.text];
    const byWhen = outcomeTimescale(o);
    if (byWhen) parts.push(`By when: ${byWhen}`);
    if (o.successMeasure) parts.push(`How success will be seen: ${o.successMeasure}`);
    if (o.preparationForAdulthood)
      parts.push(`Preparing for adulthood: ${PFA_LABELS[o.preparationForAdulthood]}`);
    if (o.needIds.length) parts.push(`Follows from: ${names(o.needIds, needText)}`);
    push('E', o.id, parts.join('. '));
  }
  for (const p of plan.provision) push(p.section, p.id, provisionText(p, plan.advice, needText, outcomeText));
  if (plan.placement) push('I', plan.placement.settingId, plan.placement.name);
  const pb = plan.personalBudget;
  if (pb.requested)
    push(
      'J',
      'budget',
      `Personal budget requested: ${poundsText(pb.annualAmountPence) || 'amount not yet set'} a year`,
    );
  for (const d of pb.directPayments)
    push('J', d.id, `${d.description}: ${poundsText(d.annualAmountPence)} a year`);
  for (const a of plan.advice) push('K', a.id, `${adviceName(a)}, received ${longDate(a.received)}`);
  return lines;
}

export function provisionText(
  p: Provision,
  advice: readonly Advice[],
  needText: ReadonlyMap<string, string>,
  outcomeText: ReadonlyMap<string, string>,
): string {
  const parts = [p.what];
  const howMuch = [amountText(p.amount), frequencyText(p.frequency)].filter(Boolean).join(', ');
  if (howMuch) parts.push(`How much: ${howMuch}`);
  if (p.deliverer?.role) {
    parts.push(
      `Who: ${p.deliverer.role}${p.deliverer.qualification ? ` (${p.deliverer.qualification})` : ''}`,
    );
  }
  const g = groupingText(p);
  if (g) parts.push(`Grouping: ${g}`);
  if (p.where) parts.push(`Where: ${p.where}`);
  if (p.oversight) parts.push(`Overseen by: ${p.oversight}`);
  if (p.review) parts.push(`Reviewed: ${p.review}`);
  if (p.needIds.length) parts.push(`Meets: ${p.needIds.map((id) => needText.get(id) ?? id).join('; ')}`);
  if (p.outcomeIds.length)
    parts.push(`Serves: ${p.outcomeIds.map((id) => outcomeText.get(id) ?? id).join('; ')}`);
  parts.push(`Source: ${sourceText(p, advice)}`);
  return parts.join('. ');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading advice's free-text amounts

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  once: 1,
  two: 2,
  twice: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  ten: 10,
};

const numberIn = (s: string): number | null => {
  const digits = /(\d+(?:\.\d+)?)/.exec(s);
  if (digits) return Number(digits[1]);
  for (const [word, n] of Object.entries(NUMBER_WORDS))
    if (new RegExp(`\\b${word}\\b`, 'i').test(s)) return n;
  return null;
};

/**
 * Words that make an adviser's amount or frequency conditional, a range or a limit ("as needed", "up to 30 minutes",
 * "2 to 3 times a week"): no single structured value says the same, so such words are never turned into one (issue
 * 18: "as needed, every school day" became "once a day" in the plan).
 */
const QUALIFIED =
  /\b(as|when|if|where) (needed|required|necessary|appropriate)\b|\bas and when\b|\bup to\b|\bat least\b|\bor (more|less|fewer)\b|\bbetween\b|\bflexib|\bdepend|\bvar(y|ies|iable)\b|\bno more than\b|\bminimum\b|\bmaximum\b|\d\s*(-|–|to|or)\s*\d|\b(one|two|three|four|five|six) (to|or) (two|three|four|five|six|seven|eight|ten)\b/i;

/** Whether these words are a plain amount or frequency a structured field can hold without changing what they say. */
export function isPlainQuantity(text: string): boolean {
  return !QUALIFIED.test(text);
}

/** "30 minutes", "1 hour", "2 sessions" → a structured amount; anything else → null. */
export function parseAmount(text: string): Amount | null {
  if (!isPlainQuantity(text)) return null;
  const t = text.toLowerCase();
  const unit = /\bmin(ute)?s?\b/.test(t)
    ? 'minutes'
    : /\b(hours?|hrs?)\b/.test(t)
      ? 'hours'
      : /\bsessions?\b/.test(t)
        ? 'sessions'
        : null;
  const value = numberIn(t);
  if (!unit || value === null || value <= 0) return null;
  return { value, unit };
}

/** "3 times a week", "weekly", "daily", "twice a term", "each half-term" → a structured frequency; else null. */
export function parseFrequency(text: string): Frequency | null {
  if (!isPlainQuantity(text)) return null;
  const t = text.toLowerCase();
  const per: Frequency['per'] | null = /half[- ]?term/.test(t)
    ? 'half-term'
    : /\b(day|daily)\b/.test(t)
      ? 'day'
      : /\b(week|weekly)\b/.test(t)
        ? 'week'
        : /\b(term|termly)\b/.test(t)
          ? 'term'
          : /\b(year|yearly|annual(ly)?)\b/.test(t)
            ? 'year'
            : null;
  if (!per) return null;
  const times = numberIn(t.replace(/half[- ]?term/, '')) ?? 1;
  return { times, per };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing two versions

export type LineChange = 'same' | 'added' | 'removed';

export interface ComparedSection {
  section: Section;
  /** Rows side by side: left is the older version's line, right the newer's. */
  rows: { change: LineChange | 'changed'; left: string | null; right: string | null }[];
  added: number;
  removed: number;
  changed: number;
}

/**
 * Section by section, items matched by id: an item only in the newer version is added, only in the older removed,
 * in both with different words changed (shown as the old words removed and the new added).
 */
export function compareVersions(
  older: readonly SectionLines[],
  newer: readonly SectionLines[],
): ComparedSection[] {
  return SECTIONS.map((section) => {
    const a = older.find((s) => s.section === section)?.items ?? [];
    const b = newer.find((s) => s.section === section)?.items ?? [];
    const inB = new Map(b.map((i) => [i.id, i]));
    const inA = new Map(a.map((i) => [i.id, i]));
    const rows: ComparedSection['rows'] = [];
    for (const item of a) {
      const other = inB.get(item.id);
      if (!other) rows.push({ change: 'removed', left: item.text, right: null });
      else if (other.text === item.text) rows.push({ change: 'same', left: item.text, right: other.text });
      else rows.push({ change: 'changed', left: item.text, right: other.text });
    }
    for (const item of b) if (!inA.has(item.id)) rows.push({ change: 'added', left: null, right: item.text });
    return {
      section,
      rows,
      added: rows.filter((r) => r.change === 'added').length,
      removed: rows.filter((r) => r.change === 'removed').length,
      changed: rows.filter((r) => r.change === 'changed').length,
    };
  });
}
