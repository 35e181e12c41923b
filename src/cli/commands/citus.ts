/**
 * `goldthread citus --print | --apply`: distributes the schema on `la_code` with Citus (issue 20 item 5, ADR 0038).
 * Both bring the schema up to date first (as the owner when MIGRATION_DATABASE_URL is set), then check it
 * (`distributionPlan`). `--print` writes the checks and the SQL for a database administrator to read, on either
 * engine. `--apply` runs it on PostgreSQL with the citus extension, in one transaction, skipping tables already
 * distributed, and refuses when a check fails or row triggers would run without `citus.enable_unsafe_triggers`.
 */
import { sql } from 'kysely';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.ts';
import { distributionPlan, readSchemaFacts, type DistributionPlan } from '../../platform/db/distribution.ts';
import type { Database } from '../../platform/db/database.ts';

const USAGE = 'usage: goldthread citus --print | --apply';

function report(plan: DistributionPlan): string {
  const lines = [
    `-- Reference tables (copied to every node): ${plan.referenceTables.join(', ') || 'none'}`,
    `-- Distributed on la_code, co-located: ${plan.distributedTables.length} tables`,
    ...plan.problems.map((p) => `-- Problem: ${p}`),
    ...plan.warnings.map((w) => `-- Warning: ${w}`),
    ...plan.statements.map((s) => `${s};`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Applies the plan's statements not yet done; returns the exit code and writes what it did. */
export async function applyDistribution(database: Database): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  if (database.engine !== 'postgres') {
    out('Citus runs on PostgreSQL: set DATABASE_URL (and MIGRATION_DATABASE_URL for the owner).\n');
    return 1;
  }
  const plan = distributionPlan(await readSchemaFacts(database.db));
  if (plan.problems.length > 0) {
    out(report(plan));
    out(`Refused: ${plan.problems.length} problem(s) make distribution unsafe.\n`);
    return 1;
  }
  const { rows: citus } = await sql<{
    version: string;
  }>`select extversion as version from pg_extension where extname = 'citus'`.execute(database.db);
  if (citus.length === 0) {
    out(
      'Refused: the citus extension is not installed in this database. Install Citus on every node and run ' +
        '"create extension citus" on the coordinator as a superuser, add the workers, then run this again.\n',
    );
    return 1;
  }
  const { rows: setting } = await sql<{
    value: string | null;
  }>`select current_setting('citus.enable_unsafe_triggers', true) as value`.execute(database.db);
  if (plan.warnings.some((w) => w.startsWith('row triggers')) && setting[0]?.value !== 'on') {
    out(
      'Refused: the schema has row triggers (the audit log and plan versions are append-only by trigger), which ' +
        'Citus runs on the shards only with citus.enable_unsafe_triggers = on: alter system set it on every node.\n',
    );
    return 1;
  }
  const { rows: done } = await sql<{
    table: string;
  }>`select logicalrelid::regclass::text as table from pg_dist_partition`.execute(database.db);
  const already = new Set(done.map((d) => d.table));
  const todo = plan.statements.filter((s) => !already.has(/\('([a-z_0-9]+)'/.exec(s)?.[1] ?? ''));
  await database.db.transaction().execute(async (trx) => {
    for (const statement of todo) await sql.raw(statement).execute(trx);
  });
  out(
    `Distributed ${todo.length} table(s) with Citus ${citus[0]!.version}` +
      (already.size ? `; ${already.size} already were.\n` : '.\n'),
  );
  return 0;
}

const command: Command = {
  description: 'Distribute the schema on la_code with Citus: --print the checks and SQL, or --apply them',
  async run(args) {
    let values: { print?: boolean | undefined; apply?: boolean | undefined };
    try {
      values = parseArgs({
        args,
        options: { print: { type: 'boolean' }, apply: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (e) {
      throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    }
    if (Boolean(values.print) === Boolean(values.apply)) throw new UsageError(USAGE);
    const { loadConfig } = await import('../../platform/config.ts');
    const { openDatabase } = await import('../../platform/db/database.ts');
    const { migrateToLatest } = await import('../../platform/db/migrate.ts');
    const config = loadConfig();
    const database = await openDatabase({
      url: config.migrationDatabaseUrl ?? config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 1,
    });
    try {
      await migrateToLatest(database.db);
      if (values.apply) return await applyDistribution(database);
      const plan = distributionPlan(await readSchemaFacts(database.db));
      process.stdout.write(report(plan));
      return plan.problems.length > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
export default command;
