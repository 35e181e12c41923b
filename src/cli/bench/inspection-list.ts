/**
 * `goldthread bench inspection-list [--plans N] [--runs N]`: both inspection lists with the completeness report, as
 * XLSX and as CSV, for the demo authority grown to at least 25,000 plans on PostgreSQL (a fresh database, dropped
 * afterwards), each median of 3. Target: under 30 s (issue 14).
 */
import type { Benchmark } from '../commands/bench.ts';
import { inspectionFiles } from '../../features/returns/index.ts';
import { option } from '../bench-support.ts';
import { timed, withPlans } from '../bench-sen2.ts';

const bench: Benchmark = {
  description: 'The inspection lists (XLSX and CSV) with 25,000 plans on PostgreSQL (median of 3)',
  async run(args) {
    const wanted = option(args, '--plans', 25_000);
    const runs = option(args, '--runs', 3);
    await withPlans(wanted, async (database, plans) => {
      const ctx = { laCode: '999', userId: null, sessionId: null, ip: null };
      let rows = 0;
      const xlsx = await timed(runs, async () => {
        const r = await inspectionFiles(database.db, ctx, '2026-12-01', 'xlsx');
        rows = r.lists.plans.rows.length;
      });
      const csv = await timed(runs, () => inspectionFiles(database.db, ctx, '2026-12-01', 'csv'));
      process.stdout.write(`xlsx runs ${xlsx.ms.join(', ')} ms; csv runs ${csv.ms.join(', ')} ms\n`);
      process.stdout.write(
        `${JSON.stringify({ plans, rows, xlsxMedianMs: xlsx.median, csvMedianMs: csv.median })}\n`,
      );
    });
  },
};
export default bench;
