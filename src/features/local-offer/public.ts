/** The authority the Local Offer's public pages and the Open Referral feed are for. */
import type { Executor } from '../../platform/audit/audit.ts';
import { authorities } from '../../platform/people/users.ts';
import { authoritiesWithOrganisations } from './store.ts';

export interface PublicAuthority {
  la_code: string;
  name: string;
  sendiass_name: string;
  sendiass_phone: string;
  sendiass_email: string;
  sendiass_url: string;
  team_email: string;
}

/**
 * The authority whose Local Offer this deployment publishes: `wanted` (GOLDTHREAD_LOCAL_OFFER_LA, `config.localOfferLa`)
 * when set, otherwise the first authority (by code) that has Local Offer organisations, otherwise the first authority.
 */
export async function publicAuthority(
  db: Executor,
  wanted: string | undefined,
): Promise<PublicAuthority | undefined> {
  const all = await authorities(db, wanted || undefined);
  const withOffer = await authoritiesWithOrganisations(db);
  const row = all.find((a) => withOffer.has(a.la_code)) ?? all[0];
  if (!row) return undefined;
  const { la_code, name, sendiass_name, sendiass_phone, sendiass_email, sendiass_url, team_email } = row;
  return { la_code, name, sendiass_name, sendiass_phone, sendiass_email, sendiass_url, team_email };
}
