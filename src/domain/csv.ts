/**
 * CSV text, the one writer and reader for every CSV the service makes or reads (RFC 4180, no library: the domain does
 * no I/O). Every cell written is neutralised against spreadsheet formulas (OWASP "CSV injection"): a cell that a
 * spreadsheet would read as a formula, starting =, +, -, @, tab or carriage return, gets a leading apostrophe, so it
 * shows as the text it is. Readers undo it with `restoreCell`, so writing then reading gives back the same text.
 */

/** A cell a spreadsheet would take as a formula, after any apostrophes neutralising added (so it can be undone). */
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * The cell with a leading apostrophe when a spreadsheet would read it as a formula. A cell that already starts with
 * apostrophes before such a character gets one more, so `restoreCell` gives back exactly what was written.
 */
export function neutraliseCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCell`. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value;
}

/**
 * One cell as written: neutralised, then quoted when it holds a comma, a quote or a line break, or starts or ends with
 * a space (which some readers trim), with inner quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line (no line break). */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which spreadsheet programs need to show non-ASCII text. Default false. */
  readonly bom?: boolean;
}

/** A CSV document: lines joined by CRLF, ending with one. */
export function csvDocument(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  return (options.bom ? '\uFEFF' : '') + rows.map((r) => `${csvLine(r)}\r\n`).join('');
}

export interface CsvRecord {
  /** The line number the record starts on (1-based). */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Reads CSV text into records, each with the line it starts on. Accepts CRLF or LF, a byte-order mark, quoted cells
 * with doubled quotes and line breaks; skips blank lines. An unclosed quote is an error.
 */
export function parseCsv(text: string): CsvRecord[] {
  // Fast path, line by line: a line with no quote is its cells split at the commas. The first line with a quote
  // sends the rest of the text through the full reader below.
  const records: CsvRecord[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 1;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
    if (line.includes('"') || line.includes('\r')) break;
    if (line !== '') records.push({ line: lineNo, cells: line.split(',') });
    at = end + 1;
    lineNo++;
  }
  if (at >= text.length) return records;
  return [...records, ...parseQuoted(text.slice(at), lineNo)];
}

/** The full reader: quoted cells, doubled quotes, line breaks inside quotes; lines numbered from `firstLine`. */
function parseQuoted(text: string, firstLine: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = 0;
  let line = firstLine;
  let cells: string[] = [];
  let cell = '';
  let startLine = firstLine;
  let quoted = false;
  let any = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: startLine, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (!any) {
      startLine = line;
      any = true;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // the \n ends the record
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
    } else cell += ch;
  }
  if (quoted) throw new Error(`line ${startLine}: a quoted cell is not closed`);
  if (any) endRecord();
  return records;
}
