/**
 * What a reader would trip over on a page, beyond axe: words glued together where a template lost a space, staff codes
 * shown to a family, and a page or table wider than the screen it is read on (issue 18).
 */
import type { Page } from 'playwright-core';

/** Words run together: "MahmoodGT-001284", "assessSEND", "demo.example.When", "2026working", "by online". */
export const GLUED: readonly (readonly [RegExp, string])[] = [
  [/[a-z][A-Z]{2,}/, 'a word glued to a capitalised code or acronym'],
  [/[a-z]{3,}[A-Z][a-z]{2,}/, 'two words glued together'],
  [/[a-z]{2,}[.,;:][A-Z][a-z]/, 'a sentence glued to the next'],
  [/\b(?:19|20)\d\d[A-Za-z]{2,}/, 'a year glued to a word'],
  [/[a-z]\([A-Za-z]/, 'a word glued to a bracket'],
  [/\bby online\b|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/, 'a placeholder or broken phrase'],
];

/**
 * Codes a family should not meet: the DfE's four-letter ethnicity codes, unique reference numbers of schools,
 * "dual-registered", need codes and raw ISO dates.
 */
export const STAFF_CODES: readonly (readonly [RegExp, string])[] = [
  [
    /\b(?:WBRI|WIRI|WIRT|WROM|WOTH|MWBC|MWBA|MWAS|MOTH|AIND|APKN|ABAN|AOTH|BCRB|BAFR|BOTH|CHNE|OOTH|REFU|NOBT)\b/,
    'a DfE ethnicity code',
  ],
  [/\bURN\b/, "a school's unique reference number"],
  [/\bdual-registered\b/i, '"dual-registered"'],
  [/\b(?:SpLD|MLD|SLD|PMLD|SEMH|SLCN|HI|VI|MSI|PD|ASD)\b/, 'a need code'],
  [/\b\d{4}-\d{2}-\d{2}\b/, 'a date as the computer writes it'],
];

export interface Readability {
  /** The page's own width against the window's, and each table's against its page. */
  readonly wide: string[];
  readonly text: string;
}

/** Runs in the page (a string: the project's type check has no DOM library). */
const READ_SCRIPT = `(() => {
  const wide = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) wide.push('the page is ' + doc.scrollWidth + 'px wide in ' + doc.clientWidth + 'px');
  const main = document.querySelector('main');
  const container = main ? main.getBoundingClientRect() : null;
  for (const table of document.querySelectorAll('main table')) {
    const width = table.getBoundingClientRect().width;
    if (container && width > container.width + 1) {
      const caption = (table.querySelector('caption') || table.querySelector('th') || { textContent: '' }).textContent.trim();
      wide.push('the table "' + caption + '" is ' + Math.round(width) + 'px wide in ' + Math.round(container.width) + 'px');
    }
  }
  return { wide, text: (main || document.body).innerText };
})()`;

function read(page: Page): Promise<Readability> {
  return page.evaluate<Readability>(READ_SCRIPT);
}

/** Names that are written as one word with a capital inside. */
const PROPER_WORDS =
  /\b(?:VoiceOver|OpenDocument|JavaScript|PowerPoint|YouTube|WhatsApp|LinkedIn|iPhone|iPad|OpenID|McDonald|MacDonald|DeSouza)\b/g;

/** Every problem on the page now, each with the words around it; an empty list when it reads well. */
export async function readingProblems(page: Page, options: { family?: boolean } = {}): Promise<string[]> {
  const { wide, text } = await read(page);
  const problems = [...wide];
  const rules = options.family ? [...GLUED, ...STAFF_CODES] : GLUED;
  for (const line of text
    .replace(PROPER_WORDS, 'Word')
    .replace(/\bhttps?:\/\/\S+/g, 'address')
    .split('\n')) {
    for (const [pattern, what] of rules) {
      const match = pattern.exec(line);
      if (match) {
        const start = Math.max(0, match.index - 30);
        problems.push(`${what}: "…${line.slice(start, match.index + match[0].length + 30)}…"`);
      }
    }
  }
  return problems;
}
