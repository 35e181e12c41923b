/** Checking one item's value against its definition (the readers' row checks). */
import { isRealDate } from '../calendar.ts';
import { codeLabel, CODE_LISTS, isCode } from './codes.ts';
import type { ItemDef } from './model.ts';

/** Why a value does not fit its item, or null when it does. Blank fits unless the item is required. */
export function itemProblem(item: ItemDef, value: string): string | null {
  if (value === '') return item.required ? `${item.name} is blank` : null;
  if (item.max !== undefined && value.length > item.max)
    return `${item.name} is longer than ${item.max} characters`;
  const kind = item.kind;
  if (kind === 'date') return isRealDate(value) ? null : `${item.name} "${value}" is not a date (YYYY-MM-DD)`;
  if (kind === 'datetime')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/.test(value)
      ? null
      : `${item.name} "${value}" is not a date and time`;
  if (kind === 'number') return /^\d+$/.test(value) ? null : `${item.name} "${value}" is not a number`;
  if (kind === 'text') return null;
  if (!isCode(kind.code, value)) {
    const codes = Object.keys(CODE_LISTS[kind.code]).join(', ');
    return `${item.name} "${value}" is not one of ${codes}`;
  }
  return null;
}

/** The first problem of a record's items, or null. */
export function recordProblem(
  items: readonly ItemDef[],
  record: Readonly<Record<string, string>>,
): string | null {
  for (const item of items) {
    const problem = itemProblem(item, record[item.key] ?? '');
    if (problem) return problem;
  }
  return null;
}

export { codeLabel };
