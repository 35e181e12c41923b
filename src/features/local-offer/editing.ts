/**
 * Changing a Local Offer entry: who may (authoriseServiceEdit), the fields a change can touch as the form shows them,
 * applying them to a service and writing it, a provider's change waiting for the editor or the editor's published at
 * once (submitEdit), and "these details are still right" (confirmCurrent).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { costText } from './oruk/model.ts';
import type { Cost, LocalOfferService, NeedCode } from './oruk/model.ts';
import { providerOrganisations } from './providers.ts';
import { addDays, MANAGE_ROLES, REVIEW_PERIOD_DAYS } from './service.ts';
import { loadServices, refreshSearchWords, serviceColumns, toOrganisation, touchDirectory } from './store.ts';

/**
 * Loads a service the actor may change: the editor any; a provider only their organisations' entries (others
 * answer 404, audited). Other roles: 403.
 */
export async function authoriseServiceEdit(db: Executor, actor: Actor, serviceId: string) {
  requireRole(actor, MANAGE_ROLES, 'local-offer.manage');
  const denied = () =>
    new NotFoundError('Not found', {
      ctx: auditContext(actor),
      entry: {
        action: 'local-offer.service.edit.denied',
        recordType: 'local_offer_service',
        recordId: isUuid(serviceId) ? serviceId : null,
        outcome: 'denied',
      },
    });
  if (!isUuid(serviceId)) throw denied();
  const row = await db
    .selectFrom('local_offer_service')
    .select(['id', 'organisation_id', 'owner_organisation_id'])
    .where('la_code', '=', actor.laCode)
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!row) throw denied();
  if (actor.role === 'local-offer-provider') {
    const orgs = await providerOrganisations(db, actor);
    if (
      !orgs.includes(row.organisation_id) &&
      !(row.owner_organisation_id && orgs.includes(row.owner_organisation_id))
    )
      throw denied();
  }
  const loaded = await loadServices(db, actor.laCode, [serviceId]);
  const service = loaded.services[0]!;
  return { service, organisation: loaded.organisations.get(service.organisationId)! };
}

// ---------------------------------------------------------------------------------------------------------------
// Editable fields, as the form shows them (text), and applying them to a service.

export const EDIT_FIELDS = [
  'name',
  'description',
  'howToGetIt',
  'minAge',
  'maxAge',
  'needs',
  'needsNote',
  'staffTraining',
  'cost',
  'url',
  'contactPhone',
  'contactEmail',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];
export type EditValues = Record<EditField, string>;

export const EDIT_LABELS: Record<EditField, string> = {
  name: 'Name',
  description: 'What it is',
  howToGetIt: 'How to get it',
  minAge: 'Youngest age',
  maxAge: 'Oldest age',
  needs: 'Needs the staff can meet',
  needsNote: 'More about needs',
  staffTraining: 'What the staff are trained in',
  cost: 'Cost',
  url: 'Website',
  contactPhone: 'Phone',
  contactEmail: 'Email',
};

/** The extra fields a new service shows on the approval page (beyond the fields a change can touch). */
export const NEW_SERVICE_LABELS = {
  organisation: 'Organisation',
  categories: 'Type of service',
  when: 'When',
  where: 'Where',
  accessibility: 'Getting in and around',
} as const;

export function editValuesOf(s: LocalOfferService): EditValues {
  return {
    name: s.name,
    description: s.description,
    howToGetIt: s.howToGetIt ?? '',
    minAge: s.minAge === null ? '' : String(s.minAge),
    maxAge: s.maxAge === null ? '' : String(s.maxAge),
    needs: s.needs.join(','),
    needsNote: s.needsNote ?? '',
    staffTraining: s.staffTraining.join('\n'),
    cost: costText(s.cost),
    url: s.url ?? '',
    contactPhone: s.contacts[0]?.phone ?? '',
    contactEmail: s.contacts[0]?.email ?? '',
  };
}

/** The service with the changed fields applied (fields not in `changed` keep their current structure). */
export function applyEdit(
  s: LocalOfferService,
  values: EditValues,
  changed: readonly EditField[],
): LocalOfferService {
  const has = (f: EditField) => changed.includes(f);
  const cost: Cost = /^free\b/i.test(values.cost.trim())
    ? {
        kind: 'free',
        ...(values.cost.trim().length > 4
          ? {
              note: values.cost
                .trim()
                .slice(4)
                .replace(/^[.\s]+/, ''),
            }
          : {}),
      }
    : { kind: 'paid', options: [{ amount: null, description: values.cost.trim() }] };
  const contact = { ...(s.contacts[0] ?? {}) };
  if (has('contactPhone')) {
    if (values.contactPhone) contact.phone = values.contactPhone;
    else delete contact.phone;
  }
  if (has('contactEmail')) {
    if (values.contactEmail) contact.email = values.contactEmail;
    else delete contact.email;
  }
  const { howToGetIt: _h, needsNote: _n, ...rest } = s;
  const howToGetIt = has('howToGetIt') ? values.howToGetIt : (s.howToGetIt ?? '');
  const needsNote = has('needsNote') ? values.needsNote : (s.needsNote ?? '');
  return {
    ...rest,
    name: has('name') ? values.name : s.name,
    description: has('description') ? values.description : s.description,
    ...(howToGetIt ? { howToGetIt } : {}),
    minAge: has('minAge') ? (values.minAge === '' ? null : Number(values.minAge)) : s.minAge,
    maxAge: has('maxAge') ? (values.maxAge === '' ? null : Number(values.maxAge)) : s.maxAge,
    needs: has('needs') ? (values.needs.split(',').filter(Boolean) as NeedCode[]) : s.needs,
    ...(needsNote ? { needsNote } : {}),
    staffTraining: has('staffTraining')
      ? values.staffTraining
          .split('\n')
          .map((t) => t.trim())
          .filter(Boolean)
      : s.staffTraining,
    cost: has('cost') ? cost : s.cost,
    url: has('url') ? values.url || null : s.url,
    contacts:
      has('contactPhone') || has('contactEmail')
        ? [contact, ...s.contacts.slice(1)].filter((c) => Object.keys(c).length > 0)
        : s.contacts,
  };
}

