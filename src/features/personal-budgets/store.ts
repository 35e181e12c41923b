/**
 * The only code that names the personal budgets feature's tables in SQL (pb_request, pb_decision, dp_agreement,
 * dp_review, dp_change). Children and users are the core records': this store keeps their ids and asks
 * src/platform/people for anything more.
 */
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/change/change.ts';
import type {
  DpAgreementTable,
  DpChangeTable,
  DpReviewTable,
  PbArrangement,
  PbDecisionTable,
  PbElement,
  PbRequestTable,
} from '../../platform/db/schema/index.ts';

type Row<T> = Omit<Selectable<T>, 'la_code' | 'recorded_by' | 'created_at'>;
export type RequestRow = Row<PbRequestTable>;
export type DecisionRow = Row<PbDecisionTable>;
export type AgreementRow = Row<DpAgreementTable>;
export type ReviewRow = Row<DpReviewTable>;
export type ChangeRow = Row<DpChangeTable>;

const REQUEST = [
  'id',
  'child_id',
  'requested_on',
  'stage',
  'elements',
  'wants_direct_payment',
  'made_by',
  'details',
  'plan_due',
] as const;
const DECISION = [
  'id',
  'request_id',
  'decided_on',
  'education_pence',
  'education_arrangement',
  'health_pence',
  'health_arrangement',
  'social_care_pence',
  'social_care_arrangement',
  'refuses',
  'reasons',
  'review_requested_on',
  'reviewed_on',
  'review_outcome',
  'review_notes',
] as const;
const AGREEMENT = [
  'id',
  'decision_id',
  'element',
  'recipient',
  'nominee',
  'provision',
  'pence',
  'start_on',
  'on_premises',
  'setting_name',
  'setting_agreed_on',
] as const;
const REVIEW = ['id', 'agreement_id', 'reviewed_on', 'outcome', 'notes'] as const;
const CHANGE = [
  'id',
  'agreement_id',
  'kind',
  'notice_on',
  'effective_on',
  'reasons',
  'new_pence',
  'reconsideration_requested_on',
  'reconsideration_decided_on',
  'reconsideration_outcome',
] as const;

/** Each element's columns in pb_decision. */
export const COLUMN: Record<PbElement, 'education' | 'health' | 'social_care'> = {
  education: 'education',
  health: 'health',
  'social-care': 'social_care',
};

type DecisionColumns = Pick<
  DecisionRow,
  | 'education_pence'
  | 'education_arrangement'
  | 'health_pence'
  | 'health_arrangement'
  | 'social_care_pence'
  | 'social_care_arrangement'
>;

/** A decision's amount and arrangement columns from its elements (an element not given, or of no amount: not agreed). */
export function decisionColumns(
  elements: ReadonlyArray<{ element: PbElement; pence: number | null; arrangement: PbArrangement | null }>,
): DecisionColumns {
  const cols: Record<string, number | PbArrangement | null> = {};
  for (const element of ['education', 'health', 'social-care'] as const) {
    const e = elements.find((x) => x.element === element);
    cols[`${COLUMN[element]}_pence`] = e?.pence ?? null;
    cols[`${COLUMN[element]}_arrangement`] = e?.pence ? e.arrangement : null;
  }
  return cols as unknown as DecisionColumns;
}

/** Given only by the demo (the same ids on every seeding). */
type Made<T> = Omit<T, 'id'> & { id?: string; recordedBy: string | null };

