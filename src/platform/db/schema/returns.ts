/**
 * The SEN2 return read in and written out (migration 0017). Owned by src/features/returns.
 */
import type { Generated } from 'kysely';
import type { DateString, Json, Timestamp } from './types.ts';

export interface Sen2ExtraTable {
  la_code: string;
  child_id: string;
  /** SEN2 item key -> value (src/domain/sen2/extras.ts). */
  items: Json;
  updated_at: Generated<Date>;
}

export interface Sen2ExportTable {
  la_code: string;
  id: Generated<string>;
  census: DateString;
  format: 'csv' | 'xml';
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  persons: number | null;
  problems: Json | null;
  content: string | null;
  error: string | null;
  requested_by: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface ReturnsTables {
  sen2_extra: Sen2ExtraTable;
  sen2_export: Sen2ExportTable;
}
