/** The admin pages: users, the audit log and the messages sent. Handlers parse, ask the service, render. */
import type { FastifyInstance } from 'fastify';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../platform/auth/passwords.ts';
import { z } from 'zod';
import { ROLES } from '../../platform/db/schema/index.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import {
  formValues,
  handleForm,
  optionalText,
  requiredText,
  toFormErrors,
} from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { HoldsOpenCasesError, type AdminService } from './service.ts';
import { auditView, newUserView, outboxView, readAuditFilters, userView, usersView } from './view-models.ts';

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
    .min(PASSWORD_MIN, { error: `Temporary password must be ${PASSWORD_MIN} characters or more` })
    .max(PASSWORD_MAX, { error: `Temporary password must be ${PASSWORD_MAX} characters or fewer` }),
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
  action: optionalText('Action must be 100 characters or fewer', 100),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const outboxFilterSchema = z.object({
  recipient: optionalText('Recipient must be 254 characters or fewer', 254),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function adminRoutes(app: FastifyInstance, { service }: RouteDeps<AdminService>): void {
  app.get(paths.admin.users, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const parsed = userFilterSchema.safeParse(values);
    const result = await service.users(actor, parsed.success ? parsed.data : { page: 1 });
    const errors = parsed.success ? undefined : toFormErrors(parsed.error.issues, ['q', 'role']);
    if (errors) reply.code(400);
    return reply.view('admin/users.njk', usersView(values, errors, result));
  });

  app.get(paths.admin.newUser, async (request, reply) => {
    const teams = await service.teams(actorOf(request));
    return reply.view('admin/new-user.njk', newUserView({}, undefined, teams));
  });

  app.post(paths.admin.newUser, async (request, reply) => {
    const actor = actorOf(request);
    return handleForm(request.body, reply, {
      parse: newUserSchema,
      fields: NEW_USER_FIELDS,
      keep: (values) => ({ ...values, password: '' }),
      submit: (data) => service.createUser(actor, data),
      render: async (values, errors) =>
        reply.view('admin/new-user.njk', newUserView(values, errors, await service.teams(actor))),
      success: (id) => withQuery(paths.admin.user(id), { created: 1 }),
    });
  });

  app.get(paths.admin.userPattern, async (request, reply) => {
    const { userId } = request.params as { userId: string };
    const user = await service.user(actorOf(request), userId);
    return reply.view('admin/user.njk', userView({ user, query: request.query as Record<string, string> }));
  });

  app.post(paths.admin.userPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { userId } = request.params as { userId: string };
    return handleForm(request.body, reply, {
      parse: updateUserSchema,
      fields: ['role', 'active'],
      submit: (data) => service.updateUser(actor, userId, { role: data.role, active: data.active === 'yes' }),
      render: async (values, errors, error) => {
        const user = await service.user(actor, userId);
        const openCases = error instanceof HoldsOpenCasesError ? error.openCases : undefined;
        return reply.view('admin/user.njk', userView({ user, query: {}, values, errors, openCases }));
      },
      success: () => withQuery(paths.admin.user(userId), { updated: 1 }),
    });
  });

  app.get(paths.admin.audit, async (request, reply) => {
    const values = formValues(request.query);
    const { filters, errors } = readAuditFilters(values, auditFilterSchema);
    const result = await service.searchAudit(actorOf(request), filters);
    if (errors) reply.code(400);
    return reply.view('admin/audit.njk', auditView(values, errors, result));
  });

  app.get(paths.admin.outbox, async (request, reply) => {
    const values = formValues(request.query);
    const parsed = outboxFilterSchema.safeParse(values);
    const result = await service.outbox(actorOf(request), parsed.success ? parsed.data : { page: 1 });
    const errors = parsed.success ? undefined : toFormErrors(parsed.error.issues, ['recipient']);
    if (errors) reply.code(400);
    return reply.view('admin/outbox.njk', outboxView(values, errors, result));
  });
}
