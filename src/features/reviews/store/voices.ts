/**
 * The voices before a review meeting (migration 0032): the family's and the child's own views, and advice asked of
 * professionals. The only code that names plan_review_view and plan_review_advice in SQL; it reads plan_review (this
 * feature's own) for the reviews they belong to.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import type { PlanReviewAdviceTable, PlanReviewViewTable } from '../../../platform/db/schema/index.ts';
import type { ReviewRow } from '../store.ts';

export type ViewRow = Selectable<PlanReviewViewTable>;
export type AdviceRow = Selectable<PlanReviewAdviceTable>;

/** The views written for these reviews: every author's (drafts too, unless sentOnly), by review, kind and when sent. */
export function viewsOfReviews(
  db: Executor,
  laCode: string,
  reviewIds: readonly string[],
  options: { sentOnly?: boolean; authorUserId?: string } = {},
): Promise<ViewRow[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('plan_review_view')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('review_id', 'in', reviewIds);
  if (options.sentOnly) q = q.where('sent_on', 'is not', null);
  if (options.authorUserId) q = q.where('author_user_id', '=', options.authorUserId);
  return q.orderBy('review_id').orderBy('about').orderBy('sent_at').orderBy('id').execute();
}

/** One author's views of one kind for a review, if they have started them. */
export function viewOf(
  db: Executor,
  laCode: string,
  reviewId: string,
  authorUserId: string,
  about: ViewRow['about'],
): Promise<ViewRow | undefined> {
  return db
    .selectFrom('plan_review_view')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('review_id', '=', reviewId)
    .where('author_user_id', '=', authorUserId)
    .where('about', '=', about)
    .executeTakeFirst();
}

type ViewText = Pick<
  Insertable<PlanReviewViewTable>,
  'going_well' | 'hard' | 'changed' | 'next' | 'future' | 'meeting' | 'easy_read'
>;

/** Saves an author's draft (made on the first save), or saves and sends it: sent views are never changed again. */
export async function saveView(
  trx: Executor,
  key: Pick<
    Insertable<PlanReviewViewTable>,
    'la_code' | 'review_id' | 'plan_id' | 'child_id' | 'about' | 'author_user_id'
  >,
  text: ViewText,
  sentOn: string | null,
): Promise<ViewRow> {
  const sent = sentOn ? { sent_on: sentOn, sent_at: new Date() } : {};
  return trx
    .insertInto('plan_review_view')
    .values({ ...key, ...text, ...sent })
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'review_id', 'author_user_id', 'about'])
        .doUpdateSet({ ...text, ...sent, updated_at: new Date() })
        .where('plan_review_view.sent_on', 'is', null),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The open reviews (not yet decided) of these children, each child's latest first. */
export async function openReviewsOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<ReviewRow[]> {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('plan_review')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', 'in', childIds)
    .where('decision', 'is', null)
    .orderBy('child_id')
    .orderBy('number', 'desc')
    .execute();
}

/** The latest review of each of these children whose report has been sent (decided or not), latest first. */
export async function reportedReviewsOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<ReviewRow[]> {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('plan_review')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', 'in', childIds)
    .where('report_sent', 'is not', null)
    .orderBy('child_id')
    .orderBy('number', 'desc')
    .execute();
}

/** The next review's due date of these children's plans (from the schedule). */
export async function nextDueOfChildren(db: Executor, laCode: string, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('plan_review_schedule')
    .select(['child_id', 'plan_id', 'next_due', 'next_number'])
    .where('la_code', '=', laCode)
    .where('child_id', 'in', childIds)
    .orderBy('next_due')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Advice

export function adviceOfReviews(db: Executor, laCode: string, reviewIds: readonly string[]) {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_review_advice')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('review_id', 'in', reviewIds)
    .orderBy('review_id')
    .orderBy('due')
    .orderBy('agency')
    .orderBy('id')
    .execute();
}

export function adviceById(db: Executor, laCode: string, id: string): Promise<AdviceRow | undefined> {
  return db
    .selectFrom('plan_review_advice')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether this professional has already been asked for this kind of advice for this review. */
export async function adviceAsked(
  db: Executor,
  laCode: string,
  reviewId: string,
  professionalUserId: string,
  agency: AdviceRow['agency'],
): Promise<boolean> {
  const row = await db
    .selectFrom('plan_review_advice')
    .select('id')
    .where('la_code', '=', laCode)
    .where('review_id', '=', reviewId)
    .where('professional_user_id', '=', professionalUserId)
    .where('agency', '=', agency)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertAdvice(trx: Executor, row: Insertable<PlanReviewAdviceTable>): Promise<AdviceRow> {
  return trx.insertInto('plan_review_advice').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Rows per insert: a large demo's rows in one statement would pass PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 1000;

export async function insertAdviceRows(trx: Executor, rows: readonly Insertable<PlanReviewAdviceTable>[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await trx
      .insertInto('plan_review_advice')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
}

export async function insertViewRows(trx: Executor, rows: readonly Insertable<PlanReviewViewTable>[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await trx
      .insertInto('plan_review_view')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
}

/**
 * The due date of a review's advice still waiting, moved with its meeting (the advice is due when it must be sent
 * round, 2 weeks before the meeting); advice already sent keeps the date it was due by. Returns the rows moved.
 */
export function moveWaitingAdviceDue(
  trx: Executor,
  laCode: string,
  reviewId: string,
  due: string,
): Promise<Array<{ id: string; due: string }>> {
  return trx
    .updateTable('plan_review_advice')
    .set({ due })
    .where('la_code', '=', laCode)
    .where('review_id', '=', reviewId)
    .where('received', 'is', null)
    .where('due', '!=', due)
    .returning(['id', 'due'])
    .execute();
}

/** Records the professional's answer, once: undefined when it had already been answered. */
export async function answerAdvice(
  trx: Executor,
  laCode: string,
  id: string,
  answer: Pick<AdviceRow, 'progress' | 'working' | 'not_working' | 'changes' | 'received' | 'submitted_by'>,
  document?: { fileName: string; contentType: string; content: Uint8Array },
): Promise<AdviceRow | undefined> {
  const row = await trx
    .updateTable('plan_review_advice')
    .set({
      ...answer,
      ...(document
        ? {
            document_name: document.fileName,
            document_type: document.contentType,
            document_size: document.content.length,
          }
        : {}),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('received', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (row && document)
    await trx
      .insertInto('plan_review_advice_document')
      .values({ la_code: laCode, advice_id: id, content: document.content })
      .execute();
  return row;
}

/** The bytes of the document attached to review advice (migration 0072), if any. */
export async function adviceDocumentContent(
  db: Executor,
  laCode: string,
  adviceId: string,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('plan_review_advice_document')
    .select('content')
    .where('la_code', '=', laCode)
    .where('advice_id', '=', adviceId)
    .executeTakeFirst();
  return row?.content;
}

/** A professional's review advice requests, waiting ones first, oldest due first; with the counts. */
export async function adviceForProfessional(
  db: Executor,
  laCode: string,
  userId: string,
  limit: number,
  offset: number,
) {
  const base = db
    .selectFrom('plan_review_advice')
    .where('la_code', '=', laCode)
    .where('professional_user_id', '=', userId);
  const counts = await base
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      sql<number>`count(*) filter (where received is null)`.as('waiting'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy(sql`received is not null`)
    .orderBy('due')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(counts.all), waiting: Number(counts.waiting) };
}
