/**
 * A date the product shows with the rule it comes from: every pure date rule in `rules/` returns these, so the rule
 * text and its source travel with the date to the page, the letter and the export.
 */
import { formatDate, parseDate, type DayNumber } from '../dates.ts';
import type { Assumption } from './assumptions.ts';

export interface RuleDate {
  /** 'YYYY-MM-DD'. */
  readonly date: string;
  /** The rule in plain English, as the product shows it next to the date. */
  readonly rule: string;
  /** Where the rule comes from (Act, regulation, rules, case or guidance). */
  readonly source: string;
  /** False for advice or a product target that is not a legal time limit: never shown as late or overdue. */
  readonly statutory: boolean;
  /** The working assumption the date rests on when its source has not been checked ([U]); null otherwise. */
  readonly assumption: Assumption | null;
}

/** Builds a RuleDate; a date resting on an assumption says so at the end of its rule text. */
export function ruleDate(
  date: DayNumber,
  rule: string,
  source: string,
  options: { statutory?: boolean; assumption?: Assumption | null } = {},
): RuleDate {
  const assumption = options.assumption ?? null;
  return {
    date: formatDate(date),
    rule: assumption ? `${rule} (working assumption, not yet checked: ${assumption.statement})` : rule,
    source: assumption ? `${source} [${assumption.confidence}]` : source,
    statutory: options.statutory ?? true,
    assumption,
  };
}

/** Parses a 'YYYY-MM-DD' argument, naming it when it is not a date. */
export function day(value: string, name: string): DayNumber {
  try {
    return parseDate(value);
  } catch {
    throw new RangeError(`${name}: not a date: ${JSON.stringify(value)}`);
  }
}
