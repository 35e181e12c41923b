/**
 * The only code that names the consultation feature's tables in SQL (migrations 0011 and 0054): the family's
 * preferences for a case or an issued plan and the consultations sent about them. Setting names and people come from the core records
 * (src/platform/people), never joined here.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { Insertable, SelectQueryBuilder } from 'kysely';
import type { ConsultationTable, DB, PlacementPreferenceTable } from '../../platform/db/schema/index.ts';
import { idIn } from '../../platform/db/any-id.ts';

export type PreferenceRow = Awaited<ReturnType<typeof preferencesOf>>[number];
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof consultationById>>>;

/**
 * What a preference or consultation is about (ADR 0032): an assessment case (the first plan), or one round of an
 * issued plan (the plan in force when the family asked, by the day its version was issued).
 */
export type Subject = { readonly caseId: string } | { readonly planId: string; readonly inForce: string };

/** The subject's columns, for a new row. */
export const subjectColumns = (s: Subject) =>
  'caseId' in s
    ? { case_id: s.caseId, plan_id: null, plan_in_force: null }
    : { case_id: null, plan_id: s.planId, plan_in_force: s.inForce };

type Table = 'placement_preference' | 'consultation';
const onSubject = <T extends Table>(
  q: SelectQueryBuilder<DB, T, object>,
  s: Subject,
): SelectQueryBuilder<DB, T, object> =>
  'caseId' in s
    ? q.where('case_id' as never, '=', s.caseId as never)
    : q
        .where('plan_id' as never, '=', s.planId as never)
        .where('plan_in_force' as never, '=', s.inForce as never);

/** A subject's preferences, oldest first. */
export function preferencesOf(db: Executor, laCode: string, subject: Subject) {
  return onSubject(db.selectFrom('placement_preference').where('la_code', '=', laCode), subject)
    .selectAll()
    .orderBy('received')
    .orderBy('created_at')
    .execute();
}

export function preferenceById(db: Executor, laCode: string, id: string) {
  return db
    .selectFrom('placement_preference')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records a preference; a setting already asked for on the subject is not recorded twice (returns undefined). */
export async function insertPreference(
  db: Executor,
  row: Insertable<PlacementPreferenceTable>,
): Promise<string | undefined> {
  const made = await db
    .insertInto('placement_preference')
    .values(row)
    .onConflict((oc) =>
      row.plan_id
        ? oc
            .columns(['la_code', 'plan_id', 'plan_in_force', 'setting_id'])
            .where('plan_id', 'is not', null)
            .where('setting_id', 'is not', null)
            .doNothing()
        : oc.columns(['la_code', 'case_id', 'setting_id']).where('setting_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return made?.id;
}

/** Records why the council will not name a preference; false if it was already refused. */
export async function refusePreference(
  db: Executor,
  laCode: string,
  id: string,
  refusal: {
    ground: NonNullable<PlacementPreferenceTable['refusal_ground']>;
    reasons: string;
    on: string;
    by: string;
  },
): Promise<boolean> {
  const done = await db
    .updateTable('placement_preference')
    .set({
      refusal_ground: refusal.ground,
      refusal_reasons: refusal.reasons,
      refused_on: refusal.on,
      refused_by: refusal.by,
    })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('refused_on', 'is', null)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/** A subject's consultations, by setting then the school before its maintaining authority. */
export function consultationsOf(db: Executor, laCode: string, subject: Subject) {
  return onSubject(db.selectFrom('consultation').where('la_code', '=', laCode), subject)
    .selectAll()
    .orderBy('sent')
    .orderBy('setting_id')
    .orderBy('consultee', 'desc')
    .execute();
}

export function consultationById(db: Executor, laCode: string, id: string) {
  return db
    .selectFrom('consultation')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sends a consultation; one per subject, setting and consultee (returns undefined if it was already sent). */
export async function insertConsultation(
  db: Executor,
  row: Insertable<ConsultationTable>,
): Promise<string | undefined> {
  const made = await db
    .insertInto('consultation')
    .values(row)
    .onConflict((oc) =>
      row.plan_id
        ? oc
            .columns(['la_code', 'plan_id', 'plan_in_force', 'setting_id', 'consultee'])
            .where('plan_id', 'is not', null)
            .doNothing()
        : oc.columns(['la_code', 'case_id', 'setting_id', 'consultee']).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return made?.id;
}

/** Records the answer; false if the consultation was already answered (an answer is never overwritten). */
export async function answerConsultation(
  db: Executor,
  laCode: string,
  id: string,
  answer: Pick<
    ConsultationTable,
    'answer' | 'ground' | 'reasons' | 'answered' | 'answered_by' | 'answered_by_name'
  >,
): Promise<boolean> {
  const done = await db
    .updateTable('consultation')
    .set(answer)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('answered', 'is', null)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/** The consultations addressed to a setting (the school itself, never its maintaining authority), waiting first. */
export async function consultationsForSetting(
  db: Executor,
  laCode: string,
  settingId: string,
  page: number,
  pageSize: number,
) {
  const base = db
    .selectFrom('consultation')
    .where('la_code', '=', laCode)
    .where('setting_id', '=', settingId)
    .where('consultee', '=', 'setting');
  const counts = await base
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('answered', 'is', null).as('waiting'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy((eb) => eb.case().when('answered', 'is', null).then(0).else(1).end())
    .orderBy('sent')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(counts.total), waiting: Number(counts.waiting) };
}

/** For the phase-transfer board (docs/transfers.md): these children's preferences received on or after `since`. */
export function preferencesForTransfers(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  since: string,
): Promise<Array<{ child_id: string; received: string }>> {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('placement_preference')
    .select(['child_id', 'received'])
    .where('la_code', '=', laCode)
    .where(idIn('child_id', childIds))
    .where('received', '>=', since)
    .execute();
}

/** For the phase-transfer board: these children's consultations with settings sent on or after `since`. */
export function consultationsForTransfers(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  since: string,
): Promise<Array<{ child_id: string; sent: string; answered: string | null }>> {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('consultation')
    .select(['child_id', 'sent', 'answered'])
    .where('la_code', '=', laCode)
    .where(idIn('child_id', childIds))
    .where('consultee', '=', 'setting')
    .where('sent', '>=', since)
    .execute();
}
