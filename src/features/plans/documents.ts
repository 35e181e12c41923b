/**
 * The plan as documents: one list of blocks (headings, paragraphs, list items) built from the document view, then
 * written as Word (docx, with real headings so screen readers can navigate it) and as a tagged PDF (pdfkit, with the
 * document's language and title set). The HTML page renders the same view, so all three hold the same words.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import type { DocumentView } from './routes.ts';
import { longDate } from '../../domain/calendar.ts';

export interface Block {
  kind: 'title' | 'h1' | 'h2' | 'p' | 'li';
  text: string;
}

const none = (what: string): Block => ({ kind: 'p', text: `No ${what} recorded.` });

export function planBlocks(doc: DocumentView, versionNumber: number | null): Block[] {
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

  h(doc.sections[0]!.title);
  if (!doc.aspirations.length) out.push(none('views or aspirations'));
  for (const a of doc.aspirations) li(a.whose ? `${a.text} (${a.whose})` : a.text);

  h(doc.sections[1]!.title);
  if (!doc.needsB.length) out.push(none('special educational needs'));
  for (const g of doc.needsB) {
    out.push({ kind: 'h2', text: g.area });
    for (const n of g.needs) li(n.text);
  }
  h(doc.sections[2]!.title);
  if (!doc.needsC.length) out.push(none('health care needs'));
  for (const n of doc.needsC) li(n.text);
  h(doc.sections[3]!.title);
  if (!doc.needsD.length) out.push(none('social care needs'));
  for (const n of doc.needsD) li(n.text);

  h(doc.sections[4]!.title);
  if (!doc.outcomes.length) out.push(none('outcomes'));
  for (const o of doc.outcomes) {
    out.push({ kind: 'h2', text: o.text });
    if (o.timescale.text) p(`By when: ${o.timescale.text}`);
    if (o.successMeasure) p(`How success will be seen: ${o.successMeasure}`);
    if (o.pfa) p(`Preparing for adulthood: ${o.pfa}`);
    if (o.needs.length) p(`Follows from: ${o.needs.join('; ')}`);
  }

  for (const [i, sec] of (['F', 'G', 'H1', 'H2'] as const).entries()) {
    h(doc.sections[5 + i]!.title);
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

  h(doc.sections[9]!.title);
  p(
    doc.placement
      ? doc.placement.name
      : 'Left blank in the draft plan. The final plan will name the school or setting.',
  );

  h(doc.sections[10]!.title);
  if (!doc.budget.requested && !doc.budget.payments.length) p('No personal budget was requested.');
  else {
    p(`A personal budget was requested${doc.budget.amount ? `: ${doc.budget.amount} a year` : ''}.`);
    for (const d of doc.budget.payments) li(`Direct payment: ${d.description}, ${d.amount} a year`);
  }

  h(doc.sections[11]!.title);
  if (!doc.advice.length) out.push(none('advice'));
  for (const [i, a] of doc.advice.entries())
    li(`Appendix ${i + 1}: ${a.agency}: ${a.authorRole}, received ${a.receivedLong}`);
  for (const [i, a] of doc.advice.entries()) {
    h(`Appendix ${i + 1}: advice from ${a.agency}: ${a.authorRole}`);
    p(`Received ${a.receivedLong}.`);
    for (const para of (a.summary || 'The advice document is held on the case record.').split(/\n{1,}/))
      if (para.trim()) p(para.trim());
  }
  return out;
}

export async function planDocx(doc: DocumentView, versionNumber: number | null): Promise<Buffer> {
  const blocks = planBlocks(doc, versionNumber);
  const children = blocks.map((b) =>
    b.kind === 'title'
      ? new Paragraph({ text: b.text, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT })
      : b.kind === 'h1'
        ? new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 })
        : b.kind === 'h2'
          ? new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })
          : b.kind === 'li'
            ? new Paragraph({ text: b.text, bullet: { level: 0 } })
            : new Paragraph({ text: b.text }),
  );
  const document = new Document({
    title: blocks[0]!.text,
    creator: 'Goldthread',
    description: `EHC plan for ${doc.s.child.reference}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** A tagged PDF (headings and paragraphs as structure elements) in the standard Helvetica fonts. */
export function planPdf(
  doc: DocumentView,
  versionNumber: number | null,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const blocks = planBlocks(doc, versionNumber);
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      compress: options.compress ?? true,
      info: {
        Title: blocks[0]!.text,
        Author: 'Goldthread',
        Subject: `EHC plan for ${doc.s.child.reference}`,
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    const clean = (t: string) =>
      t.replace(
        /[^\u0009\u000A\u000D\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/g,
        '?',
      );
    for (const b of blocks) {
      const style =
        b.kind === 'title'
          ? { font: 'Helvetica-Bold', size: 20, tag: 'H1' as const, gap: 10 }
          : b.kind === 'h1'
            ? { font: 'Helvetica-Bold', size: 15, tag: 'H2' as const, gap: 6 }
            : b.kind === 'h2'
              ? { font: 'Helvetica-Bold', size: 12, tag: 'H3' as const, gap: 4 }
              : { font: 'Helvetica', size: 11, tag: 'P' as const, gap: 4 };
      if (b.kind === 'h1') pdf.moveDown(0.6);
      pdf.font(style.font).fontSize(style.size);
      const text = clean(b.kind === 'li' ? `•  ${b.text}` : b.text);
      root.add(
        pdf.struct(style.tag, {}, [
          () => {
            pdf.text(text, { paragraphGap: style.gap });
          },
        ]),
      );
    }
    root.end();
    pdf.end();
  });
}
