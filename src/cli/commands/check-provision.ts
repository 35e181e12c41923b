/**
 * `goldthread check-provision [--input FILE]`: the specificity checks as a command (docs/plan-quality.md).
 * Reads `{"items":[{"id":"p1","section":"F","text":"..."}]}` from FILE or standard input and prints
 * `{"items":[{"id":"p1","specific":false,"findings":[{"code":"access-to","message":"...","start":0,"end":9}]}]}`,
 * one result per item in input order, and exits 0. Provision (F, G, H1, H2) and outcomes (E) are checked; items
 * from other sections are accepted and returned with `specific: true` and no findings. On invalid input it prints
 * one line per problem, each naming the field at fault, to standard error and exits 2.
 */
import { UsageError, type Command } from '../command.ts';
import { readJsonInput } from '../json-input.ts';
import { SECTIONS, type Section } from '../../domain/plan-quality/model.ts';
import { checkSpecificity } from '../../domain/plan-quality/specificity.ts';

interface InputItem {
  readonly id: string;
  readonly section: Section;
  readonly text: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates the input document; returns the items or the list of problems, each naming its field. */
export function parseCheckProvisionInput(
  raw: unknown,
): { ok: true; items: InputItem[] } | { ok: false; issues: string[] } {
  if (!isObject(raw)) return { ok: false, issues: ['input: must be a JSON object with an "items" array'] };
  if (!('items' in raw)) return { ok: false, issues: ['items: required (an array of {id, section, text})'] };
  if (!Array.isArray(raw.items))
    return { ok: false, issues: ['items: must be an array of {id, section, text}'] };
  const issues: string[] = [];
  const items: InputItem[] = [];
  const seen = new Map<string, number>();
  raw.items.forEach((item: unknown, i) => {
    const at = `items[${i}]`;
    if (!isObject(item)) {
      issues.push(`${at}: must be an object with id, section and text`);
      return;
    }
    const { id, section, text } = item;
    let ok = true;
    if (typeof id !== 'string' || id === '') {
      issues.push(`${at}.id: must be a non-empty string`);
      ok = false;
    } else if (seen.has(id)) {
      issues.push(`${at}.id: duplicate id "${id}" (also items[${seen.get(id)}].id)`);
      ok = false;
    } else seen.set(id, i);
    if (typeof section !== 'string' || !(SECTIONS as readonly string[]).includes(section)) {
      issues.push(`${at}.section: must be one of ${SECTIONS.join(', ')}`);
      ok = false;
    }
    if (typeof text !== 'string') {
      issues.push(`${at}.text: must be a string`);
      ok = false;
    }
    if (ok) items.push({ id: id as string, section: section as Section, text: text as string });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, items };
}

const command: Command = {
  description:
    'Check provision (F, G, H1, H2) and outcomes (E) for vague wording: goldthread check-provision [--input FILE]',
  async run(args) {
    const raw = await readJsonInput(args, 'check-provision');
    const parsed = parseCheckProvisionInput(raw);
    if (!parsed.ok) throw new UsageError(parsed.issues.join('\n'));
    const items = parsed.items.map((item) => {
      const result = checkSpecificity(item.section, item.text);
      // Provision items also say which kind of provision they were read as (docs/plan-quality.md).
      return result.kind === undefined
        ? { id: item.id, specific: result.specific, findings: result.findings }
        : { id: item.id, specific: result.specific, kind: result.kind, findings: result.findings };
    });
    process.stdout.write(`${JSON.stringify({ items })}\n`);
    return 0;
  },
};
export default command;
