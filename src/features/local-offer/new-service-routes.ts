/**
 * The pages for adding to the Local Offer: a new service (providers for their own organisations, the editor for
 * any) and a new provider organisation (the editor). Rules and storage are in new-service.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireRole } from '../../platform/access/access.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, requiredText, singleError, toFormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { CATEGORIES, CATEGORY_CODES, NEED_CODES, NEEDS } from './oruk/model.ts';
import {
  authoriseNewServiceFor,
  createOrganisation,
  createService,
  DuplicateOrganisationError,
  ORGANISATION_KINDS,
  organisationsForNewService,
} from './new-service.ts';
import { EDITOR_ROLES, MANAGE_ROLES } from './service.ts';

const lo = paths.localOffer;
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UK postcode, with or without its space. */
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const PHONE = /^[0-9 +()]*$/;
const EMAIL = /^([^\s@]+@[^\s@]+\.[^\s@]+)?$/;
const WEBSITE = /^(https?:\/\/[^\s<>"]+)?$/;

const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .default('');

export const NEW_SERVICE_FIELDS = [
  'organisationId',
  'name',
  'description',
  'categories',
  'needs',
  'needsNote',
  'minAge',
  'maxAge',
  'cost',
  'costDetails',
  'howToGetIt',
  'when',
  'locationName',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'accessibility',
  'staffTraining',
  'contactPhone',
  'contactEmail',
  'url',
] as const;

const newServiceSchema = z.object({
  token: z.string().regex(TOKEN, { error: 'The form has expired. Open it again and resend it' }),
  organisationId: z.string().regex(TOKEN, { error: 'Select the organisation that runs the service' }),
  name: requiredText(
    { empty: 'Enter the name of the service', tooLong: 'Name must be 150 characters or fewer' },
    150,
  ),
  description: requiredText(
    {
      empty: 'Enter what the service is, in plain English',
      tooLong: 'What it is must be 3000 characters or fewer',
    },
    3000,
  ),
  categories: z
    .array(z.enum(CATEGORY_CODES, { error: 'Select types of service from the list' }))
    .min(1, { error: 'Select at least one type of service' }),
  needs: z.array(z.enum(NEED_CODES, { error: 'Select needs from the list' })),
  needsNote: optional('More about needs', 1000),
  minAge: z
    .string()
    .trim()
    .regex(/^(\d{1,2})?$/, { error: 'Youngest age must be a whole number, like 5' }),
  maxAge: z
    .string()
    .trim()
    .regex(/^(\d{1,2})?$/, { error: 'Oldest age must be a whole number, like 18' }),
  cost: z.enum(['free', 'paid'], { error: 'Select whether the service is free or costs money' }),
  costDetails: optional('Cost details', 300),
  howToGetIt: requiredText(
    {
      empty: 'Enter how to get the service, like how to book or who can refer',
      tooLong: 'How to get it must be 1000 characters or fewer',
    },
    1000,
  ),
  when: requiredText(
    {
      empty: 'Enter when the service runs, like Saturdays 10am to 12 noon',
      tooLong: 'When it runs must be 300 characters or fewer',
    },
    300,
  ),
  locationName: optional('Name of the place', 150),
  addressLine1: requiredText(
    {
      empty: 'Enter the first line of the address',
      tooLong: 'Address line 1 must be 150 characters or fewer',
    },
    150,
  ),
  addressLine2: optional('Address line 2', 150),
  town: requiredText(
    { empty: 'Enter the town or city', tooLong: 'Town or city must be 100 characters or fewer' },
    100,
  ),
  postcode: z
    .string()
    .trim()
    .min(1, { error: 'Enter the postcode' })
    .regex(POSTCODE, { error: 'Enter a real postcode, like DM1 4AB' }),
  accessibility: optional('Getting in and around', 1000),
  staffTraining: optional('Staff training', 2000),
  contactPhone: optional('Phone', 30).pipe(
    z.string().regex(PHONE, { error: 'Enter a phone number, like 01632 960000' }),
  ),
  contactEmail: optional('Email', 254).pipe(
    z.string().regex(EMAIL, { error: 'Enter an email address in the correct format, like name@example.com' }),
  ),
  url: optional('Website', 500).pipe(
    z.string().regex(WEBSITE, { error: 'Enter a website address that starts with https://' }),
  ),
});

/**
 * Checks across fields, run even when other fields fail (zod skips an object's refinements then), so the page
 * shows every error at once.
 */
function crossFieldErrors(v: Record<string, string>) {
  const out: { path: string[]; message: string }[] = [];
  const min = (v.minAge ?? '').trim();
  const max = (v.maxAge ?? '').trim();
  if (/^\d{1,2}$/.test(min) && /^\d{1,2}$/.test(max) && Number(min) > Number(max))
    out.push({ path: ['maxAge'], message: 'Oldest age must be the same as or more than the youngest age' });
  if (v.cost === 'paid' && !(v.costDetails ?? '').trim())
    out.push({ path: ['costDetails'], message: 'Enter what it costs, like £5 per session' });
  if (!(v.contactPhone ?? '').trim() && !(v.contactEmail ?? '').trim())
    out.push({
      path: ['contactPhone'],
      message: 'Enter a phone number or an email address so families can get in touch',
    });
  return out;
}

const newOrganisationSchema = z.object({
  token: z.string().regex(TOKEN, { error: 'The form has expired. Open it again and resend it' }),
  name: requiredText(
    { empty: 'Enter the name of the organisation', tooLong: 'Name must be 150 characters or fewer' },
    150,
  ),
  kind: z.enum(ORGANISATION_KINDS.map((k) => k.value) as [string, ...string[]], {
    error: 'Select what kind of organisation it is',
  }),
  description: optional('About the organisation', 2000),
  website: optional('Website', 500).pipe(
    z.string().regex(WEBSITE, { error: 'Enter a website address that starts with https://' }),
  ),
  email: optional('Email', 254).pipe(
    z.string().regex(EMAIL, { error: 'Enter an email address in the correct format, like name@example.com' }),
  ),
  phone: optional('Phone', 30).pipe(
    z.string().regex(PHONE, { error: 'Enter a phone number, like 01632 960000' }),
  ),
});
const ORGANISATION_FIELDS = ['name', 'kind', 'description', 'website', 'email', 'phone'];

/** Every value of a repeated field (checkboxes), strings only. */
function many(body: Record<string, unknown>, name: string): string[] {
  return ([] as unknown[]).concat(body[name] ?? []).filter((v): v is string => typeof v === 'string');
}

/**
 * The new-service form, read (pure): its values (a missing or tampered token given a fresh one: the form still works,
 * only double-submit protection is lost), the ticked categories and needs, the schema's result and every error.
 */
function readNewServiceForm(posted: unknown) {
  const body = (posted ?? {}) as Record<string, unknown>;
  const values = formValues(body);
  if (!TOKEN.test(values.token ?? '')) values.token = randomUUID();
  const selected = { categories: many(body, 'categories'), needs: many(body, 'needs') };
  // A field left out of the post counts as empty, so its own message shows.
  const text = Object.fromEntries(NEW_SERVICE_FIELDS.map((f) => [f, values[f] ?? '']));
  const parsed = newServiceSchema.safeParse({ ...text, token: values.token, ...selected });
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...crossFieldErrors(values).map((i) => ({ ...i, code: 'custom' as const, input: undefined })),
  ];
  const errors: FormErrors | undefined = issues.length
    ? toFormErrors(issues, [...NEW_SERVICE_FIELDS])
    : undefined;
  return { values, selected, parsed, errors };
}

export function newServiceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  async function renderNewService(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    selected: { categories: string[]; needs: string[] },
    errors?: FormErrors,
  ) {
    const actor = actorOf(request);
    const orgs = await organisationsForNewService(db, actor);
    const isProvider = actor.role === 'local-offer-provider';
    if (errors) reply.code(400);
    return reply.view('local-offer/new-service.njk', {
      pageTitle: 'Add a service',
      backLink: isProvider ? paths.home : lo.manage.services,
      values,
      errors,
      isProvider,
      hasOrganisations: orgs.length > 0,
      organisationItems: [
        ...(orgs.length === 1 ? [] : [{ value: '', text: 'Select an organisation' }]),
        ...orgs.map((o) => ({ value: o.id, text: o.name, selected: values.organisationId === o.id })),
      ],
      categoryItems: CATEGORY_CODES.map((c) => ({
        value: c,
        text: CATEGORIES[c].label,
        checked: selected.categories.includes(c),
      })),
      needItems: NEED_CODES.map((n) => ({
        value: n,
        text: NEEDS[n].label,
        checked: selected.needs.includes(n),
      })),
      costItems: [
        { value: 'free', text: 'Free', checked: values.cost === 'free' },
        { value: 'paid', text: 'It costs money', checked: values.cost === 'paid' },
      ],
    });
  }

  app.get(lo.manage.newService, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, MANAGE_ROLES, 'local-offer.service.create');
    const q = formValues(request.query);
    return renderNewService(
      request,
      reply,
      { token: randomUUID(), organisationId: q.organisationId ?? '' },
      { categories: [], needs: [] },
    );
  });

  app.post(lo.manage.newService, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, MANAGE_ROLES, 'local-offer.service.create');
    const { values, selected, parsed, errors: formErrors } = readNewServiceForm(request.body);
    // A provider naming someone else's organisation is refused before anything else (404, audited).
    await authoriseNewServiceFor(db, actor, values.organisationId ?? '');
    let errors = formErrors;
    const orgs = await organisationsForNewService(db, actor);
    if (!errors && parsed.success && !orgs.some((o) => o.id === parsed.data.organisationId))
      errors = singleError('organisationId', 'Select the organisation that runs the service');
    if (errors || !parsed.success) return renderNewService(request, reply, values, selected, errors);
    const d = parsed.data;
    const { id, outcome } = await createService(
      db,
      actor,
      { ...d, isFree: d.cost === 'free' },
      todayInLondon(),
    );
    return reply.redirect(withQuery(lo.manage.services, { saved: `new-${outcome}`, id }), 303);
  });

  async function renderNewOrganisation(
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) {
    if (errors) reply.code(400);
    return reply.view('local-offer/new-organisation.njk', {
      pageTitle: 'Add a provider organisation',
      backLink: lo.manage.providers,
      values,
      errors,
      kindItems: [
        { value: '', text: 'Select a kind of organisation' },
        ...ORGANISATION_KINDS.map((k) => ({ ...k, selected: values.kind === k.value })),
      ],
    });
  }

  app.get(lo.manage.newOrganisation, async (request, reply) => {
    requireRole(actorOf(request), EDITOR_ROLES, 'local-offer.organisation.create');
    return renderNewOrganisation(reply, { token: randomUUID() });
  });

  app.post(lo.manage.newOrganisation, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, EDITOR_ROLES, 'local-offer.organisation.create');
    const values = formValues(request.body);
    if (!TOKEN.test(values.token ?? '')) values.token = randomUUID();
    const parsed = newOrganisationSchema.safeParse(values);
    const keep = values;
    if (!parsed.success)
      return renderNewOrganisation(reply, keep, toFormErrors(parsed.error.issues, ORGANISATION_FIELDS));
    try {
      const id = await createOrganisation(db, actor, {
        ...parsed.data,
        kind: parsed.data.kind as (typeof ORGANISATION_KINDS)[number]['value'],
      });
      return reply.redirect(withQuery(lo.manage.newService, { organisationId: id }), 303);
    } catch (err) {
      if (err instanceof DuplicateOrganisationError)
        return renderNewOrganisation(
          reply,
          keep,
          singleError('name', 'There is already an organisation with this name'),
        );
      throw err;
    }
  });
}
