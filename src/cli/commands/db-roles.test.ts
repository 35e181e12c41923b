/**
 * Least privilege (issue 16 item 2), on PostgreSQL: an owner role migrates a fresh database, `goldthread db-roles`
 * grants the service's role, the whole service starts and seeds the demo as that role, and then every way we know of
 * changing or removing an audit row as the service's role is refused: UPDATE, DELETE, TRUNCATE, upserts, MERGE,
 * writable CTEs, disabling, dropping or replacing the triggers or their function, session_replication_role in every
 * form, taking the owner's identity, granting itself more, renaming or dropping the table. The row and the number of
 * rows are checked afterwards as the owner.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, urlFor } from '../../../test/helpers/images.ts';
import { startService, type Service } from '../../app/service.ts';
import command from './db-roles.ts';
import { loadConfig } from '../../platform/config.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { privilegeWarnings } from '../../platform/audit/roles.ts';

const suffix = randomBytes(4).toString('hex');
const owner = `gt_owner_${suffix}`;
const serviceRole = `gt_service_${suffix}`;
const databaseName = `gt_roles_${suffix}`;

function urlAs(role: string): string {
  const url = new URL(urlFor(databaseName));
  url.username = role;
  url.password = '';
  return url.toString();
}

async function asRole<T>(role: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlAs(role) });
  client.on('error', () => {}); // a statement's error is reported by the statement
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs the command with the environment given, as `goldthread db-roles` would. */
async function runCommand(args: string[], env: Record<string, string>): Promise<number> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await command.run(args);
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

