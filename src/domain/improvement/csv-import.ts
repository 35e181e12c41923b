/**
 * Reads an improvement plan from its CSV form into areas, focus areas and milestone actions, reporting every row it
 * cannot accept with the row number a person sees in a spreadsheet (the header is row 1). It never throws on bad
 * input. The rules are in docs/improvement.md.
 */
import { parse } from 'csv-parse/sync';
import { evidenceTypes, normaliseRef, parseDateCell, parseStatus, refNumber, splitOwners } from './cells.ts';
import type { DateCell } from './cells.ts';
import { COLUMNS } from './types.ts';
import type {
  Column,
  ImportNote,
  ImportProblem,
  ParsedPlan,
  PlanAction,
  PlanArea,
  PlanFocusArea,
} from './types.ts';

const REQUIRED: readonly Column[] = ['ref', 'action'];

/** Joins a focus area's distinct overall impact texts. */
export const IMPACT_SEPARATOR = '\n\n';

type Entry = { kind: 'record'; cells: string[] } | { kind: 'error'; message: string };

/** Splits the text into records, keeping csv-parse's errors in place so that row numbers stay right. */
function records(text: string): Entry[] {
  const entries: Entry[] = [];
  parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_record: (record: string[]) => {
      entries.push({ kind: 'record', cells: record });
      return null;
    },
    on_skip: (err) => {
      const reason =
        err?.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : (err?.message ?? '');
      entries.push({ kind: 'error', message: `this row could not be read: ${reason}` });
      return undefined;
    },
  });
  return entries;
}

