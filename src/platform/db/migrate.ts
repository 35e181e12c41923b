/**
 * Migrations: each file in ./migrations exports `statements`, plain SQL run in order inside one transaction by
 * Kysely's Migrator (which records what ran and takes a lock, so two processes never migrate at once). A file may
 * also export `after(db)`, run next in the same transaction, for a back-fill SQL cannot do alone (ADR 0063: the
 * statutory clock's answer for every existing case).
 */
import { readdirSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

const migrationsDir = new URL('./migrations/', import.meta.url);

class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = readdirSync(migrationsDir)
      .filter((f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(new URL(file, migrationsDir).href)) as {
        statements: string[];
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
        after?: (db: Kysely<any>) => Promise<void>;
      };
      migrations[file.slice(0, -3)] = {
        async up(db) {
          for (const statement of mod.statements) await sql.raw(statement).execute(db);
          // A back-fill that needs more than SQL (the clock, ADR 0063), in the same transaction.
          await mod.after?.(db);
        },
      };
    }
    return migrations;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Migration numbers are reserved per task and land in any order (0019 may be on main before 0009): a database
  // migrated before a lower number landed still takes it. Each migration stands alone, so the order between two
  // tasks' migrations does not matter.
  const migrator = new Migrator({ db, provider: new SqlFileProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
