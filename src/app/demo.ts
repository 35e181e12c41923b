/** The demo authority with every feature's demo data, in the order of the feature list. */
import type { Kysely } from 'kysely';
import { seedDemoWith, type DemoOptions, type DemoSeeder, type SeedSummary } from '../demo/generator.ts';
import type { DB } from '../platform/db/schema/index.ts';
import { features } from './features.ts';

export const demoSeeders: readonly DemoSeeder[] = features.flatMap((f) => ('demo' in f ? [f.demo] : []));

export function seedDemo(db: Kysely<DB>, options: DemoOptions = {}): Promise<SeedSummary> {
  return seedDemoWith(db, demoSeeders, options);
}
