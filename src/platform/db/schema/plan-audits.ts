/**
 * EHC plan quality audits (migration 0006). Owned by src/features/plan-audits.
 */
import type { Generated } from 'kysely';
import type { DateString, Timestamp, Json } from './types.ts';

export interface PlanAuditTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  kind: 'first' | 'moderation';
  moderates_id: string | null;
  auditor_id: string;
  writer_id: string | null;
  team_id: string | null;
  grades: Json;
  overall: number;
  overall_evidence: string;
  sampled: Generated<boolean>;
  audited_on: DateString;
  idempotency_key: string;
  created_at: Generated<Date>;
}

export interface PlanAuditActionTable {
  la_code: string;
  id: Generated<string>;
  audit_id: string;
  plan_id: string;
  child_id: string;
  section: string;
  text: string;
  assigned_to: string | null;
  done_at: Timestamp | null;
  done_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanAuditTables {
  plan_audit: PlanAuditTable;
  plan_audit_action: PlanAuditActionTable;
}
