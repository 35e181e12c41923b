import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import {
  formValues,
  optionalText,
  parseForm,
  readDateInput,
  requiredText,
  singleError,
  toFormErrors,
} from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { roleLabels } from '../../platform/web/views.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import {
  createUser,
  DuplicateEmailError,
  getUser,
  listTeams,
  listOutbox,
  listUsers,
  searchAudit,
  HoldsOpenCasesError,
  SelfChangeError,
  updateUser,
} from './service.ts';

const roleField = z.enum(ROLES, { error: 'Select a role' });

const newUserSchema = z.object({
  email: requiredText(
    { empty: 'Enter an email address', tooLong: 'Email address must be 254 characters or fewer' },
    254,
  ).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
    error: 'Enter an email address in the correct format, like name@example.com',
  }),
  displayName: requiredText(
    { empty: 'Enter the full name', tooLong: 'Full name must be 100 characters or fewer' },
    100,
  ),
  role: roleField,
  jobTitle: optionalText('Job title must be 100 characters or fewer', 100),
  teamId: z
    .union([z.literal(''), z.uuid({ error: 'Select a team from the list' })], {
      error: 'Select a team from the list',
    })
    .optional()
    .transform((v) => v || undefined),
  password: z
    .string({ error: 'Enter a temporary password' })
    .min(1, { error: 'Enter a temporary password' })
    .min(12, { error: 'Temporary password must be 12 characters or more' })
    .max(200, { error: 'Temporary password must be 200 characters or fewer' }),
});
const NEW_USER_FIELDS = ['email', 'displayName', 'role', 'jobTitle', 'teamId', 'password'];

const updateUserSchema = z.object({
  role: roleField,
  active: z.enum(['yes', 'no'], { error: 'Select whether the account can sign in' }),
});