export async function insertRequest(trx: Tx, laCode: string, r: Made<RequestRow>): Promise<string> {
  const { id, recordedBy, ...values } = r;
  const row = await trx
    .insertInto('pb_request')
    .values({ la_code: laCode, ...(id ? { id } : {}), ...values, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDecision(trx: Tx, laCode: string, d: Made<DecisionRow>): Promise<string> {
  const { id, recordedBy, ...values } = d;
  const row = await trx
    .insertInto('pb_decision')
    .values({ la_code: laCode, ...(id ? { id } : {}), ...values, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDecisionReview(
  trx: Tx,
  laCode: string,
  id: string,
  patch: Pick<DecisionRow, 'review_requested_on' | 'reviewed_on' | 'review_outcome' | 'review_notes'>,
): Promise<void> {
  await trx
    .updateTable('pb_decision')
    .set(patch)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
}

export async function insertAgreement(trx: Tx, laCode: string, a: Made<AgreementRow>): Promise<string> {
  const { id, recordedBy, ...values } = a;
  const row = await trx
    .insertInto('dp_agreement')
    .values({ la_code: laCode, ...(id ? { id } : {}), ...values, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertReview(trx: Tx, laCode: string, r: Made<ReviewRow>): Promise<string> {
  const { id, recordedBy, ...values } = r;
  const row = await trx
    .insertInto('dp_review')
    .values({ la_code: laCode, ...(id ? { id } : {}), ...values, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertChange(trx: Tx, laCode: string, c: Made<ChangeRow>): Promise<string> {
  const { id, recordedBy, ...values } = c;
  const row = await trx
    .insertInto('dp_change')
    .values({ la_code: laCode, ...(id ? { id } : {}), ...values, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReconsideration(
  trx: Tx,
  laCode: string,
  id: string,
  patch: Pick<
    ChangeRow,
    'reconsideration_requested_on' | 'reconsideration_decided_on' | 'reconsideration_outcome'
  >,
): Promise<void> {
  await trx.updateTable('dp_change').set(patch).where('la_code', '=', laCode).where('id', '=', id).execute();
}

export function requestById(db: Executor, laCode: string, id: string): Promise<RequestRow | undefined> {
  return db
    .selectFrom('pb_request')
    .select(REQUEST)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The authority's requests, or those of some children, newest first. */
export function requestsOf(
  db: Executor,
  laCode: string,
  childIds?: readonly string[],
): Promise<RequestRow[]> {
  let q = db.selectFrom('pb_request').select(REQUEST).where('la_code', '=', laCode);
  if (childIds) {
    if (!childIds.length) return Promise.resolve([]);
    q = q.where('child_id', 'in', childIds);
  }
  return q.orderBy('requested_on', 'desc').orderBy('id').execute();
}

/** Every record below some requests: their decisions, direct payments, monitoring reviews and changes. */
export async function recordsOf(db: Executor, laCode: string, requestIds: readonly string[]) {
  if (!requestIds.length) return { decisions: [], agreements: [], reviews: [], changes: [] };
  const decisions: DecisionRow[] = await db
    .selectFrom('pb_decision')
    .select(DECISION)
    .where('la_code', '=', laCode)
    .where('request_id', 'in', requestIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const decisionIds = decisions.map((d) => d.id);
  const agreements: AgreementRow[] = decisionIds.length
    ? await db
        .selectFrom('dp_agreement')
        .select(AGREEMENT)
        .where('la_code', '=', laCode)
        .where('decision_id', 'in', decisionIds)
        .orderBy('start_on')
        .orderBy('id')
        .execute()
    : [];
  const agreementIds = agreements.map((a) => a.id);
  const [reviews, changes]: [ReviewRow[], ChangeRow[]] = agreementIds.length
    ? [
        await db
          .selectFrom('dp_review')
          .select(REVIEW)
          .where('la_code', '=', laCode)
          .where('agreement_id', 'in', agreementIds)
          .orderBy('reviewed_on')
          .orderBy('id')
          .execute(),
        await db
          .selectFrom('dp_change')
          .select(CHANGE)
          .where('la_code', '=', laCode)
          .where('agreement_id', 'in', agreementIds)
          .orderBy('notice_on')
          .orderBy('id')
          .execute(),
      ]
    : [[], []];
  return { decisions, agreements, reviews, changes };
}
export type Records = Awaited<ReturnType<typeof recordsOf>>;

/** The children with a personal budget request on record, as a query (for the core records' searches). */
export function requestChildIds(db: Executor, laCode: string) {
  return db.selectFrom('pb_request').select('child_id').where('la_code', '=', laCode);
}
