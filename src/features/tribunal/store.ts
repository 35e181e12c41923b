/**
 * The only code that names the tribunal feature's tables in SQL (disagreement, disagreement_agreement,
 * disagreement_done). Children and users are the core records': this store keeps their ids and asks
 * src/platform/people for anything more.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/change/change.ts';
import type {
  AppealGround,
  AppealOutcome,
  DisagreementDecisionKind,
  TribunalConcessionKind,
  TribunalOrderKind,
} from '../../platform/db/schema/index.ts';

export interface DisagreementRow {
  id: string;
  child_id: string;
  decision_kind: DisagreementDecisionKind;
  decision_sent: string;
  adviser_contacted_on: string | null;
  declined_mediation_on: string | null;
  mediation_requested_on: string | null;
  mediation_issues: string | null;
  health_issues: boolean;
  health_only: boolean;
  commissioner_told_on: string | null;
  mediation_held_on: string | null;
  certificate_issued_on: string | null;
  appeal_registered_on: string | null;
  ground: AppealGround | null;
  sections: string | null;
  care_recommendations: boolean;
  response_due: string | null;
  response_sent_on: string | null;
  hearing_on: string | null;
  outcome: AppealOutcome | null;
  decided_on: string | null;
  order_kind: TribunalOrderKind | null;
  conceded_on: string | null;
  concession_kind: TribunalConcessionKind | null;
}

const COLUMNS = [
  'id',
  'child_id',
  'decision_kind',
  'decision_sent',
  'adviser_contacted_on',
  'declined_mediation_on',
  'mediation_requested_on',
  'mediation_issues',
  'health_issues',
  'health_only',
  'commissioner_told_on',
  'mediation_held_on',
  'certificate_issued_on',
  'appeal_registered_on',
  'ground',
  'sections',
  'care_recommendations',
  'response_due',
  'response_sent_on',
  'hearing_on',
  'outcome',
  'decided_on',
  'order_kind',
  'conceded_on',
  'concession_kind',
] as const;

export interface AgreementRow {
  id: string;
  disagreement_id: string;
  agreed_on: string;
  terms: string;
  obliges: TribunalOrderKind | null;
  non_appealable: boolean;
  commissioner_only: boolean;
}

export interface DoneRow {
  disagreement_id: string;
  step_id: string;
  done_on: string;
}

export type MediationPatch = Partial<
  Pick<
    DisagreementRow,
    | 'adviser_contacted_on'
    | 'declined_mediation_on'
    | 'mediation_requested_on'
    | 'mediation_issues'
    | 'health_issues'
    | 'health_only'
    | 'commissioner_told_on'
    | 'mediation_held_on'
    | 'certificate_issued_on'
  >
>;

export type AppealPatch = Partial<
  Pick<
    DisagreementRow,
    | 'appeal_registered_on'
    | 'ground'
    | 'sections'
    | 'care_recommendations'
    | 'response_due'
    | 'response_sent_on'
    | 'hearing_on'
    | 'outcome'
    | 'decided_on'
    | 'order_kind'
    | 'conceded_on'
    | 'concession_kind'
  >
>;

export async function insertDisagreement(
  trx: Tx,
  laCode: string,
  d: {
    childId: string;
    decisionKind: DisagreementDecisionKind;
    decisionSent: string;
    recordedBy: string | null;
    /** Given only by the demo (the same ids on every seeding). */
    id?: string;
  } & MediationPatch,
): Promise<string> {
  const { childId, decisionKind, decisionSent, recordedBy, id, ...mediation } = d;
  const row = await trx
    .insertInto('disagreement')
    .values({
      la_code: laCode,
      ...(id ? { id } : {}),
      child_id: childId,
      decision_kind: decisionKind,
      decision_sent: decisionSent,
      recorded_by: recordedBy,
      ...mediation,
      updated_at: sql<Date>`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDisagreement(
  trx: Tx,
  laCode: string,
  id: string,
  patch: MediationPatch & AppealPatch,
): Promise<void> {
  await trx
    .updateTable('disagreement')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
}

export function disagreementById(
  db: Executor,
  laCode: string,
  id: string,
): Promise<DisagreementRow | undefined> {
  return db
    .selectFrom('disagreement')
    .select(COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The authority's disagreements, or those of some children, newest decision first. */
export function disagreementsOf(
  db: Executor,
  laCode: string,
  childIds?: readonly string[],
): Promise<DisagreementRow[]> {
  let q = db.selectFrom('disagreement').select(COLUMNS).where('la_code', '=', laCode);
  if (childIds) {
    if (!childIds.length) return Promise.resolve([]);
    q = q.where('child_id', 'in', childIds);
  }
  return q.orderBy('decision_sent', 'desc').orderBy('id').execute();
}

export async function insertAgreement(
  trx: Tx,
  laCode: string,
  a: Omit<AgreementRow, 'id'> & { recordedBy: string | null; id?: string },
): Promise<string> {
  const row = await trx
    .insertInto('disagreement_agreement')
    .values({
      la_code: laCode,
      ...(a.id ? { id: a.id } : {}),
      disagreement_id: a.disagreement_id,
      agreed_on: a.agreed_on,
      terms: a.terms,
      obliges: a.obliges,
      non_appealable: a.non_appealable,
      commissioner_only: a.commissioner_only,
      recorded_by: a.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function agreementsOf(
  db: Executor,
  laCode: string,
  disagreementIds: readonly string[],
): Promise<AgreementRow[]> {
  if (!disagreementIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disagreement_agreement')
    .select(['id', 'disagreement_id', 'agreed_on', 'terms', 'obliges', 'non_appealable', 'commissioner_only'])
    .where('la_code', '=', laCode)
    .where('disagreement_id', 'in', disagreementIds)
    .orderBy('agreed_on')
    .orderBy('id')
    .execute();
}

/** Records (or corrects) the day one of the council's dates was met. */
export async function setDone(
  trx: Tx,
  laCode: string,
  disagreementId: string,
  stepId: string,
  doneOn: string,
  userId: string | null,
): Promise<void> {
  await trx
    .insertInto('disagreement_done')
    .values({
      la_code: laCode,
      disagreement_id: disagreementId,
      step_id: stepId,
      done_on: doneOn,
      recorded_by: userId,
    })
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'disagreement_id', 'step_id'])
        .doUpdateSet({ done_on: doneOn, recorded_by: userId }),
    )
    .execute();
}

export function doneOf(db: Executor, laCode: string, disagreementIds: readonly string[]): Promise<DoneRow[]> {
  if (!disagreementIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disagreement_done')
    .select(['disagreement_id', 'step_id', 'done_on'])
    .where('la_code', '=', laCode)
    .where('disagreement_id', 'in', disagreementIds)
    .execute();
}

/**
 * For the leaders' figure of tribunal appeals (docs/figures.md): the appeals registered from `since` to `asOf`, each
 * with its child and how it ended (the outcome, the day of the decision or withdrawal, the day of a concession).
 */
export function appealsForFigures(
  db: Executor,
  laCode: string,
  since: string,
  asOf: string,
): Promise<
  Array<
    Pick<
      DisagreementRow,
      'id' | 'child_id' | 'appeal_registered_on' | 'outcome' | 'decided_on' | 'conceded_on'
    >
  >
> {
  return db
    .selectFrom('disagreement')
    .select(['id', 'child_id', 'appeal_registered_on', 'outcome', 'decided_on', 'conceded_on'])
    .where('la_code', '=', laCode)
    .where('appeal_registered_on', '>=', since)
    .where('appeal_registered_on', '<=', asOf)
    .orderBy('appeal_registered_on')
    .orderBy('id')
    .execute();
}

/** How one appeal ended (the register's learning actions, ADR 0047): the outcome and its day, or undefined. */
export function appealOutcome(
  db: Executor,
  laCode: string,
  id: string,
): Promise<Pick<DisagreementRow, 'id' | 'outcome' | 'decided_on' | 'conceded_on'> | undefined> {
  return db
    .selectFrom('disagreement')
    .select(['id', 'outcome', 'decided_on', 'conceded_on'])
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The children with a disagreement on record, as a query (for the core records' searches). */
export function disagreementChildIds(db: Executor, laCode: string) {
  return db.selectFrom('disagreement').select('child_id').where('la_code', '=', laCode);
}

export interface ExceptionRow {
  id: string;
  disagreement_id: string;
  step_id: string;
  kind: 'personal-circumstances' | 'absence';
  from_on: string;
  to_on: string | null;
  confirmed: boolean;
  details: string | null;
}

export async function insertException(
  trx: Tx,
  laCode: string,
  e: Omit<ExceptionRow, 'id'> & { recordedBy: string | null; id?: string },
): Promise<string> {
  const { recordedBy, id, ...values } = e;
  const row = await trx
    .insertInto('disagreement_exception')
    .values({ la_code: laCode, ...(id ? { id } : {}), ...values, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function exceptionsOf(
  db: Executor,
  laCode: string,
  disagreementIds: readonly string[],
): Promise<ExceptionRow[]> {
  if (!disagreementIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disagreement_exception')
    .select(['id', 'disagreement_id', 'step_id', 'kind', 'from_on', 'to_on', 'confirmed', 'details'])
    .where('la_code', '=', laCode)
    .where('disagreement_id', 'in', disagreementIds)
    .orderBy('from_on')
    .orderBy('id')
    .execute();
}
