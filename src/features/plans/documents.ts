/**
 * The plan as documents: one list of blocks (headings, paragraphs, list items) built from the document view, then
 * written as Word and as a tagged PDF by the platform's document writer (src/platform/documents). The HTML page
 * renders the same view, so all three hold the same words.
 */
import type { PlanBudget } from '../personal-budgets/index.ts';
import { blocksDocx, blocksPdf, type Block } from '../../platform/documents/documents.ts';
import type { DocumentView } from './view-models.ts';
import { longDate } from '../../domain/calendar.ts';
import type { PlanDocumentFacts } from './document-facts.ts';

export type { Block };

const none = (what: string): Block => ({ kind: 'p', text: `No ${what} recorded.` });

export function planBlocks(
  doc: DocumentView,
  versionNumber: number | null,
  facts?: PlanDocumentFacts,
): Block[] {
  const s = doc.s;
  const out: Block[] = [
    { kind: 'title', text: `Education, health and care plan: ${s.child.fullName}` },
    {
      kind: 'p',
      text: `Reference ${s.child.reference}. Date of birth ${longDate(s.child.dateOfBirth)}. ${
        versionNumber ? `Version ${versionNumber}` : 'Working copy (not issued)'
      }, ${s.plan.status === 'draft' ? 'draft' : s.plan.status}.${s.writer ? ` Written by ${s.writer}.` : ''}`,
    },
  ];
  const h = (text: string) => out.push({ kind: 'h1', text });
  const p = (text: string) => out.push({ kind: 'p', text });
  const li = (text: string) => out.push({ kind: 'li', text });
  // Each section's legal heading, then what the section is for in plain words (issue 18).
  const section = (s: { title: string; explanation: string }) => {
    h(s.title);
    p(s.explanation);
  };
  // The issue date, the next review, whom to ask (issue 18 item 7).
  for (const line of facts?.about ?? []) p(line);

  section(doc.sections[0]!);
  if (!doc.aspirations.length) out.push(none('views or aspirations'));
  for (const a of doc.aspirations) li(a.whose ? `${a.text} (${a.whose})` : a.text);

  section(doc.sections[1]!);
  if (!doc.needsB.length) out.push(none('special educational needs'));
  for (const g of doc.needsB) {
    out.push({ kind: 'h2', text: g.area });
    for (const n of g.needs) li(n.text);
  }
  section(doc.sections[2]!);
  if (!doc.needsC.length) out.push(none('health care needs'));
  for (const n of doc.needsC) li(n.text);
  section(doc.sections[3]!);
  if (!doc.needsD.length) out.push(none('social care needs'));
  for (const n of doc.needsD) li(n.text);

  section(doc.sections[4]!);
  if (!doc.outcomes.length) out.push(none('outcomes'));
  for (const o of doc.outcomes) {
    out.push({ kind: 'h2', text: o.text });
    if (o.timescale.text) p(`By when: ${o.timescale.text}`);
    if (o.successMeasure) p(`How success will be seen: ${o.successMeasure}`);
    if (o.pfa) p(`Preparing for adulthood: ${o.pfa}`);
    if (o.needs.length) p(`Follows from: ${o.needs.join('; ')}`);
  }

  for (const [i, sec] of (['F', 'G', 'H1', 'H2'] as const).entries()) {
    section(doc.sections[5 + i]!);
    const items = doc.provision[sec] ?? [];
    if (!items.length) out.push(none('provision'));
    for (const x of items) {
      out.push({ kind: 'h2', text: x.what });
      const howMuch = [x.amountText, x.frequencyText].filter(Boolean).join(', ');
      if (howMuch) p(`How much and how often: ${howMuch}`);
      if (x.deliverer?.role)
        p(
          `Who delivers it: ${x.deliverer.role}${x.deliverer.qualification ? ` (${x.deliverer.qualification})` : ''}`,
        );
      if (x.groupingText) p(`Grouping: ${x.groupingText}`);
      if (x.where) p(`Where: ${x.where}`);
      if (x.oversight) p(`Who oversees it: ${x.oversight}`);
      if (x.review) p(`How progress is reviewed: ${x.review}`);
      if (x.needs.length) p(`Meets the needs: ${x.needs.join('; ')}`);
      if (x.outcomes.length) p(`Works towards: ${x.outcomes.join('; ')}`);
      p(`Source: ${x.source}`);
    }
  }

  section(doc.sections[9]!);
  p(
    doc.placement
      ? doc.placement.name
      : 'Left blank in the draft plan. The final plan will name the school or setting.',
  );

  section(doc.sections[10]!);
  if (doc.budget.information) p(doc.budget.information);
  if (doc.budget.decision)
    for (const line of budgetDecisionLines(doc.budget.decision)) (line.item ? li : p)(line.text);
  else if (!doc.budget.requested && !doc.budget.payments.length) p('No personal budget was requested.');
  else {
    p(`A personal budget was requested${doc.budget.amount ? `: ${doc.budget.amount} a year` : ''}.`);
    for (const d of doc.budget.payments) li(`Direct payment: ${d.description}, ${d.amount} a year`);
  }

  section(doc.sections[11]!);
  if (!doc.advice.length) out.push(none('advice'));
  for (const [i, a] of doc.advice.entries())
    li(`Appendix ${i + 1}: ${a.agency}: ${a.authorRole}, received ${a.receivedLong}`);
  for (const [i, a] of doc.advice.entries()) {
    h(`Appendix ${i + 1}: advice from ${a.agency}: ${a.authorRole}`);
    p(`Received ${a.receivedLong}.`);
    for (const para of (a.summary || 'The advice was sent as a document, which is not copied here.').split(
      /\n{1,}/,
    ))
      if (para.trim()) p(para.trim());
  }
  if (doc.advice.length && facts) p(facts.adviceFrom);
  if (facts?.rights) {
    h('If you disagree with this plan');
    for (const g of facts.rights) {
      out.push({ kind: 'h2', text: g.heading });
      for (const para of g.paragraphs) p(para);
    }
  }
  return out;
}

