/**
 * Provider accounts and the organisations they keep current: which organisations an account edits for, and the
 * editor's list and linking of accounts to organisations.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { userByEmail, usersByIds } from '../../platform/people/users.ts';
import { EDITOR_ROLES } from './service.ts';

/** The Local Offer organisations a provider account edits for. */
export async function providerOrganisations(db: Executor, actor: Actor): Promise<string[]> {
  const rows = await db
    .selectFrom('local_offer_provider_user')
    .select('organisation_id')
    .where('la_code', '=', actor.laCode)
    .where('user_id', '=', actor.userId)
    .execute();
  return rows.map((r) => r.organisation_id);
}

export async function listProviderLinks(db: Executor, actor: Actor) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.providers');
  const links = await db
    .selectFrom('local_offer_provider_user as p')
    .innerJoin('local_offer_organisation as o', (j) =>
      j.onRef('o.la_code', '=', 'p.la_code').onRef('o.id', '=', 'p.organisation_id'),
    )
    .select(['p.user_id', 'o.name as organisation_name', 'p.created_at'])
    .where('p.la_code', '=', actor.laCode)
    .orderBy('o.name')
    .execute();
  const users = await usersByIds(
    db,
    actor.laCode,
    links.map((l) => l.user_id),
  );
  // By organisation (as the query orders them), then by the account's email within each.
  const group = new Map(links.map((l, i) => [l.organisation_name, i]));
  return links
    .flatMap(({ user_id, ...l }) => {
      const u = users.get(user_id);
      return u ? [{ email: u.email, display_name: u.display_name, ...l }] : [];
    })
    .sort(
      (a, b) =>
        group.get(a.organisation_name)! - group.get(b.organisation_name)! ||
        (a.email < b.email ? -1 : a.email > b.email ? 1 : 0),
    );
}

/** Every Local Offer organisation of the authority, by name (the choices on the provider accounts page). */
export async function organisationChoices(db: Executor, laCode: string) {
  return db
    .selectFrom('local_offer_organisation')
    .select(['id', 'name'])
    .where('la_code', '=', laCode)
    .orderBy('name')
    .execute();
}

export class LinkError extends Error {
  readonly field: 'email' | 'organisationId';
  constructor(field: 'email' | 'organisationId', message: string) {
    super(message);
    this.field = field;
  }
}

/** Links a provider account to an organisation (linking twice changes nothing). */
export async function linkProvider(db: Kysely<DB>, actor: Actor, email: string, organisationId: string) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.providers');
  await db.transaction().execute(async (trx) => {
    const user = await userByEmail(trx, actor.laCode, email.toLowerCase());
    if (!user || user.role !== 'local-offer-provider')
      throw new LinkError('email', 'Enter the email address of a Local Offer provider account');
    const org = isUuid(organisationId)
      ? await trx
          .selectFrom('local_offer_organisation')
          .select('id')
          .where('la_code', '=', actor.laCode)
          .where('id', '=', organisationId)
          .executeTakeFirst()
      : undefined;
    if (!org) throw new LinkError('organisationId', 'Select an organisation from the list');
    await trx
      .insertInto('local_offer_provider_user')
      .values({ la_code: actor.laCode, user_id: user.id, organisation_id: org.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await audit(trx, auditContext(actor), {
      action: 'local-offer.provider.link',
      recordType: 'local_offer_organisation',
      recordId: org.id,
      detail: { userId: user.id },
    });
  });
}
