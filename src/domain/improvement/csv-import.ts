/**
 * Reads an improvement plan from its CSV form into areas, focus areas and milestone actions, reporting every row it
 * cannot accept with the row number a person sees in a spreadsheet (the header is row 1). It never throws on bad
 * input. The rules are in docs/improvement.md.
 */
import { parse } from 'csv-parse/sync';
import { restoreCell } from '../csv.ts';
import {
  evidenceTypes,
  normaliseRef,
  parseDateCell,
  readStatus,
  refNumber,
  splitOwners,
  STATUS_LABELS,
} from './cells.ts';
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
      entries.push({ kind: 'record', cells: record.map(restoreCell) });
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

/** A header cell compared by its letters and digits only: "Focus Area Title", "focus_area_title", "Accountabl e Officer". */
function compact(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * The header names real plans use for each column, compared compactly (letters and digits only). The written
 * statement of action in the seeds heads its tables "Ref, Milestone Actions, Accountable Officer, Milestone Start
 * Date, Milestone End Date, RAG, Evidence of Impact, Overall Impact of Focus Area", with variants ("Milestone Action",
 * "Accountable Lead", "Accountabl e Officer" where a word was split, "Overall Impact of Focus").
 */
const HEADER_NAMES: Record<Column, readonly string[]> = {
  area: ['area', 'areaforimprovement', 'areaofimprovement', 'areanumber', 'areano', 'afi', 'areakey'],
  area_title: ['areatitle', 'areaforimprovementtitle', 'areadescription', 'areaname'],
  focus_area: ['focusarea', 'focusareanumber', 'focusareano', 'focusareakey', 'focusarearef'],
  focus_area_title: ['focusareatitle', 'focusareadescription', 'focusareaname'],
  ref: ['ref', 'reference', 'refno', 'refnumber', 'actionref', 'actionreference', 'milestoneref', 'actionno'],
  action: [
    'action',
    'actions',
    'milestoneaction',
    'milestoneactions',
    'milestone',
    'milestones',
    'keyaction',
    'keyactions',
    'actiondescription',
    'whatwewilldo',
  ],
  owner: [
    'owner',
    'owners',
    'accountableofficer',
    'accountableofficers',
    'accountablelead',
    'accountableleads',
    'accountable',
    'lead',
    'leads',
    'leadofficer',
    'responsibleofficer',
    'responsible',
    'responsiblelead',
    'actionowner',
    'actionlead',
  ],
  start: ['start', 'startdate', 'milestonestartdate', 'milestonestart', 'from', 'datefrom', 'begins'],
  end: [
    'end',
    'enddate',
    'milestoneenddate',
    'milestoneend',
    'deadline',
    'due',
    'duedate',
    'by',
    'bywhen',
    'targetdate',
    'completiondate',
    'dateto',
  ],
  status: [
    'status',
    'rag',
    'brag',
    'ragstatus',
    'bragstatus',
    'ragrating',
    'bragrating',
    'progress',
    'progressrag',
    'progressbrag',
    'currentstatus',
  ],
  evidence_of_impact: [
    'evidenceofimpact',
    'evidence',
    'impactevidence',
    'evidenceofprogress',
    'howwewillknow',
    'measuresofsuccess',
    'successmeasures',
  ],
  overall_impact: [
    'overallimpact',
    'overallimpactoffocusarea',
    'overallimpactoffocus',
    'overallintendedimpact',
    'intendedimpact',
    'impact',
  ],
};

const COLUMN_BY_NAME = new Map<string, Column>(
  COLUMNS.flatMap((column) => HEADER_NAMES[column].map((name) => [name, column] as const)),
);

