/**
 * The editor's approvals of providers' changes and new services: the list waiting, one change shown field by field,
 * and the decision (published or not, the sender told by email).
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { usersByIds } from '../../platform/people/users.ts';
import {
  applyEdit,
  changedFields,
  EDIT_FIELDS,
  EDIT_LABELS,
  editValuesOf,
  NEW_SERVICE_LABELS,
  writeService,
} from './editing.ts';
import type { EditValues } from './editing.ts';
import { EDITOR_ROLES } from './service.ts';
import { loadServices } from './store.ts';

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
