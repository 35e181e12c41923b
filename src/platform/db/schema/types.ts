/**
 * Column types shared by every area's table types.
 */
import type { ColumnType } from 'kysely';

/** A calendar date the law counts, as 'YYYY-MM-DD' (never a timestamp). */
export type DateString = string;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | undefined, string>;
