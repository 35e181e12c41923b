/**
 * The Local Offer's rules: who may change what, feedback and usage counts (no person, no cookie), provider edits
 * waiting for the editor's approval, triage, and "You said, we did". Every change is one transaction with an audit
 * entry. Providers may touch only their own organisations' entries (anything else answers 404); pages for editors
 * answer 403 to every other role.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { DB, Role } from '../../platform/db/schema/index.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import type { Template } from '../../platform/notify/templates.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { costText, isStale, NEED_CODES } from './oruk/model.ts';
import type { Cost, LocalOfferService, NeedCode } from './oruk/model.ts';
import { authorities, userByEmail, usersByIds } from '../../platform/people/users.ts';
import {
  authoritiesWithOrganisations,
  loadServices,
  refreshSearchWords,
  serviceColumns,
  toOrganisation,
  touchDirectory,
} from './store.ts';

/** The messages about providers' edits (registered by the composition root from the feature's index.ts). */
export const EDIT_TEMPLATES = {
  'local-offer-edit-approved': {
    subject: 'Your change to ((service)) is published',
    body:
      'Hello,\n\nThe Local Offer editor checked your change to "((service))" (((fields))) and published it. ' +
      'Families can see it now, and the entry is marked as checked today.\n\n((note))\n\nYou do not need to do ' +
      'anything else until we remind you to check the entry again.',
  },
  'local-offer-edit-rejected': {
    subject: 'Your change to ((service)) was not published',
    body:
      'Hello,\n\nThe Local Offer editor checked your change to "((service))" (((fields))) and did not publish it. ' +
      'The entry still shows what it showed before.\n\n((note))\n\nWhat to do: sign in, open the entry and send ' +
      'the change again with what the editor asked for, or reply to the Local Offer team.',
  },
} satisfies Record<string, Template>;

export const EDITOR_ROLES: readonly Role[] = ['local-offer-editor'];
export const MANAGE_ROLES: readonly Role[] = ['local-offer-editor', 'local-offer-provider'];

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A checked entry is due again in a year. */
export const REVIEW_PERIOD_DAYS = 365;

// ---------------------------------------------------------------------------------------------------------------
// The authority the public pages and the feed are for.

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

// ---------------------------------------------------------------------------------------------------------------
// Usage counts: a number per day, nothing about who.

export type Metric = 'search' | 'zero-result' | 'page-view' | 'feedback';

/** Counts one of each metric given for the day, in one statement (a search's page counts its search and its view). */
export async function countUsage(
  db: Executor,
  laCode: string,
  metric: Metric | readonly Metric[],
  day: string,
): Promise<void> {
  const metrics = [...new Set(typeof metric === 'string' ? [metric] : metric)];
  if (metrics.length === 0) return;
  await db
    .insertInto('local_offer_usage_daily')
    .values(metrics.map((m) => ({ la_code: laCode, day, metric: m, count: 1 })))
    .onConflict((oc) =>
      oc.columns(['la_code', 'day', 'metric']).doUpdateSet({ count: sql`local_offer_usage_daily.count + 1` }),
    )
    .execute();
}

/**
 * Counts a search (and a zero-result search, with its words, when it found nothing), and the `also` metrics (the
 * search page's own view) in the same statement: one write for a search's page, not two or three (ADR 0069).
 */
export async function recordSearch(
  db: Executor,
  laCode: string,
  day: string,
  term: string,
  found: number,
  also: readonly Metric[] = [],
): Promise<void> {
  await countUsage(db, laCode, ['search', ...(found > 0 ? [] : ['zero-result' as const]), ...also], day);
  if (found > 0) return;
  const cleaned = term.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 100);
  if (!cleaned) return;
  await db
    .insertInto('local_offer_zero_result_term')
    .values({ la_code: laCode, day, term: cleaned, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'day', 'term'])
        .doUpdateSet({ count: sql`local_offer_zero_result_term.count + 1` }),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Feedback from anyone.

