/** Children not in full-time education (migration 0028; docs/education.md). Owned by src/features/education. */
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from './types.ts';

export type EducationEpisodeKind =
  'suspension' | 'permanent-exclusion' | 'part-time-timetable' | 'missing-education' | 'home-education';

/** numeric columns come back as strings from PostgreSQL; written as numbers. */
type Numeric = ColumnType<string, number, number>;

export interface EducationEpisodeTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  kind: EducationEpisodeKind;
  start_date: DateString;
  end_date: DateString | null;
  days: number | null;
  hours_a_week: ColumnType<string | null, number | null, number | null>;
  reason: string | null;
  review_date: DateString | null;
  setting_id: string | null;
  recorded_on: DateString;
  recorded_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface EducationAttendanceTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  school_year: number;
  term: 'autumn' | 'spring' | 'summer';
  percent: Numeric;
  recorded_by: string;
  updated_at: Timestamp;
}

export interface EducationDutyTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  episode_id: string;
  kind: 'review' | 's19';
  regulation: 'reg-29-2' | 'reg-30' | 's19';
  raised_on: DateString;
  due_date: DateString;
  done_on: DateString | null;
}

export interface EducationTables {
  education_episode: EducationEpisodeTable;
  education_attendance: EducationAttendanceTable;
  education_duty: EducationDutyTable;
}
