/**
 * The only code that names the education tables in SQL (education_episode, education_attendance, education_duty).
 * Children, their settings and plans are the core records': this store filters by a query of child ids
 * (`ChildIdQuery`) from src/platform/people and returns child ids for it to use.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/change/change.ts';
import type { EducationEpisodeKind } from '../../platform/db/schema/index.ts';
import type { ChildIdQuery } from '../../platform/people/children.ts';
import { QUALIFYING_KINDS, type EpisodeKind, type Term } from '../../domain/education/index.ts';

export interface EpisodeRow {
  id: string;
  child_id: string;
  kind: EducationEpisodeKind;
  start_date: string;
  end_date: string | null;
  days: number | null;
  hours_a_week: number | null;
  reason: string | null;
  review_date: string | null;
  setting_id: string | null;
  recorded_on: string;
}

export interface EpisodeValues {
  kind: EpisodeKind;
  start: string;
  end: string | null;
  days: number | null;
  hoursAWeek: number | null;
  reason: string | null;
  reviewDate: string | null;
}

const EPISODE_COLUMNS = [
  'id',
  'child_id',
  'kind',
  'start_date',
  'end_date',
  'days',
  'hours_a_week',
  'reason',
  'review_date',
  'setting_id',
  'recorded_on',
] as const;

const toEpisode = (r: Omit<EpisodeRow, 'hours_a_week'> & { hours_a_week: string | null }): EpisodeRow => ({
  ...r,
  hours_a_week: r.hours_a_week === null ? null : Number(r.hours_a_week),
});

const columnsOf = (v: EpisodeValues) => ({
  kind: v.kind,
  start_date: v.start,
  end_date: v.kind === 'suspension' ? null : v.end,
  days: v.kind === 'suspension' ? v.days : null,
  hours_a_week: v.kind === 'part-time-timetable' ? v.hoursAWeek : null,
  reason: v.kind === 'part-time-timetable' || v.kind === 'missing-education' ? v.reason : null,
  review_date: v.kind === 'part-time-timetable' ? v.reviewDate : null,
});

export async function insertEpisode(
  trx: Tx,
  laCode: string,
  childId: string,
  values: EpisodeValues,
  meta: { settingId: string | null; recordedOn: string; recordedBy: string; id?: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('education_episode')
    .values({
      ...(meta.id ? { id: meta.id } : {}),
      la_code: laCode,
      child_id: childId,
      ...columnsOf(values),
      setting_id: meta.settingId,
      recorded_on: meta.recordedOn,
      recorded_by: meta.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateEpisode(
  trx: Tx,
  laCode: string,
  episodeId: string,
  values: EpisodeValues,
): Promise<void> {
  await trx
    .updateTable('education_episode')
    .set({ ...columnsOf(values), updated_at: sql`now()` })
    .where('la_code', '=', laCode)
    .where('id', '=', episodeId)
    .execute();
}

export async function episodeById(
  db: Executor,
  laCode: string,
  episodeId: string,
): Promise<EpisodeRow | undefined> {
  const row = await db
    .selectFrom('education_episode')
    .select(EPISODE_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', '=', episodeId)
    .executeTakeFirst();
  return row && toEpisode(row);
}

/** A child's episodes, latest first. */
export async function episodesOf(db: Executor, laCode: string, childId: string): Promise<EpisodeRow[]> {
  const rows = await db
    .selectFrom('education_episode')
    .select(EPISODE_COLUMNS)
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('start_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toEpisode);
}

/** Every episode of the authority's children (the leaders' figures read them all at once). */
export async function episodesOfAuthority(db: Executor, laCode: string): Promise<EpisodeRow[]> {
  const rows = await db
    .selectFrom('education_episode')
    .select(EPISODE_COLUMNS)
    .where('la_code', '=', laCode)
    .orderBy('start_date')
    .execute();
  return rows.map(toEpisode);
}

/** The episodes of these children, oldest first (for the backlog's hook and the list's rows). */
export async function episodesOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<EpisodeRow[]> {
  if (!childIds.length) return [];
  const rows = await db
    .selectFrom('education_episode')
    .select(EPISODE_COLUMNS)
    .where('la_code', '=', laCode)
    .where('child_id', 'in', [...new Set(childIds)])
    .orderBy('start_date')
    .execute();
  return rows.map(toEpisode);
}

/**
 * Children with an open qualifying episode on `asOf` (a permanent exclusion, part-time timetable, child missing
 * education or home education that has started and not ended; suspensions never qualify), as a query of child ids,
 * optionally only those whose episode began at one school (`settingId`, or null for none).
 */
export function openEpisodeChildIds(
  db: Executor,
  laCode: string,
  asOf: string,
  settingId?: string | null,
): ChildIdQuery {
  let query = openEpisodes(db, laCode, asOf);
  if (settingId === null) query = query.where('education_episode.setting_id', 'is', null);
  else if (settingId !== undefined) query = query.where('education_episode.setting_id', '=', settingId);
  return query.select('education_episode.child_id');
}

function openEpisodes(db: Executor, laCode: string, asOf: string) {
  return db
    .selectFrom('education_episode')
    .where('education_episode.la_code', '=', laCode)
    .where('education_episode.kind', 'in', [...QUALIFYING_KINDS])
    .where('education_episode.start_date', '<=', asOf)
    .where((eb) =>
      eb.or([eb('education_episode.end_date', 'is', null), eb('education_episode.end_date', '>=', asOf)]),
    );
}

/**
 * Children among `plans` (a query of the children with a plan) with an open qualifying episode on `asOf`, counted
 * by the school where the episode began (null: none). A child with open episodes at two schools counts at each.
 */
export async function openEpisodesBySchool(
  db: Executor,
  laCode: string,
  asOf: string,
  plans: ChildIdQuery,
): Promise<Array<{ setting_id: string | null; n: number }>> {
  const rows = await openEpisodes(db, laCode, asOf)
    .select((eb) => [
      'education_episode.setting_id',
      eb.fn.count<number>('education_episode.child_id').distinct().as('n'),
    ])
    .where('education_episode.child_id', 'in', plans)
    .groupBy('education_episode.setting_id')
    .execute();
  return rows.map((r) => ({ setting_id: r.setting_id, n: Number(r.n) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Duties

export interface DutyRow {
  id: string;
  episode_id: string;
  kind: 'review' | 's19';
  regulation: 'reg-29-2' | 'reg-30' | 's19';
  raised_on: string;
  due_date: string;
  done_on: string | null;
}

/** Raises a duty for an episode once (a second of the same kind is left as it is); returns whether it was new. */
export async function raiseDuty(
  trx: Tx,
  laCode: string,
  duty: {
    childId: string;
    episodeId: string;
    kind: 'review' | 's19';
    regulation: DutyRow['regulation'];
    raisedOn: string;
    due: string;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('education_duty')
    .values({
      la_code: laCode,
      child_id: duty.childId,
      episode_id: duty.episodeId,
      kind: duty.kind,
      regulation: duty.regulation,
      raised_on: duty.raisedOn,
      due_date: duty.due,
    })
    .onConflict((oc) => oc.columns(['la_code', 'episode_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves an open s19 duty's start to a new date (an exclusion's date corrected). */
export async function updateOpenDutyDue(
  trx: Tx,
  laCode: string,
  episodeId: string,
  kind: 'review' | 's19',
  due: string,
): Promise<void> {
  await trx
    .updateTable('education_duty')
    .set({ due_date: due })
    .where('la_code', '=', laCode)
    .where('episode_id', '=', episodeId)
    .where('kind', '=', kind)
    .where('done_on', 'is', null)
    .execute();
}

export async function markDutyDone(trx: Tx, laCode: string, dutyId: string, doneOn: string): Promise<void> {
  await trx
    .updateTable('education_duty')
    .set({ done_on: doneOn })
    .where('la_code', '=', laCode)
    .where('id', '=', dutyId)
    .execute();
}

export async function dutyById(
  db: Executor,
  laCode: string,
  dutyId: string,
): Promise<(DutyRow & { child_id: string }) | undefined> {
  return db
    .selectFrom('education_duty')
    .select(['id', 'child_id', 'episode_id', 'kind', 'regulation', 'raised_on', 'due_date', 'done_on'])
    .where('la_code', '=', laCode)
    .where('id', '=', dutyId)
    .executeTakeFirst();
}

/** A child's duties, open first, then by due date. */
export function dutiesOf(db: Executor, laCode: string, childId: string): Promise<DutyRow[]> {
  return db
    .selectFrom('education_duty')
    .select(['id', 'episode_id', 'kind', 'regulation', 'raised_on', 'due_date', 'done_on'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('done_on', (ob) => ob.desc().nullsFirst())
    .orderBy('due_date')
    .execute();
}

/** The open review duties of these children: child id → the earliest due date. */
export async function openReviewDueOf(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<Map<string, string>> {
  if (!childIds.length) return new Map();
  const rows = await db
    .selectFrom('education_duty')
    .select(['child_id', (eb) => eb.fn.min<string>('due_date').as('due')])
    .where('la_code', '=', laCode)
    .where('child_id', 'in', [...new Set(childIds)])
    .where('kind', '=', 'review')
    .where('done_on', 'is', null)
    .groupBy('child_id')
    .execute();
  return new Map(rows.map((r) => [r.child_id, r.due]));
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance

export interface AttendanceRow {
  id: string;
  school_year: number;
  term: Term;
  percent: number;
}

export async function attendanceOf(db: Executor, laCode: string, childId: string): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom('education_attendance')
    .select(['id', 'school_year', 'term', 'percent'])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('school_year', 'desc')
    .execute();
  const order = { summer: 0, spring: 1, autumn: 2 };
  return rows
    .map((r) => ({ ...r, percent: Number(r.percent) }))
    .sort((a, b) => b.school_year - a.school_year || order[a.term] - order[b.term]);
}

/** Records a term's attendance, replacing what was recorded for that term; returns the row's id. */
export async function upsertAttendance(
  trx: Tx,
  laCode: string,
  row: { childId: string; schoolYear: number; term: Term; percent: number; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('education_attendance')
    .values({
      la_code: laCode,
      child_id: row.childId,
      school_year: row.schoolYear,
      term: row.term,
      percent: row.percent,
      recorded_by: row.recordedBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'child_id', 'school_year', 'term'])
        .doUpdateSet({ percent: row.percent, recorded_by: row.recordedBy, updated_at: sql`now()` }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
