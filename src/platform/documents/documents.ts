/**
 * The service's printable documents (docs/adr/0005-documents.md): one list of blocks (a title, headings, paragraphs,
 * list items) written as Word (docx, with real headings so screen readers can navigate it) and as a tagged PDF
 * (pdfkit, with the document's language and title set). A feature builds the blocks from the same view its HTML page
 * renders, so all three hold the same words. Used by EHC plans and decision notices.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

export interface Block {
  kind: 'title' | 'h1' | 'h2' | 'p' | 'li';
  text: string;
}

export interface DocumentMeta {
  /** The document's subject line (the PDF's Subject, the Word document's description). */
  readonly subject: string;
}

export async function blocksDocx(blocks: readonly Block[], meta: DocumentMeta): Promise<Buffer> {
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
    description: meta.subject,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** A tagged PDF (headings and paragraphs as structure elements) in the standard Helvetica fonts. */
export function blocksPdf(
  blocks: readonly Block[],
  meta: DocumentMeta,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      compress: options.compress ?? true,
      info: { Title: blocks[0]!.text, Author: 'Goldthread', Subject: meta.subject },
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
