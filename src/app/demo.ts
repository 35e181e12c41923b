/** The demo authority with every feature's demo data, in the order of the feature list. */
import { sql, type Kysely } from 'kysely';
import { seedDemoWith, type DemoOptions, type SeedSummary } from '../demo/generator.ts';
import type { DB } from '../platform/db/schema/index.ts';
import { todayInLondon } from '../platform/web/views.ts';
import { features } from './features.ts';

/** Every feature's demo, in the order of the feature list, then the features' steps that run after all of them. */
const demoSteps = [
  ...features.flatMap((f) => ('demo' in f ? [{ feature: f.name.replaceAll('-', ' '), seed: f.demo }] : [])),
  ...features.flatMap((f) =>
    'demoAfter' in f ? [{ feature: `${f.name.replaceAll('-', ' ')} (finishing)`, seed: f.demoAfter }] : [],
  ),
];
export const demoSeeders = demoSteps.map((s) => s.seed);

/** Where building the demo has got to: `done` of `total` steps, and what the step just done built. */
export type DemoBuildProgress = (done: number, total: number, built: string) => void;

/** What each step of `seedDemo` builds, in order: the core records, then each feature's demo by its feature's name in words. */
export const demoStepNames: readonly string[] = [
  'children, families, schools and staff',
  'their records and history',
  ...demoSteps.map((s) => s.feature),
];

/** `seedDemo`'s options: the demo's, and whether to analyse the database after a seed that was not skipped. */
export interface SeedDemoOptions extends DemoOptions {
  /**
   * Analyse the whole database after the seed (default true). A database just filled in bulk has no planner statistics
   * until it is analysed, and neither the embedded database nor a PostgreSQL with autovacuum off or late analyses it:
   * without them the session lookup, say, scans every user (0.74 ms against 0.31 ms). `goldthread national` seeds many
   * authorities and vacuums and analyses once after the last, so it passes false.
   */
  analyse?: boolean;
}

/**
 * Seeds the demo authority as of `options.today`, by default today in London: every date in it is relative to that
 * day, so the demo reads the same (most work on time, some late, a backlog) whatever the date it is started on. Then
 * analyses the database, unless the authority was there already or `analyse` is false.
 */
export async function seedDemo(
  db: Kysely<DB>,
  options: SeedDemoOptions = {},
  progress?: DemoBuildProgress,
): Promise<SeedSummary> {
  const { analyse = true, ...demo } = options;
  const summary = await seedDemoWith(
    db,
    demoSeeders,
    { ...demo, today: demo.today ?? todayInLondon() },
    progress && ((done, total) => progress(done, total, demoStepNames[done - 1] ?? '')),
  );
  if (analyse && !summary.skipped) await sql`analyze`.execute(db);
  return summary;
}

/**
 * One line of the first start's progress: a bar, the step count and what was just built, the time so far and, once a
 * step is done, about how long is left (from the steps' pace so far).
 */
export function demoProgressLine(done: number, total: number, built: string, elapsedMs: number): string {
  const width = 20;
  const share = total === 0 ? 1 : Math.min(done / total, 1);
  const filled = Math.round(share * width);
  const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))} s`;
  const left = done > 0 && done < total ? `, about ${seconds((elapsedMs / done) * (total - done))} left` : '';
  return (
    `Building the demo [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done} of ${total} steps ` +
    `(built: ${built}), ${seconds(elapsedMs)}${left}`
  );
}