export async function saveFeedback(
  db: Kysely<DB>,
  laCode: string,
  day: string,
  input: {
    kind: 'rating' | 'problem' | 'comment';
    pagePath: string;
    useful?: boolean | undefined;
    accurate?: boolean | undefined;
    body?: string | undefined;
  },
): Promise<void> {
  const match = /^\/local-offer\/services\/([0-9a-f-]{36})$/.exec(input.pagePath);
  let serviceId: string | null = null;
  if (match && isUuid(match[1]!)) {
    const row = await db
      .selectFrom('local_offer_service')
      .select('id')
      .where('la_code', '=', laCode)
      .where('id', '=', match[1]!)
      .executeTakeFirst();
    serviceId = row?.id ?? null;
  }
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('local_offer_feedback')
      .values({
        la_code: laCode,
        kind: input.kind,
        page_path: input.pagePath,
        service_id: serviceId,
        useful: input.useful ?? null,
        accurate: input.accurate ?? null,
        body: input.body ?? null,
        triage: input.body ? 'new' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await countUsage(trx, laCode, 'feedback', day);
    await audit(
      trx,
      { laCode, userId: null, sessionId: null, ip: null },
      { action: `local-offer.feedback.${input.kind}`, recordType: 'local_offer_feedback', recordId: id },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Who may change an entry.

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

async function writeService(
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

// ---------------------------------------------------------------------------------------------------------------
// The editor's approvals.

export async function listPendingEdits(db: Executor, actor: Actor) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.approvals');
  const rows = await db
    .selectFrom('local_offer_pending_edit as e')
    .innerJoin('local_offer_service as s', (j) =>
      j.onRef('s.la_code', '=', 'e.la_code').onRef('s.id', '=', 'e.service_id'),
    )
    .innerJoin('local_offer_organisation as o', (j) =>
      j.onRef('o.la_code', '=', 's.la_code').onRef('o.id', '=', 's.organisation_id'),
    )
    .select([
      'e.id',
      'e.submitted_at',
      's.id as service_id',
      's.name as service_name',
      'o.name as organisation_name',
      'e.submitted_by as submitted_by_id',
      sql<boolean>`coalesce(e.changes->>'_new' = 'yes', false)`.as('is_new'),
    ])
    .where('e.la_code', '=', actor.laCode)
    .where('e.status', '=', 'pending')
    .orderBy('e.submitted_at')
    .execute();
  const senders = await usersByIds(
    db,
    actor.laCode,
    rows.map((r) => r.submitted_by_id),
  );
  return rows.flatMap(({ submitted_by_id, ...r }) => {
    const sender = senders.get(submitted_by_id);
    return sender ? [{ ...r, submitted_by: sender.display_name }] : [];
  });
}

export async function getPendingEdit(db: Executor, actor: Actor, editId: string) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.approvals');
  if (!isUuid(editId)) throw new NotFoundError();
  const row = await db
    .selectFrom('local_offer_pending_edit as e')
    .innerJoin('local_offer_service as s', (j) =>
      j.onRef('s.la_code', '=', 'e.la_code').onRef('s.id', '=', 'e.service_id'),
    )
    .select([
      'e.id',
      'e.status',
      'e.changes',
      'e.previous',
      'e.submitted_at',
      's.id as service_id',
      's.name as service_name',
      'e.submitted_by as submitted_by_id',
    ])
    .where('e.la_code', '=', actor.laCode)
    .where('e.id', '=', editId)
    .executeTakeFirst();
  const sender = row && (await usersByIds(db, actor.laCode, [row.submitted_by_id])).get(row.submitted_by_id);
  if (!row || !sender) throw new NotFoundError();
  const { submitted_by_id: _sender, ...edited } = row;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Partial<EditValues>;
  const changes = parse(row.changes);
  const previous = parse(row.previous);
  const diff: { field: string; label: string; before: string; after: string }[] = EDIT_FIELDS.filter(
    (f) => f in changes && (previous[f] ?? '') !== (changes[f] ?? ''),
  ).map((f) => ({
    field: f,
    label: EDIT_LABELS[f],
    before: previous[f] ?? '',
    after: changes[f] ?? '',
  }));
  // A new service (see new-service.ts) shows everything it will publish, not only the fields a change can touch.
  const extra = changes as Record<string, string | undefined>;
  const isNew = extra._new === 'yes';
  if (isNew) {
    for (const [field, label] of Object.entries(NEW_SERVICE_LABELS)) {
      if (extra[field]) diff.push({ field, label, before: '', after: extra[field] });
    }
  }
  return { ...edited, submitted_by: sender.display_name, diff, changes, isNew };
}

export async function decideEdit(
  db: Kysely<DB>,
  actor: Actor,
  editId: string,
  decision: 'approve' | 'reject',
  note: string | undefined,
  today: string,
  jobs?: Jobs,
) {
  await db.transaction().execute(async (trx) => {
    const edit = await getPendingEdit(trx, actor, editId);
    if (edit.status !== 'pending') return; // already decided (a second click)
    const updated = await trx
      .updateTable('local_offer_pending_edit')
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decided_by: actor.userId,
        decided_at: new Date(),
        decision_note: note ?? null,
      })
      .where('la_code', '=', actor.laCode)
      .where('id', '=', editId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    if (decision === 'approve') {
      const loaded = await loadServices(trx, actor.laCode, [edit.service_id]);
      const service = loaded.services[0]!;
      const current = editValuesOf(service);
      const values = { ...current, ...edit.changes };
      const changed = changedFields(current, values);
      const org = loaded.organisations.get(service.organisationId)!;
      await writeService(trx, actor.laCode, applyEdit(service, values, changed), {
        on: today,
        by: `${org.name} (provider), approved by ${actor.jobTitle ?? 'the Local Offer editor'}`,
        byEmail: actor.email,
      });
      // A provider's new service is not shown until now.
      if (edit.isNew)
        await trx
          .updateTable('local_offer_service')
          .set({ status: 'active' })
          .where('la_code', '=', actor.laCode)
          .where('id', '=', edit.service_id)
          .execute();
    }
    if (jobs) {
      // Tell whoever sent the change what happened to it.
      const sentBy = await trx
        .selectFrom('local_offer_pending_edit')
        .select('submitted_by')
        .where('la_code', '=', actor.laCode)
        .where('id', '=', editId)
        .executeTakeFirstOrThrow();
      const sender = (await usersByIds(trx, actor.laCode, [sentBy.submitted_by])).get(sentBy.submitted_by);
      if (!sender) throw new NotFoundError();
      await queueNotification(trx, jobs, {
        laCode: actor.laCode,
        channel: 'email',
        recipient: sender.email,
        userId: sender.id,
        template: decision === 'approve' ? 'local-offer-edit-approved' : 'local-offer-edit-rejected',
        reference: `local-offer-edit:${editId}`,
        personalisation: {
          service: edit.service_name,
          fields: edit.diff.map((d) => d.label.toLowerCase()).join(', ') || 'no fields',
          note: note ? `The Local Offer editor said: ${note}` : 'The Local Offer editor did not add a note.',
        },
      });
    }
    await audit(trx, auditContext(actor), {
      action: `local-offer.edit.${decision}`,
      recordType: 'local_offer_pending_edit',
      recordId: editId,
      detail: { serviceId: edit.service_id },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lists for the provider and the editor.

export async function listManagedServices(
  db: Executor,
  actor: Actor,
  options: { page: number; perPage: number; q?: string | undefined; stale?: boolean; today: string },
) {
  requireRole(actor, MANAGE_ROLES, 'local-offer.manage');
  const orgs = actor.role === 'local-offer-provider' ? await providerOrganisations(db, actor) : null;
  let q = db
    .selectFrom('local_offer_service as s')
    .innerJoin('local_offer_organisation as o', (j) =>
      j.onRef('o.la_code', '=', 's.la_code').onRef('o.id', '=', 's.organisation_id'),
    )
    .where('s.la_code', '=', actor.laCode);
  if (orgs)
    q = q.where('s.organisation_id', 'in', orgs.length ? orgs : ['00000000-0000-0000-0000-000000000000']);
  if (options.q)
    q = q.where((eb) =>
      eb.or([
        eb('s.name', 'ilike', `%${options.q!.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
        eb('o.name', 'ilike', `%${options.q!.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
      ]),
    );
  if (options.stale) q = q.where('s.review_by', '<', options.today).where('s.status', '=', 'active');
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin('local_offer_pending_edit as e', (j) =>
      j
        .onRef('e.la_code', '=', 's.la_code')
        .onRef('e.service_id', '=', 's.id')
        .on('e.status', '=', 'pending'),
    )
    .select([
      's.id',
      's.name',
      's.status',
      's.review_by',
      's.last_checked_on',
      's.last_checked_by',
      'o.name as organisation_name',
      'e.id as pending_id',
    ])
    .orderBy(options.stale ? 's.review_by' : 's.name')
    .orderBy('s.id')
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage)
    .execute();
  const total = Number(n);
  return {
    rows: rows.map((r) => ({ ...r, stale: isStale({ reviewBy: r.review_by }, options.today) })),
    total,
    page: options.page,
    pages: Math.max(1, Math.ceil(total / options.perPage)),
  };
}

/**
 * Links whose latest check failed, with the services that use them. A link whose latest check failed has failed at
 * least once: only those links' latest checks are read (each by the (la_code, url, checked_at) index), not every
 * link's history sorted to find each one's latest (12,714 checks of 6,357 links at 5,000 services, issue 20).
 */
export async function brokenLinks(db: Executor, laCode: string) {
  const { rows } = await sql<{
    url: string;
    status: string;
    http_status: number | null;
    error: string | null;
    checked_at: Date;
    failures: number;
    service_id: string | null;
    service_name: string | null;
    organisation_name: string | null;
  }>`
    with failing as (
      select distinct url from local_offer_link_check
      where la_code = ${laCode} and status in ('broken', 'timeout', 'error')
    ), latest as (
      select f.url, c.status, c.http_status, c.error, c.checked_at
      from failing f cross join lateral (
        select status, http_status, error, checked_at from local_offer_link_check
        where la_code = ${laCode} and url = f.url
        order by checked_at desc limit 1
      ) c
    )
    select l.url, l.status, l.http_status, l.error, l.checked_at,
      (select count(*) from local_offer_link_check c where c.la_code = ${laCode} and c.url = l.url
        and c.status in ('broken', 'timeout', 'error')) as failures,
      s.id as service_id, s.name as service_name, o.name as organisation_name
    from latest l
    left join local_offer_service s on s.la_code = ${laCode} and s.url = l.url
    left join local_offer_organisation o on o.la_code = ${laCode} and o.id = s.organisation_id
    where l.status in ('broken', 'timeout', 'error')
    order by o.name nulls last, s.name nulls last, l.url`.execute(db);
  return rows.map((r) => ({ ...r, failures: Number(r.failures) }));
}

export async function feedbackToTriage(db: Executor, actor: Actor, triage: string) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.feedback');
  return db
    .selectFrom('local_offer_feedback as f')
    .leftJoin('local_offer_service as s', (j) =>
      j.onRef('s.la_code', '=', 'f.la_code').onRef('s.id', '=', 'f.service_id'),
    )
    .leftJoin('local_offer_you_said as y', (j) =>
      j.onRef('y.la_code', '=', 'f.la_code').onRef('y.id', '=', 'f.you_said_id'),
    )
    .select([
      'f.id',
      'f.created_at',
      'f.kind',
      'f.body',
      'f.triage',
      'f.page_path',
      's.name as service_name',
      'y.title as you_said_title',
    ])
    .where('f.la_code', '=', actor.laCode)
    .where('f.triage', '=', triage as 'new')
    .orderBy('f.created_at', 'desc')
    .limit(200)
    .execute();
}

export const TRIAGE_LABELS = {
  new: 'New',
  publishable: 'Publishable',
  complaint: 'About one person’s service: sent to complaints',
  vexatious: 'Vexatious: not published',
} as const;

export async function triageFeedback(
  db: Kysely<DB>,
  actor: Actor,
  feedbackId: string,
  triage: 'publishable' | 'complaint' | 'vexatious',
  youSaidId: string | undefined,
) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.feedback');
  if (!isUuid(feedbackId) || (youSaidId !== undefined && !isUuid(youSaidId))) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    if (youSaidId) {
      const entry = await trx
        .selectFrom('local_offer_you_said')
        .select('id')
        .where('la_code', '=', actor.laCode)
        .where('id', '=', youSaidId)
        .executeTakeFirst();
      if (!entry) throw new NotFoundError();
    }
    const r = await trx
      .updateTable('local_offer_feedback')
      .set({
        triage,
        triaged_by: actor.userId,
        triaged_at: new Date(),
        you_said_id: triage === 'publishable' ? (youSaidId ?? null) : null,
      })
      .where('la_code', '=', actor.laCode)
      .where('id', '=', feedbackId)
      .where('body', 'is not', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError();
    await audit(trx, auditContext(actor), {
      action: 'local-offer.feedback.triage',
      recordType: 'local_offer_feedback',
      recordId: feedbackId,
      detail: { triage },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// "You said, we did".

export interface YouSaidInput {
  year: number;
  title: string;
  youSaid: string;
  response: string;
  action: string;
  owner: string;
  status: 'planned' | 'in-progress' | 'done';
  published: boolean;
}

export class DuplicateTitleError extends Error {}

export async function saveYouSaid(
  db: Kysely<DB>,
  actor: Actor,
  id: string | undefined,
  input: YouSaidInput,
  commentIds: readonly string[],
) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.you-said');
  return db.transaction().execute(async (trx): Promise<string> => {
    const clash = await trx
      .selectFrom('local_offer_you_said')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('year', '=', input.year)
      .where('title', '=', input.title)
      .$if(id !== undefined, (q) => q.where('id', '<>', id!))
      .executeTakeFirst();
    if (clash) throw new DuplicateTitleError();
    const values = {
      year: input.year,
      title: input.title,
      you_said: input.youSaid,
      response: input.response,
      action: input.action,
      owner: input.owner,
      status: input.status,
      published: input.published,
      updated_at: new Date(),
    };
    let entryId = id;
    if (id) {
      if (!isUuid(id)) throw new NotFoundError();
      const before = await trx
        .selectFrom('local_offer_you_said')
        .select(['published', 'published_at'])
        .where('la_code', '=', actor.laCode)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw new NotFoundError();
      await trx
        .updateTable('local_offer_you_said')
        .set({ ...values, published_at: input.published ? (before.published_at ?? new Date()) : null })
        .where('la_code', '=', actor.laCode)
        .where('id', '=', id)
        .execute();
    } else {
      const row = await trx
        .insertInto('local_offer_you_said')
        .values({
          la_code: actor.laCode,
          ...values,
          published_at: input.published ? new Date() : null,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      entryId = row.id;
    }
    const valid = commentIds.filter(isUuid);
    if (valid.length) {
      await trx
        .updateTable('local_offer_feedback')
        .set({
          you_said_id: entryId!,
          triage: 'publishable',
          triaged_by: actor.userId,
          triaged_at: new Date(),
        })
        .where('la_code', '=', actor.laCode)
        .where('id', 'in', valid)
        .where('body', 'is not', null)
        .where('triage', 'in', ['new', 'publishable'])
        .execute();
    }
    await audit(trx, auditContext(actor), {
      action: id ? 'local-offer.you-said.update' : 'local-offer.you-said.create',
      recordType: 'local_offer_you_said',
      recordId: entryId!,
      detail: { published: input.published, comments: valid.length },
    });
    return entryId!;
  });
}

export async function listYouSaid(
  db: Executor,
  laCode: string,
  options: { publishedOnly: boolean; year?: number },
) {
  const rows = await db
    .selectFrom('local_offer_you_said as y')
    .selectAll('y')
    .select((eb) =>
      eb
        .selectFrom('local_offer_feedback as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.la_code', '=', 'y.la_code')
        .whereRef('f.you_said_id', '=', 'y.id')
        .as('comments'),
    )
    .where('y.la_code', '=', laCode)
    .$if(options.publishedOnly, (q) => q.where('y.published', '=', true))
    .$if(options.year !== undefined, (q) => q.where('y.year', '=', options.year!))
    .orderBy('y.year', 'desc')
    .orderBy('y.title')
    .execute();
  return rows.map((r) => ({ ...r, comments: Number(r.comments ?? 0) }));
}

export async function getYouSaid(db: Executor, actor: Actor, id: string) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.you-said');
  if (!isUuid(id)) throw new NotFoundError();
  const row = await db
    .selectFrom('local_offer_you_said')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// The editor's and the provider's home pages.

export async function usageByWeek(db: Executor, laCode: string, today: string, weeks = 8) {
  const from = addDays(today, -weeks * 7);
  const rows = await db
    .selectFrom('local_offer_usage_daily')
    .select(['day', 'metric', 'count'])
    .where('la_code', '=', laCode)
    .where('day', '>=', from)
    .where('day', '<', today)
    .execute();
  const out = Array.from({ length: weeks }, (_, i) => ({
    weekStarting: addDays(from, i * 7),
    search: 0,
    'zero-result': 0,
    'page-view': 0,
    feedback: 0,
  }));
  for (const r of rows) {
    const i = Math.floor(
      (Date.parse(`${r.day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000),
    );
    const w = out[i];
    if (w) w[r.metric] += Number(r.count);
  }
  return out;
}

export async function editorHome(db: Executor, actor: Actor, today: string) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.home');
  const approvals = await listPendingEdits(db, actor);
  const stale = await listManagedServices(db, actor, { page: 1, perPage: 10, stale: true, today });
  const links = await brokenLinks(db, actor.laCode);
  const toTriage = await feedbackToTriage(db, actor, 'new');
  const terms = await db
    .selectFrom('local_offer_zero_result_term')
    .select(['term', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('la_code', '=', actor.laCode)
    .where('day', '>=', addDays(today, -56))
    .groupBy('term')
    .orderBy(sql`sum(count)`, 'desc')
    .orderBy('term')
    .limit(10)
    .execute();
  const usage = await usageByWeek(db, actor.laCode, today);
  const max = Math.max(1, ...usage.map((u) => u.search));
  return {
    approvals,
    stale,
    links,
    toTriage,
    zeroTerms: terms.map((t) => ({ term: t.term, n: Number(t.n) })),
    usage,
    chart: usage.map((u, i) => ({
      ...u,
      // The axis names each week by the day it starts ('5 Oct'), never 'weeks 1..8'.
      label: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(`${u.weekStarting}T00:00:00Z`),
      ),
      x: 50 + i * 60,
      height: Math.round((u.search / max) * 150),
      zeroHeight: Math.round((u['zero-result'] / max) * 150),
    })),
  };
}

export async function providerHome(db: Executor, actor: Actor, today: string, page: number) {
  requireRole(actor, ['local-offer-provider'], 'local-offer.provider-home');
  const orgIds = await providerOrganisations(db, actor);
  const organisations = orgIds.length
    ? await db
        .selectFrom('local_offer_organisation')
        .select(['id', 'name'])
        .where('la_code', '=', actor.laCode)
        .where('id', 'in', orgIds)
        .orderBy('name')
        .execute()
    : [];
  const services = await listManagedServices(db, actor, { page, perPage: 50, today });
  return { organisations, services };
}

export { NEED_CODES };

// ---------------------------------------------------------------------------------------------------------------
// Provider accounts and the organisations they keep current (the editor links them).

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
