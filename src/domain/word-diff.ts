/**
 * Which words changed between two versions of a sentence (issue 18 item 7: a plan's versions compared word by word,
 * not item by item). The longest common subsequence of the two texts' words: the words outside it were removed
 * (older side) or added (newer side). Whitespace is kept with the word after it, so each side reads as it was
 * written. Pure; no dependency.
 */

/** A run of the text: unchanged, or changed (removed on the older side, added on the newer). */
export interface DiffRun {
  readonly text: string;
  readonly changed: boolean;
}

export interface WordDiff {
  /** The older text as runs: the changed runs are the words removed. */
  readonly older: readonly DiffRun[];
  /** The newer text as runs: the changed runs are the words added. */
  readonly newer: readonly DiffRun[];
}

/**
 * Above this many word pairs (after the common start and end are set aside) the table would cost too much: the
 * middles are then marked changed as a whole. Plan items are a few hundred words at most, far below it.
 */
export const MAX_CELLS = 4_000_000;

/** The text as tokens: each word with the whitespace before it ('a  b' → ['a', '  b']). */
function tokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

const word = (t: string) => t.trim();

/** The runs of one side, joining neighbours of the same kind; leading whitespace of a changed run stays unmarked. */
function runs(toks: readonly string[], changed: readonly boolean[]): DiffRun[] {
  const out: DiffRun[] = [];
  const push = (text: string, isChanged: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.changed === isChanged)
      out[out.length - 1] = { text: last.text + text, changed: isChanged };
    else out.push({ text, changed: isChanged });
  };
  toks.forEach((t, i) => {
    if (!changed[i]) return push(t, false);
    const space = /^\s*/.exec(t)![0];
    // A space between two changed words belongs inside the mark; before the first, outside it.
    if (i > 0 && changed[i - 1]) push(t, true);
    else {
      push(space, false);
      push(t.slice(space.length), true);
    }
  });
  return out;
}

export function wordDiff(older: string, newer: string): WordDiff {
  const a = tokens(older);
  const b = tokens(newer);
  let start = 0;
  while (start < a.length && start < b.length && word(a[start]!) === word(b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && word(a[endA - 1]!) === word(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const changedA = a.map(() => false);
  const changedB = b.map(() => false);
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) changedA[i] = true;
    for (let j = start; j < endB; j++) changedB[j] = true;
  } else if (n && m) {
    // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB), in one flat table.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * width + j] =
          word(a[start + i]!) === word(b[start + j]!)
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (word(a[start + i]!) === word(b[start + j]!)) {
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) changedA[start + i++] = true;
      else changedB[start + j++] = true;
    }
    for (; i < n; i++) changedA[start + i] = true;
    for (; j < m; j++) changedB[start + j] = true;
  } else {
    for (let i = start; i < endA; i++) changedA[i] = true;
    for (let j = start; j < endB; j++) changedB[j] = true;
  }
  return { older: runs(a, changedA), newer: runs(b, changedB) };
}
