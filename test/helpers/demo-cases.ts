/**
 * The demo's people and children as browser tests pick them: a demo account's ids, and a child with no plan and no
 * assessment yet (so a test can start one without meeting the demo's own casework).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema/index.ts';

/** A demo account's id, team and authority. */
export function demoUser(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'team_id', 'la_code'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

/** The first child (by reference) with no plan and no assessment. */
export function childWithNoCase(db: Kysely<DB>, laCode: string) {
  return db
    .selectFrom('child')
    .select(['id', 'reference', 'given_name', 'family_name', 'preferred_name'])
    .where('la_code', '=', laCode)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('ehc_plan').select('id').whereRef('ehc_plan.child_id', '=', 'child.id')),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('assessment_case').select('id').whereRef('assessment_case.child_id', '=', 'child.id'),
        ),
      ),
    )
    .orderBy('reference')
    .limit(1)
    .executeTakeFirstOrThrow();
}
