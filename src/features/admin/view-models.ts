/**
 * The admin pages' view models and filter readers: pure functions from what the service returned and what the user
 * sent to what the templates show (users.njk, new-user.njk, user.njk, audit.njk, outbox.njk).
 */
import { ROLES } from '../../platform/db/schema/index.ts';
import { readDateInput, toFormErrors, type FormErrors } from '../../platform/web/forms.ts';
import { radioItems, selectItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { roleLabels } from '../../platform/web/views.ts';
import type { AdminService, AuditFilters } from './service.ts';
import type { z } from 'zod';

type Result<S extends keyof AdminService> = Awaited<ReturnType<AdminService[S]>>;
type Values = Record<string, string>;

const roleOptions = ROLES.map((r) => ({ value: r, text: roleLabels[r] }));
export const roleItems = (selected?: string) => radioItems(roleOptions, selected);

export function usersView(values: Values, errors: FormErrors | undefined, result: Result<'users'>) {
  const link = (page: number) => withQuery(paths.admin.users, { q: values.q, role: values.role, page });
  return {
    pageTitle: 'Users',
    values,
    errors,
    result,
    roleOptions: selectItems(roleOptions, values.role, { any: 'Any' }),
    pagination: govukPagination(result.page, result.pages, link),
  };
}

export function newUserView(values: Values, errors: FormErrors | undefined, teams: Result<'teams'>) {
  const teamOptions = teams.map((t) => ({ value: t.id, text: `${t.organisation_name}: ${t.name}` }));
  return {
    pageTitle: 'Add a user',
    backLink: paths.admin.users,
    values,
    errors,
    roleItems: roleItems(values.role),
    teamItems: selectItems(teamOptions, values.teamId, { any: 'No team' }),
  };
}

export interface UserPageInput {
  readonly user: Result<'user'>;
  readonly query: Values;
  readonly values?: Values | undefined;
  readonly errors?: FormErrors | undefined;
  /** Set when the account cannot be switched off yet. */
  readonly openCases?: number | undefined;
}

export function userView({ user, query, values, errors, openCases }: UserPageInput) {
  return {
    pageTitle: user.display_name,
    backLink: paths.admin.users,
    user,
    errors,
    created: query.created === '1',
    updated: query.updated === '1',
    roleItems: roleItems(values?.role ?? user.role),
    activeValue: values?.active ?? (user.active ? 'yes' : 'no'),
    ...(openCases
      ? { openCases, moveCasesHref: withQuery(paths.assessments.team, { from: user.id }) + '#move-cases' }
      : {}),
  };
}

/**
 * The audit search's filters from the query: person, child and action from the schema, the dates from their GOV.UK date
 * inputs (a bad date, or a to date before the from date, is an error and is not searched on).
 */
export function readAuditFilters(
  values: Values,
  schema: z.ZodType<{
    person?: string | undefined;
    child?: string | undefined;
    action?: string | undefined;
    page: number;
  }>,
): { filters: AuditFilters; errors: FormErrors | undefined } {
  const parsed = schema.safeParse(values);
  const from = readDateInput(values, 'from', 'From date');
  const to = readDateInput(values, 'to', 'To date');
  const errors = parsed.success
    ? undefined
    : toFormErrors(parsed.error.issues, ['person', 'child', 'action']);
  const dateErrors: Array<[string, string]> = [];
  if (from.error) dateErrors.push(['from', from.error]);
  if (to.error) dateErrors.push(['to', to.error]);
  if (!from.error && !to.error && from.value && to.value && to.value < from.value) {
    dateErrors.push(['to', 'To date must be the same as or after the from date']);
  }
  const all = dateErrors.length ? (errors ?? { list: [], fields: {} }) : errors;
  for (const [field, text] of dateErrors) {
    all!.list.push({ text, href: `#${field}-day` });
    all!.fields[field] = { text };
  }
  const dates = dateErrors.length ? {} : { from: from.value, to: to.value };
  return { filters: { ...(parsed.success ? parsed.data : { page: 1 }), ...dates }, errors: all };
}

export function auditView(values: Values, errors: FormErrors | undefined, result: Result<'searchAudit'>) {
  const link = (page: number) => withQuery(paths.admin.audit, { ...values, page });
  return {
    pageTitle: 'Audit log',
    values,
    errors,
    result,
    pagination: govukPagination(result.page, result.pages, link),
  };
}

export function outboxView(values: Values, errors: FormErrors | undefined, result: Result<'outbox'>) {
  const link = (page: number) => withQuery(paths.admin.outbox, { recipient: values.recipient, page });
  return {
    pageTitle: 'Messages sent',
    values,
    errors,
    result,
    pagination: govukPagination(result.page, result.pages, link),
  };
}
