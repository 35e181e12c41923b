/**
 * The authority's own settings that decisions rely on (migration 0018; docs/rights.md): the contacts every rights
 * block names (mediation adviser, the council's mediation contact, disagreement resolution, SENDIASS) and the
 * organisations told of decisions (the health commissioning body and social care), each with an email address.
 */
import type { Executor } from '../audit/audit.ts';

export interface ContactFields {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly url: string;
}

export interface AuthoritySettings {
  readonly laCode: string;
  readonly name: string;
  readonly teamEmail: string;
  readonly teamPhone: string;
  readonly mediationAdviser: ContactFields;
  readonly authorityMediation: ContactFields;
  readonly disagreementResolution: ContactFields;
  readonly sendiass: ContactFields;
  readonly commissioner: { readonly organisationId: string | null; readonly email: string };
  readonly socialCare: { readonly organisationId: string | null; readonly email: string };
}

export type SettingsChange = Omit<AuthoritySettings, 'laCode' | 'name' | 'teamEmail' | 'teamPhone'>;

export async function authoritySettings(db: Executor, laCode: string): Promise<AuthoritySettings> {
  const r = await db
    .selectFrom('local_authority')
    .selectAll()
    .where('la_code', '=', laCode)
    .executeTakeFirstOrThrow();
  return {
    laCode: r.la_code,
    name: r.name,
    teamEmail: r.team_email,
    teamPhone: r.team_phone,
    mediationAdviser: {
      name: r.mediation_adviser_name,
      phone: r.mediation_adviser_phone,
      email: r.mediation_adviser_email,
      url: r.mediation_adviser_url,
    },
    authorityMediation: {
      name: r.mediation_contact_name,
      phone: r.mediation_contact_phone,
      email: r.mediation_contact_email,
      url: '',
    },
    disagreementResolution: {
      name: r.disagreement_name,
      phone: r.disagreement_phone,
      email: r.disagreement_email,
      url: r.disagreement_url,
    },
    sendiass: {
      name: r.sendiass_name,
      phone: r.sendiass_phone,
      email: r.sendiass_email,
      url: r.sendiass_url,
    },
    commissioner: { organisationId: r.commissioner_organisation_id, email: r.commissioner_email },
    socialCare: { organisationId: r.social_care_organisation_id, email: r.social_care_email },
  };
}

/** Writes the settings (the caller's transaction; the caller audits). */
export async function updateAuthoritySettings(
  db: Executor,
  laCode: string,
  s: SettingsChange,
): Promise<void> {
  await db
    .updateTable('local_authority')
    .set({
      mediation_adviser_name: s.mediationAdviser.name,
      mediation_adviser_phone: s.mediationAdviser.phone,
      mediation_adviser_email: s.mediationAdviser.email,
      mediation_adviser_url: s.mediationAdviser.url,
      mediation_contact_name: s.authorityMediation.name,
      mediation_contact_phone: s.authorityMediation.phone,
      mediation_contact_email: s.authorityMediation.email,
      disagreement_name: s.disagreementResolution.name,
      disagreement_phone: s.disagreementResolution.phone,
      disagreement_email: s.disagreementResolution.email,
      disagreement_url: s.disagreementResolution.url,
      sendiass_name: s.sendiass.name,
      sendiass_phone: s.sendiass.phone,
      sendiass_email: s.sendiass.email,
      sendiass_url: s.sendiass.url,
      commissioner_organisation_id: s.commissioner.organisationId,
      commissioner_email: s.commissioner.email,
      social_care_organisation_id: s.socialCare.organisationId,
      social_care_email: s.socialCare.email,
    })
    .where('la_code', '=', laCode)
    .execute();
}

/** The authority's organisations of some kinds (for choosing who is told), by name. */
export function organisationsOfKinds(db: Executor, laCode: string, kinds: readonly string[]) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'kind'])
    .where('la_code', '=', laCode)
    .where('kind', 'in', kinds as never)
    .orderBy('name')
    .execute();
}