/** Which column a header cell names, or undefined. */
export function headerColumn(cell: string): Column | undefined {
  return COLUMN_BY_NAME.get(compact(cell));
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

  // Which cell holds which column. A column we do not know, or one named twice, is noted and not read.
  const index = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    if (cell.trim() === '') return;
    const column = headerColumn(cell);
    if (column === undefined) {
      notes.push({
        row: headerIndex + 1,
        column: null,
        message: `the column "${cell.trim()}" is not one we know (${COLUMNS.join(', ')}); it is not read`,
      });
    } else if (index.has(column)) {
      notes.push({
        row: headerIndex + 1,
        column,
        message: `the column "${cell.trim()}" is a second ${column} column; only the first is read`,
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
  // Whether the last row that was not blank became an action (or carried one on).
  let lastWasAction = false;
  // The header's width ends at its last named column: trailing blank header cells do not make rows short.
  const width = header.cells.reduce((w, cell, i) => (cell.trim() === '' ? w : i + 1), 0);

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

    const rowProblems: ImportProblem[] = [];
    const problem = (column: Column | null, message: string) => rowProblems.push({ row, column, message });
    const note = (column: Column | null, message: string) => notes.push({ row, column, message });
    const get = (column: Column): string => {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };

    // A short row is read with its missing cells blank; a long one without its extra cells, which are named.
    const extra = cells.slice(width).filter((c) => c.trim() !== '');
    if (cells.length < width) {
      note(
        null,
        `this row has ${cells.length} cells but the header has ${width}; the missing cells at the end are read as blank`,
      );
    } else if (extra.length > 0) {
      note(
        null,
        `this row has ${cells.length} cells but the header has ${width}; the cells past the last column are not read: ` +
          extra.map((c) => `"${c.trim()}"`).join(', '),
      );
    }

    const ref = normaliseRef(get('ref'));
    const actionText = get('action');

    // A row with no reference that only carries on the text of the action above (a cell that ran onto the next
    // row when the plan was turned into a spreadsheet) is joined to that action, as a person reading it would.
    const previous = lastWasAction ? actions.at(-1) : undefined;
    const continuation =
      ref === null &&
      previous !== undefined &&
      (actionText !== '' || get('evidence_of_impact') !== '') &&
      (['owner', 'start', 'end', 'status', 'area_title', 'focus_area_title'] as const).every(
        (c) => get(c) === '',
      ) &&
      (tidyKey(get('focus_area')) ?? previous.focusArea) === previous.focusArea &&
      (tidyKey(get('area')) ?? previous.area) === previous.area;
    if (continuation) {
      const join = (a: string, b: string) => (a === '' ? b : b === '' ? a : `${a} ${b}`);
      previous.action = join(previous.action, actionText);
      previous.evidenceOfImpact = join(previous.evidenceOfImpact, get('evidence_of_impact'));
      previous.evidenceTypes = evidenceTypes(previous.evidenceOfImpact);
      const more = get('overall_impact');
      if (more !== '') {
        const impacts = impactsByFocus.get(`${previous.area ?? ''}\u0000${previous.focusArea ?? ''}`);
        const joined = join(previous.overallImpact, more);
        const entry = impacts?.texts.find((t) => sameText(t.text, previous.overallImpact));
        if (entry !== undefined) entry.text = joined;
        previous.overallImpact = joined;
        const focus = focusByKey.get(`${previous.area ?? ''}\u0000${previous.focusArea ?? ''}`);
        if (focus !== undefined && impacts !== undefined) {
          if (entry === undefined) impacts.texts.push({ text: joined, row });
          focus.overallImpact = impacts.texts.map((t) => t.text).join(IMPACT_SEPARATOR);
        }
      }
      note(
        null,
        `this row has no reference and only carries on the text of the row above; it is joined to reference ` +
          `${previous.ref} (row ${previous.row})`,
      );
      continue;
    }
    lastWasAction = false;

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
    // The only reasons to refuse a row: no reference, or no action. Everything else is kept, with a note.
    if (ref === null) problem('ref', 'this action has no reference');
    if (ref !== null && actionText === '') problem('action', `reference ${ref} has no action`);
    problems.push(...rowProblems);
    if (ref === null || rowProblems.length > 0) continue;

    // A repeated reference is kept apart by a number, so both actions are imported.
    let savedRef = ref;
    const first = refRows.get(ref.toUpperCase());
    if (first !== undefined) {
      for (let n = 2; refRows.has(savedRef.toUpperCase()); n++) savedRef = `${ref} (${n})`;
      note(
        'ref',
        `reference ${ref} is already used in row ${first}; this action is imported as "${savedRef}"`,
      );
    }
    refRows.set(savedRef.toUpperCase(), row);

    const statusText = get('status');
    const reading = readStatus(statusText);
    if (reading.kind === 'read-as') {
      note('status', `"${statusText}" is read as ${STATUS_LABELS[reading.status].toLowerCase()}`);
    } else if (reading.kind === 'unknown') {
      note(
        'status',
        `"${statusText}" is not a status we know (complete, on track, significant risk, high risk, not started, or ` +
          `blue, green, amber, red); the action is imported as not started, as a blank status is, until someone ` +
          `posts an update`,
      );
    }

    // A date that cannot be read is kept as written (as undated text is), and noted.
    const read = (
      column: 'start' | 'end',
    ): { date: string | null; text: string | null; ongoing: boolean } => {
      const cell = parseDateCell(get(column), column);
      if (cell.kind === 'date') return { date: cell.date, text: null, ongoing: cell.ongoing };
      if (cell.kind === 'undated') return { date: null, text: cell.note, ongoing: cell.ongoing };
      note(
        column,
        `${cell.message}; it is kept as written, and the action has no ${column} date until it is corrected`,
      );
      return { date: null, text: get(column), ongoing: cell.ongoing };
    };
    const start = read('start');
    const end = read('end');
    if (start.date !== null && end.date !== null && end.date < start.date) {
      note(
        'end',
        `the end (${end.date}) is before the start (${start.date}); the end is kept as written ("${get('end')}"), ` +
          `not as a date, until it is corrected`,
      );
      end.text = get('end');
      end.date = null;
    }

    const evidence = get('evidence_of_impact');
    actions.push({
      row,
      ref: savedRef,
      area: areaKey,
      focusArea: focusKey,
      action: actionText,
      owners: splitOwners(get('owner')),
      start: start.date,
      end: end.date,
      startNote: start.text,
      endNote: end.text,
      ongoing: start.ongoing || end.ongoing,
      status: reading.status,
      evidenceOfImpact: evidence,
      evidenceTypes: evidenceTypes(evidence),
      overallImpact: impact,
    });
    lastWasAction = true;
  }
  return result();
}
