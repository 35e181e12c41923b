/**
 * A report pack for a meeting date and audience: one model (`buildPack`) rendered as an accessible page and as a Word
 * document (`packDocx`), so both always say the same. Packs name accountable officers by job title only.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Status } from '../../domain/improvement/types.ts';
import { STATUSES } from '../../domain/improvement/types.ts';
import type { Flag } from '../../domain/improvement/flags.ts';
import { formatDate } from '../../platform/web/views.ts';
import {
  AUDIENCE_TEXT,
  changesBetween,
  EVIDENCE_KIND_TEXT,
  flagged,
  KIND_TEXT,
  lastReportBefore,
  overview,
  ownersText,
  STATUS_TEXT,
} from './compute.ts';
import type { PlanData, ReportData } from './store.ts';

export interface PackEvidence {
  ref: string;
  date: string;
  kind: string;
  description: string;
}

export function buildPack(data: PlanData, report: ReportData) {
  const asOf = report.meetingDate;
  const previous =
    lastReportBefore(data.reports, asOf, report.audience) ?? lastReportBefore(data.reports, asOf);
  const since = previous?.meetingDate ?? null;
  const summary = overview(data, asOf);
  const flags = flagged(data, asOf);
  const changes = changesBetween(data, since, asOf);
  const evidence: PackEvidence[] = changes.flatMap((c) =>
    c.updates.flatMap((u) =>
      u.evidence.map((e) => ({
        ref: c.action.ref,
        date: u.date,
        kind: EVIDENCE_KIND_TEXT[e.kind],
        description: e.description,
      })),
    ),
  );
  return {
    title: `${data.plan.title}: report to the ${AUDIENCE_TEXT[report.audience].toLowerCase()}`,
    planTitle: data.plan.title,
    kind: KIND_TEXT[data.plan.kind],
    audience: report.audience,
    audienceText: AUDIENCE_TEXT[report.audience],
    meetingDate: asOf,
    previous,
    summary,
    flags,
    changes: changes.map((c) => ({
      ref: c.action.ref,
      action: c.action.action,
      id: c.action.id,
      owners: ownersText(c.action),
      from: c.from,
      to: c.to,
      fromText: STATUS_TEXT[c.from],
      toText: STATUS_TEXT[c.to],
      updates: c.updates.length,
      evidence: c.evidence,
      latest: c.updates.at(-1)?.body ?? '',
    })),
    evidence,
  };
}

export type Pack = ReturnType<typeof buildPack>;

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ text });

/** The pack as a Word document (.docx), with real headings and header rows so screen readers can navigate it. */
export async function packDocx(pack: Pack): Promise<Buffer> {
  const statusRow = (counts: Record<Status, number> & { total: number }) =>
    STATUSES.map((s) => String(counts[s]));
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: pack.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
    para(`${pack.kind}. Meeting on ${formatDate(pack.meetingDate)}.`),
    para(
      pack.previous
        ? `Changes are since the last report, for the meeting on ${formatDate(pack.previous.meetingDate)}.`
        : 'This is the first report: changes cover every update so far.',
    ),
    heading('Progress', HeadingLevel.HEADING_1),
    para(
      `${pack.summary.totals.complete} of ${pack.summary.totals.total} actions are complete. ` +
        `${pack.summary.onTime.onTime} of ${pack.summary.onTime.due} actions due by this meeting were complete on time ` +
        `(${pack.summary.onTime.percent}%).`,
    ),
    table(
      ['Area', ...STATUSES.map((s) => STATUS_TEXT[s]), 'Total'],
      [
        ...pack.summary.areas.map((a) => [
          a.area ? `${a.area.key}. ${a.area.title}` : 'No area',
          ...statusRow(a.counts),
          String(a.counts.total),
        ]),
        ['All areas', ...statusRow(pack.summary.totals), String(pack.summary.totals.total)],
      ],
    ),
    heading('Actions that need attention', HeadingLevel.HEADING_1),
  ];
  for (const group of pack.flags.groups) {
    children.push(heading(`${group.text} (${group.rows.length})`, HeadingLevel.HEADING_2));
    if (group.rows.length === 0) {
      children.push(para('None.'));
      continue;
    }
    children.push(
      table(
        ['Ref', 'Action', 'Accountable officers', 'End', 'Status'],
        group.rows.map((r) => [
          r.action.ref,
          r.action.action,
          ownersText(r.action),
          r.action.endText,
          STATUS_TEXT[r.status],
        ]),
      ),
    );
  }
  children.push(heading('What changed since the last report', HeadingLevel.HEADING_1));
  if (pack.changes.length === 0) children.push(para('No actions were updated.'));
  else {
    children.push(
      table(
        ['Ref', 'Action', 'Status before', 'Status now', 'Latest update'],
        pack.changes.map((c) => [c.ref, c.action, c.fromText, c.toText, c.latest]),
      ),
    );
  }
  children.push(heading('Evidence received', HeadingLevel.HEADING_1));
  if (pack.evidence.length === 0) children.push(para('No new evidence.'));
  else {
    children.push(
      table(
        ['Ref', 'Date', 'Kind', 'Evidence'],
        pack.evidence.map((e) => [e.ref, formatDate(e.date), e.kind, e.description]),
      ),
    );
  }
  const doc = new Document({
    title: pack.title,
    creator: 'Goldthread',
    description: `Report pack for ${pack.audienceText}, ${pack.meetingDate}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export type { Flag };
