/** The Nunjucks environment: our views, each feature's views, and GOV.UK Frontend's templates and macros. */
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { ageOn, isRealDate, longDate } from '../../domain/calendar.ts';
import { auditActionLabel, auditRecordLabel } from '../audit/labels.ts';
import type { Role } from '../db/schema/index.ts';
import { paths } from './paths.ts';

const require = createRequire(import.meta.url);
export const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const srcDir = fileURLToPath(new URL('../../', import.meta.url));

export const roleLabels: Record<Role, string> = {
  caseworker: 'Caseworker',
  'team-manager': 'Team manager',
  'send-leader': 'SEND leader',
  professional: 'Professional adviser',
  parent: 'Parent or carer',
  'young-person': 'Young person',
  'local-offer-editor': 'Local Offer editor',
  administrator: 'Administrator',
  'local-offer-provider': 'Local Offer provider',
};

/*
 * The formatters are made once: building an Intl.DateTimeFormat costs far more than formatting with one, and
 * `todayInLondon` runs several times a request (each service's `today()`, the `age` filter). Same options, same text.
 */
const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** '2026-02-16' → '16 February 2026'; a Date is shown in UK time. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (value instanceof Date) return londonDate.format(value);
  return isRealDate(value) ? longDate(value) : value;
}

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return londonDateTime.format(date);
}

export { ageOn };

export function todayInLondon(now = new Date()): string {
  return londonDay.format(now);
}

export const viewTemplates = [join(srcDir, 'views'), join(srcDir, 'features'), govukDist];

export const viewOptions = {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
};

let sharedEnvironment: nunjucks.Environment | undefined;

/**
 * The process's one Nunjucks environment, which every app it builds renders with (`app.ts`): a template is compiled
 * once per process and kept in the loader's cache (no watching, in development too, as before), not once per app.
 * A test worker builds dozens of apps (ADR 0066), and each compiled the layout, its page and GOV.UK's macros again.
 * Nothing in it belongs to one app: the templates, options, globals and filters are the same for every app.
 */
export function viewEnvironment(): nunjucks.Environment {
  if (!sharedEnvironment) {
    sharedEnvironment = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewTemplates), viewOptions);
    configureViewEnvironment(sharedEnvironment);
  }
  return sharedEnvironment;
}

/** Adds Goldthread's globals and filters to a Nunjucks environment (the app's, or a test's own). */
export function configureViewEnvironment(env: nunjucks.Environment): void {
  env.addGlobal('paths', paths);
  env.addGlobal('roleLabels', roleLabels);
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('auditAction', auditActionLabel);
  env.addFilter('auditRecord', auditRecordLabel);
  env.addFilter('age', (dob: string) => ageOn(dob, todayInLondon()));
  env.addFilter('selectattr', attributeFilter(env, true));
  env.addFilter('rejectattr', attributeFilter(env, false));
}

type AttributeTest = (value: unknown, argument?: unknown) => boolean;

/**
 * Jinja's `selectattr` and `rejectattr`, with a test: `items | selectattr("status", "equalto", "received")`.
 * Nunjucks' own take only the attribute and ignore the rest, so that line returned every item with any status (the
 * walk-through's "5 asked; 5 arrived" with one arrived). With one argument they keep the attribute's truthiness test.
 */
export function attributeFilter(env: nunjucks.Environment, keep: boolean) {
  // getTest is Nunjucks' own (it throws on an unknown test's name); its type definitions leave it out.
  const tests = env as unknown as { getTest(name: string): AttributeTest };
  return function filter(
    items: unknown,
    attribute: string,
    testName?: string,
    argument?: unknown,
  ): unknown[] {
    if (!Array.isArray(items)) return [];
    const test: AttributeTest = testName === undefined ? (value) => Boolean(value) : tests.getTest(testName);
    return items.filter((item) => {
      const value =
        item === null || item === undefined ? undefined : (item as Record<string, unknown>)[attribute];
      return test(value, argument) === keep;
    });
  };
}