const userFilterSchema = z.object({
  q: optionalText('Search must be 100 characters or fewer', 100),
  role: z
    .union([z.literal(''), z.enum(ROLES, { error: 'Select a role from the list' })], {
      error: 'Select a role from the list',
    })
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const auditFilterSchema = z.object({
  person: optionalText('Person must be 254 characters or fewer', 254),
  child: optionalText('Child must be 100 characters or fewer', 100),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const outboxFilterSchema = z.object({
  recipient: optionalText('Recipient must be 254 characters or fewer', 254),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const roleItems = (selected?: string) =>
  ROLES.map((r) => ({ value: r, text: roleLabels[r], checked: r === selected }));

export function adminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.admin.users, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const parsed = userFilterSchema.safeParse(values);
    const filters = parsed.success ? parsed.data : { page: 1 };
    const result = await listUsers(db, actor, filters);
    const link = (page: number) => withQuery(paths.admin.users, { q: values.q, role: values.role, page });
    if (!parsed.success) reply.code(400);
    return reply.view('admin/users.njk', {
      pageTitle: 'Users',
      values,
      errors: parsed.success ? undefined : toFormErrors(parsed.error.issues, ['q', 'role']),
      result,
      roleOptions: [
        { value: '', text: 'Any' },
        ...ROLES.map((r) => ({ value: r, text: roleLabels[r], selected: values.role === r })),
      ],
      pagination: {
        previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
        next: result.page < result.pages ? { href: link(result.page + 1) } : undefined,
        items: paginationItems(result.page, result.pages, link),
      },
    });
  });

  const renderNewUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    await listUsers(db, actor, { page: 1 }, 1); // checks the role before showing anything
    const teams = await listTeams(db, actor);
    if (errors) reply.code(400);
    return reply.view('admin/new-user.njk', {
      pageTitle: 'Add a user',
      backLink: paths.admin.users,
      values,
      errors,
      roleItems: roleItems(values.role),
      teamItems: [
        { value: '', text: 'No team' },
        ...teams.map((t) => ({
          value: t.id,
          text: `${t.organisation_name}: ${t.name}`,
          selected: values.teamId === t.id,
        })),
      ],
    });
  };

  app.get(paths.admin.newUser, (request, reply) => renderNewUser(request, reply, {}));

  app.post(paths.admin.newUser, async (request, reply) => {
    const actor = actorOf(request);
    const form = parseForm(newUserSchema, request.body, NEW_USER_FIELDS);
    const keep = (values: Record<string, string>) => ({ ...values, password: '' });
    if (!form.ok) return renderNewUser(request, reply, keep(form.values), form.errors);
    try {
      const id = await db.transaction().execute((trx) => createUser(trx, actor, form.data));
      return reply.redirect(withQuery(paths.admin.user(id), { created: 1 }), 303);
    } catch (err) {
      const values = keep(formValues(request.body));
      if (err instanceof DuplicateEmailError) {
        return renderNewUser(
          request,
          reply,
          values,
          singleError('email', 'A user with this email address already exists'),
        );
      }
      if (err instanceof Error && err.message === 'team') {
        return renderNewUser(request, reply, values, singleError('teamId', 'Select a team from the list'));
      }
      throw err;
    }
  });

  const renderUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, string>,
    errors?: FormErrors,
    extra: { openCases?: number; moveCasesHref?: string } = {},
  ) => {
    const actor = actorOf(request);
    const { userId } = request.params as { userId: string };
    const user = await getUser(db, actor, userId);
    const query = request.query as Record<string, string>;
    if (errors) reply.code(400);
    return reply.view('admin/user.njk', {
      pageTitle: user.display_name,
      backLink: paths.admin.users,
      user,
      errors,
      created: query.created === '1',
      updated: query.updated === '1',
      roleItems: roleItems(values?.role ?? user.role),
      activeValue: values?.active ?? (user.active ? 'yes' : 'no'),
      ...extra,
    });
  };

  app.get(paths.admin.userPattern, (request, reply) => renderUser(request, reply));

  app.post(paths.admin.userPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { userId } = request.params as { userId: string };
    const form = parseForm(updateUserSchema, request.body, ['role', 'active']);
    if (!form.ok) return renderUser(request, reply, form.values, form.errors);
    try {
      await db
        .transaction()
        .execute((trx) =>
          updateUser(trx, actor, userId, { role: form.data.role, active: form.data.active === 'yes' }),
        );
    } catch (err) {
      if (err instanceof SelfChangeError) {
        return renderUser(
          request,
          reply,
          formValues(request.body),
          singleError(
            'role',
            'You cannot remove your own administrator role or stop your own account signing in',
          ),
        );
      }
      if (err instanceof HoldsOpenCasesError) {
        const n = err.openCases;
        return renderUser(
          request,
          reply,
          formValues(request.body),
          singleError(
            'active',
            `This officer still holds ${n} open ${n === 1 ? 'assessment' : 'assessments'}. A team manager must move ${n === 1 ? 'it' : 'them'} to another officer before this account can be switched off`,
          ),
          {
            openCases: n,
            moveCasesHref: withQuery(paths.assessments.team, { from: userId }) + '#move-cases',
          },
        );
      }
      throw err;
    }
    return reply.redirect(withQuery(paths.admin.user(userId), { updated: 1 }), 303);
  });

  app.get(paths.admin.audit, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const parsed = auditFilterSchema.safeParse(values);
    const from = readDateInput(values, 'from', 'From date');
    const to = readDateInput(values, 'to', 'To date');
    const issues = parsed.success ? [] : [...parsed.error.issues];
    let errors = issues.length ? toFormErrors(issues, ['person', 'child']) : undefined;
    const dateErrors: Array<[string, string]> = [];
    if (from.error) dateErrors.push(['from-day', from.error]);
    if (to.error) dateErrors.push(['to-day', to.error]);
    if (!from.error && !to.error && from.value && to.value && to.value < from.value) {
      dateErrors.push(['to-day', 'To date must be the same as or after the from date']);
    }
    if (dateErrors.length) {
      errors ??= { list: [], fields: {} };
      for (const [field, text] of dateErrors) {
        errors.list.push({ text, href: `#${field}` });
        errors.fields[field.replace('-day', '')] = { text };
      }
    }
    const filters = {
      ...(parsed.success ? parsed.data : { page: 1 }),
      from: dateErrors.length ? undefined : from.value,
      to: dateErrors.length ? undefined : to.value,
    };
    const result = await db.transaction().execute((trx) => searchAudit(trx, actor, filters));
    const link = (page: number) => withQuery(paths.admin.audit, { ...values, page });
    if (errors) reply.code(400);
    return reply.view('admin/audit.njk', {
      pageTitle: 'Audit log',
      values,
      errors,
      result,
      pagination: {
        previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
        next: result.page < result.pages ? { href: link(result.page + 1) } : undefined,
        items: paginationItems(result.page, result.pages, link),
      },
    });
  });

  app.get(paths.admin.outbox, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const parsed = outboxFilterSchema.safeParse(values);
    const filters = parsed.success ? parsed.data : { page: 1 };
    const result = await listOutbox(db, actor, filters);
    const link = (page: number) => withQuery(paths.admin.outbox, { recipient: values.recipient, page });
    if (!parsed.success) reply.code(400);
    return reply.view('admin/outbox.njk', {
      pageTitle: 'Messages sent',
      values,
      errors: parsed.success ? undefined : toFormErrors(parsed.error.issues, ['recipient']),
      result,
      pagination: {
        previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
        next: result.page < result.pages ? { href: link(result.page + 1) } : undefined,
        items: paginationItems(result.page, result.pages, link),
      },
    });
  });
}
