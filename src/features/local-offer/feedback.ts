/**
 * Feedback from anyone on the Local Offer's pages (ratings, problem reports, comments), the editor's triage of it,
 * and "You said, we did" (the council's published answers, with the comments each one answers).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { EDITOR_ROLES } from './service.ts';
import { countUsage } from './usage.ts';

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
// The editor's triage of comments and problem reports.

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

/** How many pieces of feedback of each kind came in the year (`'2026'`), for its annual report. */
export async function feedbackCountsByKind(db: Executor, laCode: string, year: string) {
  const counts = await db
    .selectFrom('local_offer_feedback')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', laCode)
    .where('created_at', '>=', new Date(`${year}-01-01T00:00:00Z`))
    .where('created_at', '<', new Date(`${Number(year) + 1}-01-01T00:00:00Z`))
    .groupBy('kind')
    .execute();
  return Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)]));
}

// ---------------------------------------------------------------------------------------------------------------
// "You said, we did".

export const STATUS_LABELS = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' } as const;

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
