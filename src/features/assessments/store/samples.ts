/**
 * The assessment cases as the command line's benchmarks read them (src/cli/bench): which children have a case (as a
 * query of ids) and how many cases are open. Never used by a page.
 */
import type { Executor } from '../../../platform/audit/audit.ts';
import type { ChildIdQuery } from '../../../platform/people/children.ts';

/** The children with an assessment case (open or closed), as a query of ids. */
export function childIdsWithCases(db: Executor, laCode: string): ChildIdQuery {
  return db.selectFrom('assessment_case').select('child_id').where('la_code', '=', laCode);
}

/** How many open assessment cases the database holds (every authority). */
export async function openCaseCount(db: Executor): Promise<number> {
  const { n } = await db
    .selectFrom('assessment_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_open', '=', true)
    .executeTakeFirstOrThrow();
  return Number(n);
}
