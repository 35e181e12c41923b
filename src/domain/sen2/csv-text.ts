/** RFC 4180 CSV text: writing lines and reading them back, with no library (the domain does no I/O). */

/** One CSV line (no line break): a cell is quoted when it holds a comma, a quote or a line break. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
}

/** A CSV document: lines joined by CRLF, ending with one. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${csvLine(r)}\r\n`).join('');
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
