/**
 * Form handling in the GOV.UK way: zod schemas carry the messages users read; a failed form is shown again with an
 * error summary linking to each field and the user's input kept (status 400); a successful one redirects (303).
 * `handleForm` is that routine, once; a feature's errors extend `FieldError` so it can show them against a field.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { isRealDate } from '../../domain/calendar.ts';

export { isRealDate };

/** One line of the error summary: the message and the field it links to. */
export interface ErrorLink {
  text: string;
  href: string;
}

export interface FormErrors {
  /** For govukErrorSummary's errorList, in the order of the form's fields. */
  list: ErrorLink[];
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

/**
 * The GOV.UK error summary for several problems at once (a rule that found more than one thing wrong): the first
 * message for each field, each linking to its field; a date field (`dateFields`) links to its day input. In the order
 * given, or in `order` when it is given (fields it does not name last).
 */
export function fieldErrors(
  problems: ReadonlyArray<{ readonly field: string; readonly message: string }>,
  options: { readonly dateFields?: Iterable<string>; readonly order?: readonly string[] } = {},
): FormErrors {
  const dates = new Set(options.dateFields ?? []);
  const fields: Record<string, { text: string }> = {};
  for (const p of problems) fields[p.field] ??= { text: p.message };
  const rank = (name: string) => {
    const i = options.order ? options.order.indexOf(name) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const names = Object.keys(fields);
  if (options.order) names.sort((a, b) => rank(a) - rank(b));
  return {
    list: names.map((name) => ({
      text: fields[name]!.text,
      href: `#${name}${dates.has(name) ? '-day' : ''}`,
    })),
    fields,
  };
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

/** The values of a GOV.UK date input (name-day, name-month, name-year) showing 'YYYY-MM-DD': readDateInput's inverse. */
export function dateInputValues(name: string, iso: string | null | undefined): Record<string, string> {
  const [y, m, d] = (iso ?? '').split('-');
  if (!y || !m || !d) return { [`${name}-day`]: '', [`${name}-month`]: '', [`${name}-year`]: '' };
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
}

/** Every value of a repeated field (checkboxes, several selects of one name), non-empty strings only, at most 50. */
export function arrayValue(body: unknown, name: string): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const list = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string' && v !== '').slice(0, 50);
}

/**
 * A rule the user's input broke, found by a service (a duplicate name, a date before another): shown against
 * `field` in the error summary. Every feature's errors of this kind extend it, so `handleForm` needs to know none.
 */
export class FieldError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

export interface FormPage<Data, Result> {
  /** The form's schema (its field order for the summary in `fields`), or a function reading the values. */
  readonly parse: z.ZodType<Data> | ((values: Record<string, string>, body: unknown) => Parsed<Data>);
  /** The fields in the order the form shows them (orders the error summary). */
  readonly fields?: readonly string[];
  /** The values shown again after an error (for example with a password emptied). Default: as submitted. */
  readonly keep?: (values: Record<string, string>) => Record<string, string>;
  /** Does the change. A FieldError thrown here is shown against its field, with the input kept. */
  submit(data: Data): Promise<Result>;
  /** Renders the form page again with errors (the status is already 400). */
  render(values: Record<string, string>, errors: FormErrors, error?: FieldError): unknown;
  /** Where to go once the change is made (303, post/redirect/get). */
  success(result: Result, data: Data): string;
}

/**
 * The form routine, once: read the body, validate, submit, then redirect (303); on bad input or a FieldError from
 * the service, render the page again with the GOV.UK error summary and the user's input kept (400). Any other
 * error propagates to the error handler (403, 404, 500 pages).
 */
export async function handleForm<Data, Result>(
  body: unknown,
  reply: FastifyReply,
  page: FormPage<Data, Result>,
): Promise<unknown> {
  const values = formValues(body);
  const kept = () => (page.keep ? page.keep(values) : values);
  const parsed: Parsed<Data> =
    typeof page.parse === 'function'
      ? page.parse(values, body)
      : parseValues(page.parse, values, page.fields);
  if (!parsed.ok) {
    reply.code(400);
    return page.render(kept(), parsed.errors);
  }
  let result: Result;
  try {
    result = await page.submit(parsed.data);
  } catch (err) {
    if (!(err instanceof FieldError)) throw err;
    reply.code(400);
    return page.render(kept(), singleError(err.field, err.message), err);
  }
  return reply.redirect(page.success(result, parsed.data), 303);
}

function parseValues<T>(
  schema: z.ZodType<T>,
  values: Record<string, string>,
  fields: readonly string[] = [],
): Parsed<T> {
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: toFormErrors(result.error.issues, fields) };
}
