/**
 * Least privilege on PostgreSQL (issue 16 item 2, ADR 0007): migrations run as the role that owns the tables
 * (`MIGRATION_DATABASE_URL`); the service runs as a role that may read and write the casework tables but may only
 * insert and read the audit log. Only a table's owner (or a superuser) can alter, disable or drop its triggers, and
 * only a superuser can set `session_replication_role`, so the service's role cannot switch the audit log's
 * append-only triggers off, and without UPDATE, DELETE and TRUNCATE it could not change a row even if they were off.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema/index.ts';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The service's role name, checked (it is written into SQL, quoted). */
export function serviceRoleName(name: string): string {
  if (!ROLE_NAME.test(name)) {
    throw new Error(
      `"${name}" is not a role name Goldthread accepts (lower-case letters, digits and _, at most 63)`,
    );
  }
  return name;
}

/** The schemas the service works in: its tables, and the job queue's (pg-boss). */
const SCHEMAS = ['public', 'pgboss'] as const;

/** Tables the service only reads and appends to. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;

/**
 * The statements that give the service's role what it needs and no more, run by the owner after the migrations (and
 * again after any later migration: they are idempotent). Default privileges give the service the tables later
 * migrations create; the append-only tables are revoked again after every grant.
 */
export function leastPrivilegeStatements(serviceRole: string): string[] {
  const role = `"${serviceRoleName(serviceRole)}"`;
  const schemas = SCHEMAS.join(', ');
  return [
    // Connecting is granted to everyone by default; a database whose owner took it away grants it here.
    `do $$ begin
      if exists (select 1 from pg_database where datname = current_database() and pg_get_userbyid(datdba) = current_user)
      then execute format('grant connect, temporary on database %I to ${role}', current_database());
      end if;
    end $$`,
    `revoke create on schema ${schemas} from ${role}`,
    `grant usage on schema ${schemas} to ${role}`,
    ...SCHEMAS.flatMap((schema) => [
      `grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
      `grant usage, select on all sequences in schema ${schema} to ${role}`,
      `grant execute on all functions in schema ${schema} to ${role}`,
      `alter default privileges in schema ${schema} grant select, insert, update, delete on tables to ${role}`,
      `alter default privileges in schema ${schema} grant usage, select on sequences to ${role}`,
    ]),
    // The migrator's own tables: the service only reads them.
    `revoke insert, update, delete, truncate on kysely_migration, kysely_migration_lock from ${role}`,
    ...APPEND_ONLY_TABLES.flatMap((table) => [
      `revoke all on ${table} from public`,
      `revoke update, delete, truncate, references, trigger on ${table} from ${role}`,
      `grant select, insert on ${table} to ${role}`,
    ]),
  ];
}

/** Runs the statements as the owner: the caller's connection must be the owner's. */
export async function grantServiceRole(ownerDb: Kysely<DB>, serviceRole: string): Promise<void> {
  const name = serviceRoleName(serviceRole);
  const exists = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_roles where rolname = ${name}`.execute(ownerDb);
  if (exists.rows[0]?.n !== 1) {
    throw new Error(
      `The role ${name} does not exist. Create it first, as a database administrator: ` +
        `create role ${name} login password '…';`,
    );
  }
  const owner = await sql<{ owner: string; me: string }>`
    select pg_get_userbyid(c.relowner) as owner, current_user as me
    from pg_class c where c.oid = 'audit_log'::regclass`.execute(ownerDb);
  const row = owner.rows[0];
  if (!row || row.owner !== row.me) {
    throw new Error(
      `Run this as the role that owns the tables (audit_log is owned by ${row?.owner ?? 'nobody'})`,
    );
  }
  if (row.me === name) throw new Error('The service role must not be the role that owns the tables');
  await ownerDb.transaction().execute(async (trx) => {
    for (const statement of leastPrivilegeStatements(name)) await sql.raw(statement).execute(trx);
  });
}

/**
 * What the current role could do to the audit log that the service's role should not: the service warns at start-up
 * (in production, it says so plainly) when it runs as a superuser or as the owner of the audit log.
 */
export async function privilegeWarnings(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ me: string; superuser: boolean; owner: string; can_update: boolean }>`
    select current_user as me,
      (select rolsuper from pg_roles where rolname = current_user) as superuser,
      pg_get_userbyid(c.relowner) as owner,
      has_table_privilege('audit_log', 'update, delete, truncate') as can_update
    from pg_class c where c.oid = 'audit_log'::regclass`.execute(db);
  const row = rows[0];
  if (!row) return [];
  const warnings: string[] = [];
  if (row.superuser) {
    warnings.push(
      `the service connects as ${row.me}, a superuser, which can switch the audit log's append-only triggers off`,
    );
  } else if (row.owner === row.me) {
    warnings.push(
      `the service connects as ${row.me}, the owner of the audit log, which can disable its triggers`,
    );
  } else if (row.can_update) {
    warnings.push(`the service's role ${row.me} may update, delete or truncate the audit log`);
  }
  return warnings;
}
