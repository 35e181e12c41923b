/**
 * The administrator's single sign-on pages: the authority's identity providers (issuer, client ID, the name of the
 * environment variable holding the secret, email domains, the group claim, on or off), each provider's group-to-role
 * mapping, and the people waiting for approval. Handlers parse, ask the service, render.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLES, type Role } from '../../platform/db/schema/index.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { formValues, handleForm, requiredText, type FormErrors } from '../../platform/web/forms.ts';
import { radioItems, selectItems } from '../../platform/web/items.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { roleLabels } from '../../platform/web/views.ts';
import { isLoopbackHttp } from './oidc.ts';
import type { SsoService } from './service.ts';

/** Roles a staff provider may give (families sign in by GOV.UK One Login). */
export const STAFF_ROLES = ROLES.filter((r) => r !== 'parent' && r !== 'young-person') as Role[];
const staffRoleOptions = STAFF_ROLES.map((r) => ({ value: r, text: roleLabels[r] }));
const staffRole = z.enum(STAFF_ROLES as [Role, ...Role[]], { error: 'Select a role' });

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function providerSchema(production: boolean) {
  return z.object({
    name: requiredText(
      { empty: 'Enter the name people see on the button', tooLong: 'Name must be 100 characters or fewer' },
      100,
    ),
    issuer: requiredText(
      { empty: 'Enter the issuer address', tooLong: 'Issuer address must be 500 characters or fewer' },
      500,
    ).refine(
      (v) => {
        if (!URL.canParse(v)) return false;
        const url = new URL(v);
        if (url.search || url.hash) return false;
        return url.protocol === 'https:' || (!production && isLoopbackHttp(v));
      },
      {
        error:
          'Enter the issuer address as it starts with https://, like https://login.microsoftonline.com/…/v2.0',
      },
    ),
    clientId: requiredText(
      { empty: 'Enter the client ID', tooLong: 'Client ID must be 200 characters or fewer' },
      200,
    ),
    secretEnv: requiredText(
      {
        empty: 'Enter the name of the environment variable that holds the client secret',
        tooLong: 'Environment variable name must be 83 characters or fewer',
      },
      83,
    ).regex(/^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,64}$/, {
      error:
        'Enter an environment variable name that starts OIDC_CLIENT_SECRET_ and has only capital letters, digits and _, like OIDC_CLIENT_SECRET_ENTRA',
    }),
    groupsClaim: requiredText(
      { empty: 'Enter the claim that carries groups', tooLong: 'Claim must be 100 characters or fewer' },
      100,
    ).regex(/^[A-Za-z0-9_:./-]+$/, {
      error: 'Claim must be letters, digits and _ : . / - only, like groups',
    }),
    domains: z
      .string({ error: 'Enter at least one email domain' })
      .transform((v) => [
        ...new Set(
          v
            .toLowerCase()
            .split(/[\s,]+/)
            .filter(Boolean),
        ),
      ])
      .refine((list) => list.length > 0, { error: 'Enter at least one email domain' })
      .refine((list) => list.length <= 50, { error: 'Enter 50 email domains or fewer' })
      .refine((list) => list.every((d) => DOMAIN.test(d)), {
        error: 'Enter email domains like denmoor.gov.uk, one a line',
      }),
    enabled: z.enum(['yes', 'no'], { error: 'Select whether people can sign in with this provider' }),
  });
}
const PROVIDER_FIELDS = ['name', 'issuer', 'clientId', 'secretEnv', 'groupsClaim', 'domains', 'enabled'];

const groupSchema = z.object({
  group: requiredText(
    { empty: 'Enter the group as the provider sends it', tooLong: 'Group must be 200 characters or fewer' },
    200,
  ),
  role: staffRole,
});

const removeGroupSchema = z.object({ group: z.string().min(1).max(200) });

const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'refuse'], { error: 'Select whether to approve this person' }),
    role: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'approve' && !(STAFF_ROLES as string[]).includes(v.role ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['role'], message: 'Select a role' });
    }
  });

type Values = Record<string, string>;

function providerFormView(
  values: Values,
  errors: FormErrors | undefined,
  extra: { title: string; action: string; addresses: { redirectUri: string; signedOutUri: string } },
) {
  return {
    pageTitle: extra.title,
    backLink: paths.sso.providers,
    values,
    errors,
    action: extra.action,
    addresses: extra.addresses,
    enabledItems: radioItems(
      [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ],
      values.enabled,
    ),
  };
}

