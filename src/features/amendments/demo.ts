/** The amendments' demo data: none yet (docs/reviews.md, "Not built yet"). */
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';

export function seedAmendmentsDemo(_trx: Transaction<DB>, _options: DemoSeedOptions): Promise<number> {
  return Promise.resolve(0);
}