export function planDocx(
  doc: DocumentView,
  versionNumber: number | null,
  facts?: PlanDocumentFacts,
): Promise<Buffer> {
  return blocksDocx(planBlocks(doc, versionNumber, facts), {
    subject: `EHC plan for ${doc.s.child.reference}`,
  });
}

/** A tagged PDF of the plan (the platform's document writer). */
export function planPdf(
  doc: DocumentView,
  versionNumber: number | null,
  options: { compress?: boolean } = {},
  facts?: PlanDocumentFacts,
): Promise<Buffer> {
  return blocksPdf(
    planBlocks(doc, versionNumber, facts),
    { subject: `EHC plan for ${doc.s.child.reference}` },
    options,
  );
}

/**
 * Section J from the personal budget decision (issue 15): what was asked for and when, what was agreed for each
 * element with how it is held, the total, and each direct payment. One list of lines for the page, PDF and Word.
 */
export function budgetDecisionLines(b: PlanBudget): Array<{ text: string; item: boolean }> {
  const lines: Array<{ text: string; item: boolean }> = [];
  const line = (text: string, item = false) => lines.push({ text, item });
  if (b.state === 'waiting') {
    line(
      `A personal budget was asked for on ${longDate(b.requestedOn)}. The council has not yet decided it.`,
    );
    return lines;
  }
  if (b.state === 'refused') {
    line(
      `A personal budget was asked for on ${longDate(b.requestedOn)}. On ${longDate(b.decidedOn!)} the council decided not to agree one; the reasons, and how to ask for a review, were sent to the family.`,
    );
    return lines;
  }
  line(
    `Personal budget agreed on ${longDate(b.decidedOn!)} (asked for on ${longDate(b.requestedOn)}): ${b.total} a year.`,
  );
  for (const e of b.elements) line(`${e.label}: ${e.amount} a year. ${e.arrangement}.`, true);
  for (const d of b.directPayments)
    line(
      `Direct payment for ${d.element.toLowerCase()}: ${d.provision}, ${d.amount} a year from ${longDate(d.startOn)}.`,
      true,
    );
  if (b.partlyRefused)
    line(
      'Part of what was asked for was not agreed; the reasons, and how to ask for a review, were sent to the family.',
    );
  return lines;
}
