/** The demo authority with every feature's demo data, in the order of the feature list. */
import type { Kysely } from 'kysely';
import { seedDemoWith, type DemoOptions, type DemoSeeder, type SeedSummary } from '../demo/generator.ts';
import type { DB } from '../platform/db/schema/index.ts';
import { todayInLondon } from '../platform/web/views.ts';
import { features } from './features.ts';

/** Every feature's demo, in the order of the feature list, then the features' steps that run after all of them. */
export const demoSeeders: readonly DemoSeeder[] = [
  ...features.flatMap((f) => ('demo' in f ? [f.demo] : [])),
  ...features.flatMap((f) => ('demoAfter' in f ? [f.demoAfter] : [])),
];

/**
 * Seeds the demo authority as of `options.today`, by default today in London: every date in it is relative to that
 * day, so the demo reads the same (most work on time, some late, a backlog) whatever the date it is started on.
 */
export function seedDemo(db: Kysely<DB>, options: DemoOptions = {}): Promise<SeedSummary> {
  return seedDemoWith(db, demoSeeders, { ...options, today: options.today ?? todayInLondon() });
}
