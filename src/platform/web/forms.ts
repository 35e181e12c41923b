/**
 * Form handling in the GOV.UK way: zod schemas carry the messages users read; a failed form is shown again with an
 * error summary linking to each field and the user's input kept.
 */
import { z } from 'zod';

export interface FieldError {
  text: string;
  href: string;
}

export interface FormErrors {
  /** For govukErrorSummary's errorList, in the order of the form's fields. */
  list: FieldError[];
  /** For each component's errorMessage, keyed by field name. */
  fields: Record<string, { text: string }>;
}

export type FormResult<T> =
  { ok: true; data: T } | { ok: false; errors: FormErrors; values: Record<string, string> };

/** The body of a urlencoded form as plain strings (a repeated field keeps its last value; objects are dropped). */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
      if (key === '_csrf') continue;
      const value: unknown = Array.isArray(raw) ? (raw as unknown[])[raw.length - 1] : raw;
      if (typeof value === 'string') values[key] = value;
    }
  }
  return values;
}

export function toFormErrors(
  issues: readonly z.core.$ZodIssue[],
  fieldOrder: readonly string[] = [],
): FormErrors {
  const fields: Record<string, { text: string }> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? 'form');
    fields[name] ??= { text: issue.message };
  }
  const names = Object.keys(fields).sort((a, b) => {
    const ia = fieldOrder.indexOf(a);
    const ib = fieldOrder.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
  });
  return { list: names.map((name) => ({ text: fields[name]!.text, href: `#${name}` })), fields };
}

export function singleError(field: string, text: string): FormErrors {
  return { list: [{ text, href: `#${field}` }], fields: { [field]: { text } } };
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  fieldOrder: readonly string[] = [],
): FormResult<z.infer<S>> {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: toFormErrors(result.error.issues, fieldOrder), values };
}

/** A required text field: trimmed, with GOV.UK messages for empty and too long. */
export function requiredText(label: { empty: string; tooLong: string }, max: number) {
  return z
    .string({ error: label.empty })
    .trim()
    .min(1, { error: label.empty })
    .max(max, { error: label.tooLong });
}

/** An optional text field: trimmed; empty becomes undefined. */
export function optionalText(tooLong: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => (v ? v : undefined));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a 'YYYY-MM-DD' string is a real calendar date. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads a GOV.UK date input (name-day, name-month, name-year) into 'YYYY-MM-DD'.
 * Returns undefined when all three are empty, or an error message naming what is wrong.
 */
export function readDateInput(
  values: Record<string, string>,
  name: string,
  label: string,
): { value?: string; error?: string } {
  const day = (values[`${name}-day`] ?? '').trim();
  const month = (values[`${name}-month`] ?? '').trim();
  const year = (values[`${name}-year`] ?? '').trim();
  if (!day && !month && !year) return {};
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${label} must be a real date, for example 27 3 2026` };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isRealDate(iso)) return { error: `${label} must be a real date, for example 27 3 2026` };
  return { value: iso };
}