/** "Focus Area Title", " FOCUS-AREA-TITLE " and "focus_area_title" all name the same column. */
function headerName(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

function tidyKey(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}

/** Parses a plan's CSV text. */
export function parsePlanCsv(text: string): ParsedPlan {
  const problems: ImportProblem[] = [];
  const notes: ImportNote[] = [];
  const areas: PlanArea[] = [];
  const focusAreas: PlanFocusArea[] = [];
  const actions: PlanAction[] = [];
  const result = (): ParsedPlan => ({ areas, focusAreas, actions, problems, notes });

  const entries = records(text);
  const headerIndex = entries.findIndex((e) => e.kind === 'error' || !isBlank(e.cells));
  const header = entries[headerIndex];
  if (header === undefined) {
    problems.push({
      row: 1,
      column: null,
      message: 'the file is empty: it needs a header row naming the columns',
    });
    return result();
  }
  if (header.kind === 'error') {
    problems.push({ row: headerIndex + 1, column: null, message: `the header row could not be read` });
    return result();
  }

  // Which cell holds which column.
  const index = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const name = headerName(cell);
    if (name === '') return;
    const column = COLUMNS.find((c) => c === name);
    if (column === undefined) {
      problems.push({
        row: headerIndex + 1,
        column: null,
        message: `the column "${cell.trim()}" is not one of ${COLUMNS.join(', ')}; it is ignored`,
      });
    } else if (index.has(column)) {
      problems.push({
        row: headerIndex + 1,
        column,
        message: `the column "${column}" appears twice; only the first is read`,
      });
    } else {
      index.set(column, i);
    }
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    for (const column of missing) {
      problems.push({ row: headerIndex + 1, column, message: `the required column "${column}" is missing` });
    }
    problems.push({
      row: headerIndex + 1,
      column: null,
      message: 'no rows were read because required columns are missing',
    });
    return result();
  }

  const areaByKey = new Map<string, PlanArea>();
  const focusByKey = new Map<string, PlanFocusArea>();
  const impactsByFocus = new Map<string, { texts: { text: string; row: number }[]; noted: boolean }>();
  const refRows = new Map<string, number>();
  const width = header.cells.length;

  for (let i = headerIndex + 1; i < entries.length; i++) {
    const entry = entries[i];
    const row = i + 1;
    if (entry === undefined) continue;
    if (entry.kind === 'error') {
      problems.push({ row, column: null, message: entry.message });
      continue;
    }
    const cells = entry.cells;
    if (isBlank(cells)) continue;
    if (cells.length < width || (cells.length > width && !isBlank(cells.slice(width)))) {
      problems.push({
        row,
        column: null,
        message: `this row has ${cells.length} cells but the header has ${width}; check for a missing or stray comma`,
      });
      continue;
    }

    const rowProblems: ImportProblem[] = [];
    const problem = (column: Column | null, message: string) => rowProblems.push({ row, column, message });
    const note = (column: Column, message: string) => notes.push({ row, column, message });
    const get = (column: Column): string => {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };

    const ref = normaliseRef(get('ref'));
    const actionText = get('action');

    // The area: as written, else the number before the dot of a "1.2" focus area, else the reference's number.
    const focusKey = tidyKey(get('focus_area'));
    const areaKey =
      tidyKey(get('area')) ??
      (focusKey === null ? undefined : /^(\d+)\.\d+$/.exec(focusKey)?.[1]) ??
      (ref === null ? null : refNumber(ref));

    const impact = get('overall_impact');
    if (areaKey !== null) {
      const title = get('area_title');
      const known = areaByKey.get(areaKey);
      if (known === undefined) {
        const area = { key: areaKey, title, row };
        areaByKey.set(areaKey, area);
        areas.push(area);
      } else if (known.title === '') {
        known.title = title;
      } else if (title !== '' && !sameText(title, known.title)) {
        note(
          'area_title',
          `area ${areaKey} was given a different title in row ${known.row}; the first title is kept`,
        );
      }
    }
    if (focusKey !== null) {
      const title = get('focus_area_title');
      const key = `${areaKey ?? ''}\u0000${focusKey}`;
      let focus = focusByKey.get(key);
      if (focus === undefined) {
        focus = { area: areaKey, key: focusKey, title, overallImpact: '', row };
        focusByKey.set(key, focus);
        impactsByFocus.set(key, { texts: [], noted: false });
        focusAreas.push(focus);
      } else if (focus.title === '') {
        focus.title = title;
      } else if (title !== '' && !sameText(title, focus.title)) {
        note(
          'focus_area_title',
          `focus area ${focusKey} was given a different title in row ${focus.row}; the first title is kept`,
        );
      }
      // Every distinct overall impact is kept, in row order; the action keeps its own row's text too.
      const impacts = impactsByFocus.get(key);
      if (impacts !== undefined && impact !== '' && !impacts.texts.some((t) => sameText(t.text, impact))) {
        const first = impacts.texts[0];
        impacts.texts.push({ text: impact, row });
        focus.overallImpact = impacts.texts.map((t) => t.text).join(IMPACT_SEPARATOR);
        if (first !== undefined && !impacts.noted) {
          impacts.noted = true;
          note(
            'overall_impact',
            `focus area ${focusKey} was given a different overall impact in row ${first.row}; ` +
              `each action keeps its own row's text and the focus area keeps every different text`,
          );
        }
      }
    }

    if (ref === null && actionText === '') {
      // A heading row: it names an area or focus area and nothing else.
      const heading = ['area', 'area_title', 'focus_area', 'focus_area_title', 'overall_impact'] as const;
      const other = COLUMNS.filter((c) => !(heading as readonly Column[]).includes(c) && get(c) !== '');
      if (other.length > 0) {
        problem(null, `this row has no reference and no action but fills in ${other.join(', ')}`);
      } else if (areaKey === null && focusKey === null) {
        problem(null, 'this row has a title or impact but no area or focus area to attach it to');
      }
      problems.push(...rowProblems);
      continue;
    }
    if (ref === null) problem('ref', 'this action has no reference');
    if (ref !== null && actionText === '') problem('action', `reference ${ref} has no action`);
    if (ref !== null) {
      const first = refRows.get(ref.toUpperCase());
      if (first === undefined) refRows.set(ref.toUpperCase(), row);
      else problem('ref', `reference ${ref} is already used in row ${first}`);
    }

    const statusText = get('status');
    const status = parseStatus(statusText);
    if (status === null) {
      problem(
        'status',
        `"${statusText}" is not a status: use complete, on track, significant risk, high risk, not started ` +
          `(or blue, green, amber, red)`,
      );
    }

    const read = (column: 'start' | 'end'): DateCell => {
      const cell = parseDateCell(get(column), column);
      if (cell.kind === 'unreadable') problem(column, cell.message);
      return cell;
    };
    const startCell = read('start');
    const endCell = read('end');
    const start = startCell.kind === 'date' ? startCell.date : null;
    const end = endCell.kind === 'date' ? endCell.date : null;
    if (start !== null && end !== null && end < start) {
      problem('end', `the end (${end}) is before the start (${start})`);
    }

    problems.push(...rowProblems);
    if (rowProblems.length > 0 || ref === null || status === null) continue;

    const evidence = get('evidence_of_impact');
    actions.push({
      row,
      ref,
      area: areaKey,
      focusArea: focusKey,
      action: actionText,
      owners: splitOwners(get('owner')),
      start,
      end,
      startNote: startCell.kind === 'undated' ? startCell.note : null,
      endNote: endCell.kind === 'undated' ? endCell.note : null,
      ongoing: startCell.ongoing || endCell.ongoing,
      status,
      evidenceOfImpact: evidence,
      evidenceTypes: evidenceTypes(evidence),
      overallImpact: impact,
    });
  }
  return result();
}
