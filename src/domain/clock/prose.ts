/** Small helpers for the plain-English explanations: dates as people write them, and counted nouns. */
import { formatLong, type DayNumber } from './dates.ts';

/** '16 February 2026'. */
export const long: (d: DayNumber) => string = formatLong;

/** '1 day', '16 days'. */
export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** 'a, b and c'. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
