/**
 * The administrator's page for the authority's rights contacts and who is told of decisions (docs/rights.md): the
 * form's schema with its GOV.UK messages, and the page's view model. Pure.
 */
import { z } from 'zod';
import {
  CONTACT_KINDS,
  CONTACT_LABELS,
  missingContacts,
  type ContactKind,
} from '../../domain/rights/rights.ts';
import type { AuthoritySettings, SettingsChange } from '../../platform/people/authority-settings.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { selectItems } from '../../platform/web/items.ts';

/** Each contact's fields: name, phone, email and (not for the council's own contact) website. */
const HAS_URL: Record<ContactKind, boolean> = {
  mediationAdviser: true,
  authorityMediation: false,
  disagreementResolution: true,
  sendiass: true,
};

/** The words used in messages about each contact ("Enter the name of the mediation adviser"). */
const WHO: Record<ContactKind, string> = {
  mediationAdviser: 'the mediation adviser',
  authorityMediation: "the council's contact for mediation",
  disagreementResolution: 'the disagreement resolution service',
  sendiass: 'SENDIASS',
};

export const SETTINGS_FIELDS: string[] = [
  ...CONTACT_KINDS.flatMap((k) => [`${k}Name`, `${k}Phone`, `${k}Email`, ...(HAS_URL[k] ? [`${k}Url`] : [])]),
  'commissionerOrganisationId',
  'commissionerEmail',
  'socialCareOrganisationId',
  'socialCareEmail',
];

const text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => v ?? '');
const email = (who: string) =>
  text(254, `The email address of ${who} must be 254 characters or fewer`).refine(
    (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    { error: `Enter the email address of ${who} in the correct format, like name@example.com` },
  );
const url = (who: string) =>
  text(500, `The website of ${who} must be 500 characters or fewer`).refine(
    (v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v),
    { error: `Enter the website of ${who} in the correct format, like https://www.example.org` },
  );
const phone = (who: string) =>
  text(40, `The phone number of ${who} must be 40 characters or fewer`).refine(
    (v) => v === '' || /^[0-9+() -]{6,40}$/.test(v),
    { error: `Enter the phone number of ${who} using numbers, like 01632 960100` },
  );
const organisation = z
  .union([z.literal(''), z.uuid({ error: 'Select an organisation from the list' })], {
    error: 'Select an organisation from the list',
  })
  .optional()
  .transform((v) => v || null);

const shape: Record<string, z.ZodType> = {
  commissionerOrganisationId: organisation,
  commissionerEmail: email('the health commissioning body'),
  socialCareOrganisationId: organisation,
  socialCareEmail: email('social care'),
};
for (const k of CONTACT_KINDS) {
  shape[`${k}Name`] = z
    .string({ error: `Enter the name of ${WHO[k]}` })
    .trim()
    .min(1, { error: `Enter the name of ${WHO[k]}` })
    .max(200, { error: `The name of ${WHO[k]} must be 200 characters or fewer` });
  shape[`${k}Phone`] = phone(WHO[k]);
  shape[`${k}Email`] = email(WHO[k]);
  if (HAS_URL[k]) shape[`${k}Url`] = url(WHO[k]);
}

export const settingsSchema = z
  .object(shape)
  .superRefine((v, ctx) => {
    for (const k of CONTACT_KINDS) {
      if (!v[`${k}Phone`] && !v[`${k}Email`])
        ctx.addIssue({
          code: 'custom',
          path: [`${k}Phone`],
          message: `Enter a phone number or an email address for ${WHO[k]}`,
        });
    }
  })
  .transform((v): SettingsChange => {
    const contact = (k: ContactKind) => ({
      name: v[`${k}Name`] as string,
      phone: v[`${k}Phone`] as string,
      email: v[`${k}Email`] as string,
      url: HAS_URL[k] ? (v[`${k}Url`] as string) : '',
    });
    return {
      mediationAdviser: contact('mediationAdviser'),
      authorityMediation: contact('authorityMediation'),
      disagreementResolution: contact('disagreementResolution'),
      sendiass: contact('sendiass'),
      commissioner: {
        organisationId: v.commissionerOrganisationId as string | null,
        email: v.commissionerEmail as string,
      },
      socialCare: {
        organisationId: v.socialCareOrganisationId as string | null,
        email: v.socialCareEmail as string,
      },
    };
  });

/** The form's values from the saved settings. */
export function settingsValues(s: AuthoritySettings): Record<string, string> {
  const values: Record<string, string> = {
    commissionerOrganisationId: s.commissioner.organisationId ?? '',
    commissionerEmail: s.commissioner.email,
    socialCareOrganisationId: s.socialCare.organisationId ?? '',
    socialCareEmail: s.socialCare.email,
  };
  for (const k of CONTACT_KINDS) {
    values[`${k}Name`] = s[k].name;
    values[`${k}Phone`] = s[k].phone;
    values[`${k}Email`] = s[k].email;
    if (HAS_URL[k]) values[`${k}Url`] = s[k].url;
  }
  return values;
}

export interface SettingsPage {
  readonly settings: AuthoritySettings;
  readonly organisations: ReadonlyArray<{ id: string; name: string; kind: string }>;
}

export function settingsView(
  page: SettingsPage,
  values: Record<string, string> | undefined,
  errors: FormErrors | undefined,
  saved = false,
) {
  const v = values ?? settingsValues(page.settings);
  const options = (kind: string) =>
    page.organisations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, text: o.name }));
  return {
    pageTitle: 'Rights contacts and who is told of decisions',
    values: v,
    errors,
    saved,
    missing: missingContacts(page.settings).map((k) => CONTACT_LABELS[k]),
    contacts: CONTACT_KINDS.map((k) => ({ kind: k, legend: CONTACT_LABELS[k], hasUrl: HAS_URL[k] })),
    commissionerItems: selectItems(options('health'), v.commissionerOrganisationId, { any: 'Not chosen' }),
    socialCareItems: selectItems(options('social-care'), v.socialCareOrganisationId, { any: 'Not chosen' }),
  };
}