export function adminRoutes(app: FastifyInstance, { service, config }: RouteDeps<SsoService>): void {
  const schema = providerSchema(config.production);

  app.get(paths.sso.providers, async (request, reply) => {
    const actor = actorOf(request);
    const providers = await service.providers(actor);
    const pending = await service.pendingAccounts(actor);
    return reply.view('sso/providers.njk', {
      pageTitle: 'Single sign-on',
      providers,
      pendingCount: pending.length,
      addresses: service.callbackAddresses(),
    });
  });

  app.get(paths.sso.newProvider, async (request, reply) => {
    await service.providers(actorOf(request));
    return reply.view(
      'sso/provider-form.njk',
      providerFormView({ groupsClaim: 'groups', enabled: 'yes' }, undefined, {
        title: 'Add an identity provider',
        action: paths.sso.newProvider,
        addresses: service.callbackAddresses(),
      }),
    );
  });

  app.post(paths.sso.newProvider, async (request, reply) => {
    const actor = actorOf(request);
    return handleForm(request.body, reply, {
      parse: schema,
      fields: PROVIDER_FIELDS,
      submit: (data) => service.createProvider(actor, { ...data, enabled: data.enabled === 'yes' }),
      render: (values, errors) =>
        reply.view(
          'sso/provider-form.njk',
          providerFormView(values, errors, {
            title: 'Add an identity provider',
            action: paths.sso.newProvider,
            addresses: service.callbackAddresses(),
          }),
        ),
      success: (id) => withQuery(paths.sso.provider(id), { saved: 1 }),
    });
  });

  const providerPage = async (
    request: FastifyRequest,
    values?: Values,
    errors?: FormErrors,
    groupValues?: Values,
    groupErrors?: FormErrors,
  ) => {
    const { providerId } = request.params as { providerId: string };
    const found = await service.provider(actorOf(request), providerId);
    const p = found.provider;
    const current: Values = {
      name: p.name,
      issuer: p.issuer,
      clientId: p.client_id,
      secretEnv: p.secret_env,
      groupsClaim: p.groups_claim,
      domains: found.domains.join('\n'),
      enabled: p.enabled ? 'yes' : 'no',
    };
    const query = request.query as Values;
    return {
      ...providerFormView(values ?? current, errors ?? groupErrors, {
        title: p.name,
        action: paths.sso.provider(p.id),
        addresses: { redirectUri: found.redirectUri, signedOutUri: found.signedOutUri },
      }),
      provider: p,
      secretSet: found.secretSet,
      groupRoles: found.groupRoles,
      groupValues: groupValues ?? {},
      groupErrors,
      roleOptions: selectItems(staffRoleOptions, groupValues?.role, { any: 'Choose a role' }),
      saved: query.saved === '1',
      mapped: query.mapped === '1',
      removed: query.removed === '1',
    };
  };

  app.get(paths.sso.providerPattern, async (request, reply) =>
    reply.view('sso/provider.njk', await providerPage(request)),
  );

  app.post(paths.sso.providerPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { providerId } = request.params as { providerId: string };
    return handleForm(request.body, reply, {
      parse: schema,
      fields: PROVIDER_FIELDS,
      submit: (data) =>
        service.updateProvider(actor, providerId, { ...data, enabled: data.enabled === 'yes' }),
      render: async (values, errors) =>
        reply.view('sso/provider.njk', await providerPage(request, values, errors)),
      success: () => withQuery(paths.sso.provider(providerId), { saved: 1 }),
    });
  });

  app.post(paths.sso.groupsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { providerId } = request.params as { providerId: string };
    return handleForm(request.body, reply, {
      parse: groupSchema,
      fields: ['group', 'role'],
      submit: (data) => service.setGroupRole(actor, providerId, data.group, data.role),
      render: async (values, errors) =>
        reply.view('sso/provider.njk', await providerPage(request, undefined, undefined, values, errors)),
      success: () => withQuery(paths.sso.provider(providerId), { mapped: 1 }) + '#groups',
    });
  });

  app.post(paths.sso.removeGroupPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { providerId } = request.params as { providerId: string };
    const parsed = removeGroupSchema.safeParse(formValues(request.body));
    if (!parsed.success) return reply.redirect(paths.sso.provider(providerId), 303);
    await service.removeGroupRole(actor, providerId, parsed.data.group);
    return reply.redirect(withQuery(paths.sso.provider(providerId), { removed: 1 }) + '#groups', 303);
  });

  app.get(paths.sso.requests, async (request, reply) => {
    const pending = await service.pendingAccounts(actorOf(request));
    const query = request.query as Values;
    return reply.view('sso/requests.njk', {
      pageTitle: 'People waiting for approval',
      backLink: paths.sso.providers,
      pending,
      decided: query.decided,
    });
  });

  const requestPage = async (request: FastifyRequest, values: Values = {}, errors?: FormErrors) => {
    const { requestId } = request.params as { requestId: string };
    const pending = await service.pendingAccount(actorOf(request), requestId);
    return {
      pageTitle: pending.display_name,
      backLink: paths.sso.requests,
      pending,
      groups: Array.isArray(pending.groups) ? (pending.groups as unknown[]).map(String) : [],
      values,
      errors,
      roleItems: radioItems(staffRoleOptions, values.role),
    };
  };

  app.get(paths.sso.requestPattern, async (request, reply) =>
    reply.view('sso/request.njk', await requestPage(request)),
  );

  app.post(paths.sso.requestPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { requestId } = request.params as { requestId: string };
    return handleForm(request.body, reply, {
      parse: decisionSchema,
      fields: ['decision', 'role'],
      submit: (data) =>
        service.decide(
          actor,
          requestId,
          data.decision === 'approve' ? { approve: true, role: data.role as Role } : { approve: false },
        ),
      render: async (values, errors) =>
        reply.view('sso/request.njk', await requestPage(request, values, errors)),
      success: (userId) =>
        userId
          ? withQuery(paths.admin.user(userId), { created: 1 })
          : withQuery(paths.sso.requests, { decided: 'refused' }),
    });
  });
}
