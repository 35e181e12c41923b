/**
 * Adding to the Local Offer: a new service (a provider for one of their own organisations, the editor for any) and
 * a new provider organisation (the editor only).
 *
 * - A provider's new service is saved as not shown (`status` 'inactive') with a waiting change in the existing
 *   approval queue (`local_offer_pending_edit`, `previous` empty, `changes._new` 'yes'), so the editor sees every
 *   field as a before/after table and publishes or rejects it like any other change. Publishing makes it active.
 * - The editor's new service is published at once, checked today by the editor.
 * - Either way the review-by date is a year away, the search text is written with the row (the search vector is a
 *   generated column) and the words join the typo vocabulary, all in one transaction with an audit entry.
 * - Double submits: the form carries a token made when it was shown, and the token is the new row's id. A second
 *   submit of the same form finds the row it made (and its own audit entry) and changes nothing.
 * - A provider naming an organisation they are not linked to gets 404, audited, as for editing.
 */
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit, auditedBy } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { isUniqueViolation, NotFoundError } from '../../platform/errors.ts';
import { DEMO_AREA } from './demo-services.ts';
import { CATEGORIES } from './oruk/model.ts';
import type {
  CategoryCode,
  Cost,
  LocalOfferService,
  NeedCode,
  OrganisationKind,
  ServiceLocation,
} from './oruk/model.ts';
import { editValuesOf } from './editing.ts';
import { providerOrganisations } from './providers.ts';
import { addDays, EDITOR_ROLES, MANAGE_ROLES, REVIEW_PERIOD_DAYS } from './service.ts';
import {
  locationColumns,
  refreshSearchWords,
  serviceColumns,
  toOrganisation,
  touchDirectory,
} from './store.ts';

export interface NewServiceInput {
  token: string;
  organisationId: string;
  name: string;
  description: string;
  categories: CategoryCode[];
  needs: NeedCode[];
  needsNote: string;
  minAge: string;
  maxAge: string;
  isFree: boolean;
  costDetails: string;
  howToGetIt: string;
  when: string;
  locationName: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  accessibility: string;
  staffTraining: string;
  contactPhone: string;
  contactEmail: string;
  url: string;
}

/** The organisations the actor may add a service for: a provider's own, or all of them for the editor. */
export async function organisationsForNewService(db: Executor, actor: Actor) {
  requireRole(actor, MANAGE_ROLES, 'local-offer.service.create');
  const own = actor.role === 'local-offer-provider' ? await providerOrganisations(db, actor) : null;
  if (own && own.length === 0) return [];
  return db
    .selectFrom('local_offer_organisation')
    .select(['id', 'name'])
    .where('la_code', '=', actor.laCode)
    .$if(own !== null, (q) => q.where('id', 'in', own!))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/**
 * A provider may add only for their own organisations: any other id (known or not) answers 404 and the refusal is
 * audited. The editor may name any organisation (an unknown one is a form error, checked by the caller).
 */
export async function authoriseNewServiceFor(db: Executor, actor: Actor, organisationId: string) {
  requireRole(actor, MANAGE_ROLES, 'local-offer.service.create');
  if (actor.role !== 'local-offer-provider' || organisationId === '') return;
  const own = await providerOrganisations(db, actor);
  if (own.includes(organisationId)) return;
  throw new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: {
      action: 'local-offer.service.create.denied',
      recordType: 'local_offer_organisation',
      recordId: isUuid(organisationId) ? organisationId : null,
      outcome: 'denied',
    },
  });
}

/** Where a new location is put on the map: the middle of the authority's other locations (no postcode look-up yet). */
async function placeGuess(trx: Executor, laCode: string) {
  const row = await trx
    .selectFrom('local_offer_location')
    .select([
      (eb) => eb.fn.avg<number>('latitude').as('lat'),
      (eb) => eb.fn.avg<number>('longitude').as('lng'),
      (eb) => eb.fn.max<string>('county').as('county'),
    ])
    .where('la_code', '=', laCode)
    .executeTakeFirst();
  return {
    latitude: row?.lat == null ? DEMO_AREA.centre.latitude : Number(row.lat),
    longitude: row?.lng == null ? DEMO_AREA.centre.longitude : Number(row.lng),
    county: row?.county ?? null,
  };
}

