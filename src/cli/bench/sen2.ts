/**
 * `goldthread bench sen2 [--plans N] [--runs N]`: the SEN2 return for the demo authority grown to at least 25,000
 * plans on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; a fresh database, dropped
 * afterwards): the export as CSV (casework read, return built, checked and written), then the same file read in to
 * an empty authority, each median of 3. Target: under 30 s each (issue 14).
 */
import type { Benchmark } from '../commands/bench.ts';
import { exportSen2, importSen2 } from '../../features/returns/index.ts';
import { option } from '../bench-support.ts';
import { timed, withPlans } from '../bench-sen2.ts';

const CENSUS = '2027-01-21';

const bench: Benchmark = {
  description: 'SEN2 export and import with 25,000 plans on PostgreSQL (median of 3)',
  async run(args) {
    const wanted = option(args, '--plans', 25_000);
    const runs = option(args, '--runs', 3);
    await withPlans(wanted, async (database, plans) => {
      let text = '';
      let persons = 0;
      const exported = await timed(runs, async () => {
        const result = await exportSen2(database.db, '999', CENSUS, 'csv');
        text = result.text;
        persons = result.ret.persons.length;
      });
      process.stdout.write(
        `export: ${persons} persons, ${text.length} bytes, runs ${exported.ms.join(', ')} ms\n`,
      );
      let made = 0;
      const imported = await timed(runs, async (run) => {
        const summary = await importSen2(
          database.db,
          { userId: null, sessionId: null, ip: null },
          String(990 - run),
          text,
          {
            dryRun: false,
            today: '2027-01-22',
          },
        );
        made = summary.create.children;
      });
      process.stdout.write(`import: ${made} children each run, runs ${imported.ms.join(', ')} ms\n`);
      process.stdout.write(
        `${JSON.stringify({ plans, persons, bytes: text.length, exportMedianMs: exported.median, importMedianMs: imported.median })}\n`,
      );
    });
  },
};
export default bench;
