/** The journey's forms: zod schemas with GOV.UK messages, and the date fields they share. */
import { lowerFirst } from '../../platform/text.ts';
import { z } from 'zod';
import { EXCEPTION_KINDS } from '../../domain/clock/types.ts';
import {
  ADVICE_AGENCIES,
  ADVICE_ANSWERS,
  PRIMARY_NEEDS,
  REQUEST_METHODS,
  REQUESTERS,
} from '../../platform/db/schema/index.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { readDateInput, toFormErrors } from '../../platform/web/forms.ts';

export const text = (empty: string, max: number, name: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `${name} must be ${max.toLocaleString('en-GB')} characters or fewer` });

export const optional = (max: number, name: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${name} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .optional()
    .transform((v) => (v ? v : undefined));

const token = z.string().trim().min(8).max(100);

/**
 * Parses a form with dates: the schema's fields plus each named GOV.UK date input. Errors come back in field order
 * with the date errors pointing at the day box.
 */
export function parseWithDates<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
  dates: ReadonlyArray<{ name: string; label: string; required: boolean }>,
  order: readonly string[],
):
  | { ok: true; data: z.infer<S>; dates: Record<string, string | undefined> }
  | { ok: false; errors: FormErrors } {
  const parsed = schema.safeParse(values);
  const errors = parsed.success ? { list: [], fields: {} } : toFormErrors(parsed.error.issues, order);
  const out: Record<string, string | undefined> = {};
  for (const d of dates) {
    const read = readDateInput(values, d.name, d.label);
    let message = read.error;
    if (!message && !read.value && d.required) message = `Enter ${lowerFirst(d.label)}`;
    if (message) {
      errors.fields[d.name] = { text: message };
      errors.list.push({ text: message, href: `#${d.name}-day` });
    }
    out[d.name] = read.value;
  }
  if (errors.list.length) {
    const rank = (href: string) => {
      const i = order.indexOf(href.slice(1).replace(/-day$/, ''));
      return i < 0 ? 999 : i;
    };
    errors.list.sort((a, b) => rank(a.href) - rank(b.href));
    return { ok: false, errors };
  }
  return { ok: true, data: (parsed as { data: z.infer<S> }).data, dates: out };
}

export const recordSchema = z.object({
  child: text(
    'Enter the child or young person’s Goldthread reference, like GT-000018',
    20,
    'Reference',
  ).transform((v) => v.toUpperCase()),
  method: z.enum(REQUEST_METHODS, { error: 'Select how the request was received' }),
  requestedBy: z.enum(REQUESTERS, { error: 'Select who made the request' }),
  requesterName: optional(100, 'Name of the person who asked'),
  why: text(
    'Enter what the request says about why an assessment is needed',
    5000,
    'Why an assessment is needed',
  ),
  token,
});

export const allocateSchema = z.object({
  officer: z.uuid({ error: 'Select an officer from the list' }),
});

export const moveSchema = z.object({
  from: z.uuid({ error: 'Select the officer who is leaving' }),
});

export const decisionSchema = z.object({
  outcome: z.enum(['assess', 'not-assess'], { error: 'Select whether the council will assess' }),
  reasons: text('Enter the reasons for the decision', 5000, 'Reasons'),
  panelNotes: optional(5000, 'Panel notes'),
});

/** Why the council goes ahead while advice asked for has not arrived (issue 18; required then, by the service). */
const withoutAdvice = optional(2000, 'The reason for going ahead without the advice');

export const outcomeSchema = z.object({
  outcome: z.enum(['issue-plan', 'no-plan'], { error: 'Select whether the council will issue a plan' }),
  reasons: text('Enter the reasons for the decision', 5000, 'Reasons'),
  withoutAdvice,
});

export const responseSchema = z.object({
  comments: text("Enter a summary of the family's comments", 5000, "Family's comments"),
  school: optional(200, 'School or college'),
  /** J1: the family told the council their comments are complete. */
  commentsComplete: z.enum(['yes']).optional(),
});

export const finalSchema = z.object({
  planReference: optional(50, 'Plan reference'),
  withoutAdvice,
});

export const exceptionSchema = z.object({
  kind: z.enum(EXCEPTION_KINDS as ['school-closure'], { error: 'Select the kind of exception' }),
  reason: text('Enter what happened and why it means the date cannot be met', 2000, 'Reason'),
  token,
});

export const agencyField = z.enum(ADVICE_AGENCIES, { error: 'Select who to ask for advice' });

export const adviceSchema = z.object({
  answer: z.enum(ADVICE_ANSWERS, { error: 'Select what you are sending' }),
  outcomes: optional(5000, 'Outcomes'),
  documentText: optional(20_000, 'Document text'),
});

export const needField = z.enum(PRIMARY_NEEDS).optional();
export { token as tokenField };

/** The form recording a request for an assessment (record.njk): its fields, and the date it was received. */
export function readRecordForm(values: Record<string, string>) {
  return parseWithDates(
    recordSchema,
    values,
    [{ name: 'received', label: 'The date the request was received', required: true }],
    ['child', 'received', 'method', 'requestedBy', 'requesterName', 'why'],
  );
}