function normalisePostcode(p: string): string {
  const compact = p.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Was this id made by this user through this form (a second submit of the same form)? */
const madeBy = (trx: Executor, actor: Actor, action: string, id: string) =>
  auditedBy(trx, { laCode: actor.laCode, userId: actor.userId, action, recordId: id });

export type NewServiceOutcome = 'published' | 'pending';

/**
 * Adds a service: one transaction (service, location, search words, waiting change for a provider, audit). Returns
 * the new id and whether it is published or waiting. A repeated token returns what the first submit did.
 */
export async function createService(
  db: Kysely<DB>,
  actor: Actor,
  input: NewServiceInput,
  today: string,
): Promise<{ id: string; outcome: NewServiceOutcome }> {
  requireRole(actor, MANAGE_ROLES, 'local-offer.service.create');
  if (!isUuid(input.token)) throw new NotFoundError();
  const outcome: NewServiceOutcome = actor.role === 'local-offer-editor' ? 'published' : 'pending';
  const again = async () => {
    if (await madeBy(db, actor, 'local-offer.service.create', input.token))
      return { id: input.token, outcome };
    throw new NotFoundError();
  };
  try {
    return await db.transaction().execute(async (trx) => {
      await authoriseNewServiceFor(trx, actor, input.organisationId);
      const existing = await trx
        .selectFrom('local_offer_service')
        .select('id')
        .where('la_code', '=', actor.laCode)
        .where('id', '=', input.token)
        .executeTakeFirst();
      if (existing) {
        if (await madeBy(trx, actor, 'local-offer.service.create', input.token))
          return { id: input.token, outcome };
        throw new NotFoundError();
      }
      const orgRow = await trx
        .selectFrom('local_offer_organisation')
        .select(['id', 'name', 'description', 'kind', 'website', 'email', 'phone'])
        .where('la_code', '=', actor.laCode)
        .where('id', '=', input.organisationId)
        .executeTakeFirst();
      if (!orgRow) throw new NotFoundError();
      const org = toOrganisation(orgRow);
      const place = await placeGuess(trx, actor.laCode);
      const location: ServiceLocation = {
        id: randomUUID(),
        name: input.locationName || input.addressLine1,
        addressLine1: input.addressLine1,
        ...(input.addressLine2 ? { addressLine2: input.addressLine2 } : {}),
        town: input.town,
        county: place.county ?? input.town,
        postcode: normalisePostcode(input.postcode),
        latitude: place.latitude,
        longitude: place.longitude,
        ...(input.accessibility ? { accessibility: input.accessibility } : {}),
      };
      const cost: Cost = input.isFree
        ? { kind: 'free', ...(input.costDetails ? { note: input.costDetails } : {}) }
        : { kind: 'paid', options: [{ amount: null, description: input.costDetails }] };
      const editor = actor.role === 'local-offer-editor';
      const service: LocalOfferService = {
        id: input.token,
        organisationId: org.id,
        name: input.name,
        description: input.description,
        howToGetIt: input.howToGetIt,
        minAge: input.minAge === '' ? null : Number(input.minAge),
        maxAge: input.maxAge === '' ? null : Number(input.maxAge),
        needs: input.needs,
        ...(input.needsNote ? { needsNote: input.needsNote } : {}),
        staffTraining: input.staffTraining
          .split('\n')
          .map((t) => t.trim())
          .filter(Boolean),
        categories: input.categories,
        cost,
        schedules: [{ description: input.when }],
        locations: [location],
        contacts: [
          {
            ...(input.contactPhone ? { phone: input.contactPhone } : {}),
            ...(input.contactEmail ? { email: input.contactEmail } : {}),
          },
        ],
        url: input.url || null,
        owner: { kind: 'organisation', organisationId: org.id },
        reviewBy: addDays(today, REVIEW_PERIOD_DAYS),
        lastChecked: editor
          ? { on: today, by: actor.jobTitle ?? 'Local Offer editor', byEmail: actor.email }
          : { on: today, by: `${org.name} (provider)` },
        status: editor ? 'active' : 'inactive',
        lastModified: new Date().toISOString(),
      };
      await trx
        .insertInto('local_offer_location')
        .values(locationColumns(actor.laCode, org.id, location))
        .execute();
      await trx
        .insertInto('local_offer_service')
        .values({
          la_code: actor.laCode,
          id: service.id,
          ...serviceColumns(service, org),
          owner_organisation_id: org.id,
          owner_user_id: null,
          review_by: service.reviewBy,
          last_checked_on: service.lastChecked.on,
          last_checked_by: service.lastChecked.by,
          last_checked_by_email: service.lastChecked.byEmail ?? null,
          status: service.status,
          last_modified: new Date(),
        })
        .execute();
      await trx
        .insertInto('local_offer_service_location')
        .values({ la_code: actor.laCode, service_id: service.id, location_id: location.id, position: 0 })
        .execute();
      await refreshSearchWords(trx, actor.laCode, [service.id]);
      await touchDirectory(trx, actor.laCode);
      if (!editor) {
        const where = [
          location.name,
          location.addressLine1,
          location.addressLine2,
          location.town,
          location.postcode,
        ]
          .filter(Boolean)
          .join(', ');
        await trx
          .insertInto('local_offer_pending_edit')
          .values({
            la_code: actor.laCode,
            service_id: service.id,
            submitted_by: actor.userId,
            changes: JSON.stringify({
              ...editValuesOf(service),
              _new: 'yes',
              organisation: org.name,
              categories: service.categories.map((c) => CATEGORIES[c].label).join(', '),
              when: input.when,
              where,
              accessibility: input.accessibility,
            }),
            previous: JSON.stringify({}),
          })
          .execute();
      }
      await audit(trx, auditContext(actor), {
        action: 'local-offer.service.create',
        recordType: 'local_offer_service',
        recordId: service.id,
        detail: { organisationId: org.id, published: editor },
      });
      return { id: service.id, outcome };
    });
  } catch (err) {
    // Two submits at the same moment (PostgreSQL): the second one's insert meets the first one's row.
    if (isUniqueViolation(err)) return again();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A new provider organisation (the editor only).

export const ORGANISATION_KINDS: readonly { value: OrganisationKind; text: string }[] = [
  { value: 'charity', text: 'Charity' },
  { value: 'community-group', text: 'Community group' },
  { value: 'business', text: 'Business' },
  { value: 'school', text: 'School' },
  { value: 'college', text: 'College' },
  { value: 'early-years', text: 'Nursery or childminder (early years)' },
  { value: 'nhs', text: 'National Health Service (NHS)' },
  { value: 'council', text: 'Council' },
];

export interface NewOrganisationInput {
  token: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string;
  email: string;
  phone: string;
}

export class DuplicateOrganisationError extends Error {}

export async function createOrganisation(
  db: Kysely<DB>,
  actor: Actor,
  input: NewOrganisationInput,
): Promise<string> {
  requireRole(actor, EDITOR_ROLES, 'local-offer.organisation.create');
  if (!isUuid(input.token)) throw new NotFoundError();
  const again = async () => {
    if (await madeBy(db, actor, 'local-offer.organisation.create', input.token)) return input.token;
    throw new NotFoundError();
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('local_offer_organisation')
        .select('id')
        .where('la_code', '=', actor.laCode)
        .where('id', '=', input.token)
        .executeTakeFirst();
      if (existing) {
        if (await madeBy(trx, actor, 'local-offer.organisation.create', input.token)) return input.token;
        throw new NotFoundError();
      }
      const clash = await trx
        .selectFrom('local_offer_organisation')
        .select('id')
        .where('la_code', '=', actor.laCode)
        .where(sql<string>`lower(name)`, '=', input.name.toLowerCase())
        .executeTakeFirst();
      if (clash) throw new DuplicateOrganisationError();
      await trx
        .insertInto('local_offer_organisation')
        .values({
          la_code: actor.laCode,
          id: input.token,
          name: input.name,
          description: input.description,
          kind: input.kind,
          website: input.website || null,
          email: input.email || null,
          phone: input.phone || null,
        })
        .execute();
      await touchDirectory(trx, actor.laCode);
      await audit(trx, auditContext(actor), {
        action: 'local-offer.organisation.create',
        recordType: 'local_offer_organisation',
        recordId: input.token,
      });
      return input.token;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return again();
    throw err;
  }
}