describe('least privilege on PostgreSQL', () => {
  let service: Service;
  let rowId: number;

  beforeAll(async () => {
    await admin(async (c) => {
      await c.query(`create role ${owner} login`);
      await c.query(`create role ${serviceRole} login`);
      await c.query(`create database ${databaseName} owner ${owner}`);
    });
    const env = {
      DATABASE_URL: urlAs(serviceRole),
      MIGRATION_DATABASE_URL: urlAs(owner),
      GOLDTHREAD_DEMO: 'false',
    };
    expect(await runCommand(['--service-role', serviceRole], env)).toBe(0);
    const config = loadConfig({
      ...env,
      NODE_ENV: 'test',
      GOLDTHREAD_DEMO: 'true',
      COOKIE_SECRET: 'roles-test-secret-roles-test-secret',
    });
    // The whole service as the service's role: migrations (none left) as the owner, the demo seeded, jobs started.
    service = await startService(config, {
      demoChildren: 12,
      workers: false,
      logger: false,
      notifier: new OutboxNotifier(),
    });
    rowId = await asRole(serviceRole, async (c) => {
      const { rows } = await c.query<{ id: string }>(
        `insert into audit_log (la_code, action, record_type, detail)
         values ('999', 'roles.test', 'test', '{"original": true}') returning id`,
      );
      return Number(rows[0]!.id);
    });
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    await admin(async (c) => {
      await c.query(`drop database if exists ${databaseName} with (force)`);
      await c.query(`drop role if exists ${serviceRole}`);
      await c.query(`drop role if exists ${owner}`);
    });
  });

  it('runs the service as a role that owns nothing and is not a superuser', async () => {
    expect(await privilegeWarnings(service.database.db)).toEqual([]);
    const health = await service.app.inject('/health');
    expect(health.statusCode).toBe(200);
    expect((await service.app.inject('/local-offer')).statusCode).toBe(200);
    const signIn = await service.app.inject('/sign-in');
    expect(signIn.statusCode).toBe(200);
    // It reads and appends to the audit log.
    const count = await asRole(serviceRole, (c) =>
      c.query<{ n: number }>('select count(*)::int as n from audit_log where id = $1', [rowId]),
    );
    expect(count.rows[0]!.n).toBe(1);
    // And the jobs' schema is the owner's, used by the service.
    const queues = await asRole(serviceRole, (c) => c.query('select name from pgboss.queue'));
    expect(queues.rows.length).toBeGreaterThan(0);
  });

  it('warns when the service connects as the owner of the audit log', async () => {
    const ownerDb = await openDatabase({ url: urlAs(owner), poolSize: 1 });
    try {
      expect((await privilegeWarnings(ownerDb.db)).join()).toContain('the owner of the audit log');
    } finally {
      await ownerDb.close();
    }
  });

  it('refuses every attempt by the service role to change or delete an audit row', async () => {
    const id = rowId;
    const attempts: Array<{ what: string; sql: string[] }> = [
      { what: 'UPDATE', sql: [`update audit_log set action = 'changed' where id = ${id}`] },
      { what: 'UPDATE with no row matched', sql: [`update audit_log set action = 'changed' where false`] },
      { what: 'DELETE', sql: [`delete from audit_log where id = ${id}`] },
      { what: 'DELETE ONLY', sql: [`delete from only audit_log where id = ${id}`] },
      { what: 'TRUNCATE', sql: ['truncate audit_log'] },
      { what: 'TRUNCATE CASCADE', sql: ['truncate audit_log cascade'] },
      {
        what: 'upsert (INSERT … ON CONFLICT DO UPDATE)',
        sql: [
          `insert into audit_log (la_code, id, action, record_type) overriding system value
           values ('999', ${id}, 'x', 'x') on conflict (la_code, id) do update set action = 'changed'`,
        ],
      },
      {
        what: 'MERGE … DELETE',
        sql: [
          `merge into audit_log t using (select ${id}::bigint as id) s on t.id = s.id when matched then delete`,
        ],
      },
      {
        what: 'writable CTE',
        sql: [`with d as (delete from audit_log where id = ${id} returning id) select * from d`],
      },
      {
        what: 'ALTER TABLE DISABLE TRIGGER (the row trigger), then UPDATE',
        sql: [
          'alter table audit_log disable trigger audit_log_no_update_or_delete',
          `update audit_log set action = 'changed' where id = ${id}`,
        ],
      },
      { what: 'ALTER TABLE DISABLE TRIGGER ALL', sql: ['alter table audit_log disable trigger all'] },
      { what: 'ALTER TABLE DISABLE TRIGGER USER', sql: ['alter table audit_log disable trigger user'] },
      {
        what: 'ALTER TABLE ENABLE REPLICA TRIGGER (so replica mode skips it)',
        sql: ['alter table audit_log enable replica trigger audit_log_no_update_or_delete'],
      },
      { what: 'DROP TRIGGER', sql: ['drop trigger audit_log_no_update_or_delete on audit_log'] },
      { what: 'DROP FUNCTION … CASCADE', sql: ['drop function audit_log_append_only() cascade'] },
      {
        what: 'CREATE OR REPLACE the trigger function',
        sql: [
          `create or replace function audit_log_append_only() returns trigger language plpgsql
           as $$ begin return old; end $$`,
        ],
      },
      {
        what: 'SET session_replication_role = replica, then DELETE',
        sql: ['set session_replication_role = replica', `delete from audit_log where id = ${id}`],
      },
      {
        what: 'SET LOCAL session_replication_role in a transaction, then DELETE',
        sql: [
          'begin',
          'set local session_replication_role = replica',
          `delete from audit_log where id = ${id}`,
        ],
      },
      {
        what: "set_config('session_replication_role')",
        sql: [`select set_config('session_replication_role', 'replica', false)`],
      },
      {
        what: 'ALTER ROLE … SET session_replication_role',
        sql: [`alter role ${serviceRole} set session_replication_role = replica`],
      },
      { what: 'ALTER SYSTEM', sql: ['alter system set session_replication_role = replica'] },
      { what: 'SET ROLE to the owner', sql: [`set role ${owner}`] },
      { what: 'SET SESSION AUTHORIZATION to the owner', sql: [`set session authorization ${owner}`] },
      {
        // PostgreSQL answers a grant by a role without the grant option with a warning and grants nothing.
        what: 'GRANT itself UPDATE and DELETE, then UPDATE',
        sql: [
          `grant update, delete on audit_log to ${serviceRole}`,
          `update audit_log set action = 'changed' where id = ${id}`,
        ],
      },
      { what: 'ALTER TABLE OWNER TO itself', sql: [`alter table audit_log owner to ${serviceRole}`] },
      {
        what: 'CREATE RULE (DO INSTEAD on delete)',
        sql: ['create rule audit_log_rule as on delete to audit_log do instead nothing'],
      },
      {
        what: 'CREATE TRIGGER of its own',
        sql: [
          'create trigger audit_log_mine before insert on audit_log for each row execute function audit_log_append_only()',
        ],
      },
      {
        what: 'ALTER TABLE RENAME (to put another table in its place)',
        sql: ['alter table audit_log rename to old'],
      },
      { what: 'DROP TABLE', sql: ['drop table audit_log'] },
      {
        what: 'SELECT … FOR UPDATE (locking a row to change it)',
        sql: [`select * from audit_log where id = ${id} for update`],
      },
      {
        what: 'LOCK TABLE in ACCESS EXCLUSIVE mode',
        sql: ['begin', 'lock table audit_log in access exclusive mode'],
      },
      {
        what: 'ALTER TABLE ALTER COLUMN (changing how rows read)',
        sql: [`alter table audit_log alter column action set default 'changed'`],
      },
    ];
    const before = await asRole(owner, (c) => c.query('select * from audit_log where id = $1', [id]));
    const countBefore = await asRole(owner, (c) =>
      c.query<{ n: number }>('select count(*)::int as n from audit_log'),
    );
    const results: Array<{ what: string; refused: boolean; error: string }> = [];
    for (const attempt of attempts) {
      const error = await asRole(serviceRole, async (c) => {
        try {
          for (const statement of attempt.sql) await c.query(statement);
          return undefined;
        } catch (err) {
          return err as Error & { code?: string };
        }
      });
      results.push({ what: attempt.what, refused: error !== undefined, error: error?.message ?? '' });
    }
    const after = await asRole(owner, (c) => c.query('select * from audit_log where id = $1', [id]));
    const countAfter = await asRole(owner, (c) =>
      c.query<{ n: number }>('select count(*)::int as n from audit_log'),
    );
    const triggers = await asRole(owner, (c) =>
      c.query<{ tgname: string; tgenabled: string }>(
        `select tgname, tgenabled from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal order by 1`,
      ),
    );
    process.stdout.write(
      `${JSON.stringify({ test: 'audit-log-tampering', attempts: results.length, refused: results.filter((r) => r.refused).length })}\n`,
    );
    expect(results.filter((r) => !r.refused)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(20);
    // Every refusal is a permission refusal, not a typo in the attempt.
    for (const r of results)
      expect(r.error).toMatch(/permission denied|must be owner|append-only|must be superuser|not allowed/);
    expect(after.rows).toEqual(before.rows);
    expect(countAfter.rows[0]!.n).toBe(countBefore.rows[0]!.n);
    expect(triggers.rows).toEqual([
      { tgname: 'audit_log_no_truncate', tgenabled: 'O' },
      { tgname: 'audit_log_no_update_or_delete', tgenabled: 'O' },
    ]);
  });

  it('prints the grants as SQL for a database administrator', async () => {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string) => {
      written.push(chunk);
      return true;
    };
    try {
      expect(await runCommand(['--service-role', 'goldthread_service', '--print'], {})).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const text = written.join('');
    expect(text).toContain(
      'revoke update, delete, truncate, references, trigger on audit_log from "goldthread_service";',
    );
    expect(text).toContain('grant select, insert on audit_log to "goldthread_service";');
  });
});