export function changedFields(previous: EditValues, next: EditValues): EditField[] {
  return EDIT_FIELDS.filter((f) => (previous[f] ?? '') !== (next[f] ?? ''));
}

export async function writeService(
  trx: Executor,
  laCode: string,
  updated: LocalOfferService,
  checkedBy: { on: string; by: string; byEmail: string | null },
) {
  const org = await trx
    .selectFrom('local_offer_organisation')
    .select(['id', 'name', 'description', 'kind', 'website', 'email', 'phone'])
    .where('la_code', '=', laCode)
    .where('id', '=', updated.organisationId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('local_offer_service')
    .set({
      ...serviceColumns(updated, toOrganisation(org)),
      last_checked_on: checkedBy.on,
      last_checked_by: checkedBy.by,
      last_checked_by_email: checkedBy.byEmail,
      review_by: addDays(checkedBy.on, REVIEW_PERIOD_DAYS),
      last_modified: new Date(),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', updated.id)
    .execute();
  await refreshSearchWords(trx, laCode, [updated.id]);
  await touchDirectory(trx, laCode);
}

function checkerName(actor: Actor, organisationName: string): string {
  if (actor.role === 'local-offer-provider') return `${organisationName} (provider)`;
  return actor.jobTitle ?? 'Local Offer editor';
}

/**
 * A provider's change waits for the editor (one waiting change per service: a new one replaces it); the editor's
 * own change is published at once. Returns what happened.
 */
export async function submitEdit(
  db: Kysely<DB>,
  actor: Actor,
  serviceId: string,
  values: EditValues,
  today: string,
): Promise<'pending' | 'published' | 'unchanged'> {
  return db.transaction().execute(async (trx): Promise<'pending' | 'published' | 'unchanged'> => {
    const { service, organisation } = await authoriseServiceEdit(trx, actor, serviceId);
    const previous = editValuesOf(service);
    const changed = changedFields(previous, values);
    if (changed.length === 0) return 'unchanged';
    if (actor.role === 'local-offer-editor') {
      await writeService(trx, actor.laCode, applyEdit(service, values, changed), {
        on: today,
        by: checkerName(actor, organisation.name),
        byEmail: actor.email,
      });
      await audit(trx, auditContext(actor), {
        action: 'local-offer.service.update',
        recordType: 'local_offer_service',
        recordId: serviceId,
        detail: { fields: changed },
      });
      return 'published';
    }
    const existing = await trx
      .selectFrom('local_offer_pending_edit')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('service_id', '=', serviceId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('local_offer_pending_edit')
        .set({
          changes: JSON.stringify(values),
          previous: JSON.stringify(previous),
          submitted_by: actor.userId,
          submitted_at: new Date(),
        })
        .where('la_code', '=', actor.laCode)
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('local_offer_pending_edit')
        .values({
          la_code: actor.laCode,
          service_id: serviceId,
          submitted_by: actor.userId,
          changes: JSON.stringify(values),
          previous: JSON.stringify(previous),
        })
        .execute();
    }
    await audit(trx, auditContext(actor), {
      action: 'local-offer.service.edit-submitted',
      recordType: 'local_offer_service',
      recordId: serviceId,
      detail: { fields: changed },
    });
    return 'pending';
  });
}

/** "These details are still right": the entry is checked today and due again in a year. */
export async function confirmCurrent(db: Kysely<DB>, actor: Actor, serviceId: string, today: string) {
  await db.transaction().execute(async (trx) => {
    const { organisation } = await authoriseServiceEdit(trx, actor, serviceId);
    await trx
      .updateTable('local_offer_service')
      .set({
        last_checked_on: today,
        last_checked_by: checkerName(actor, organisation.name),
        last_checked_by_email: actor.role === 'local-offer-editor' ? actor.email : null,
        review_by: addDays(today, REVIEW_PERIOD_DAYS),
      })
      .where('la_code', '=', actor.laCode)
      .where('id', '=', serviceId)
      .execute();
    await touchDirectory(trx, actor.laCode);
    await audit(trx, auditContext(actor), {
      action: 'local-offer.service.confirm',
      recordType: 'local_offer_service',
      recordId: serviceId,
    });
  });
}
