/**
 * `goldthread bench improvement-import [--actions N] [--runs N]`: generates a plan CSV (2,000 actions by default),
 * then times parsing and summarising it. The target is the whole import under 2 seconds.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Benchmark } from '../commands/bench.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import { generatePlanCsv } from '../../domain/improvement/generate.ts';
import { summarise } from '../../domain/improvement/summary.ts';
import { percentile, round } from '../bench-support.ts';

const bench: Benchmark = {
  description: 'Parse and summarise a generated 2,000-action improvement plan CSV',
  run(args) {
    const { values } = parseArgs({
      args,
      options: { actions: { type: 'string', default: '2000' }, runs: { type: 'string', default: '30' } },
    });
    const actions = Number(values.actions);
    const runs = Math.max(1, Number(values.runs));
    const csv = generatePlanCsv({ actions, seed: 7 });
    // Warm up once so the first figure is not the JIT's.
    const check = parsePlanCsv(csv);
    if (check.actions.length !== actions || check.problems.length > 0) {
      throw new Error(
        `the generated plan read as ${check.actions.length} actions, ${check.problems.length} problems`,
      );
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      summarise(parsePlanCsv(csv), '2022-09-01');
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p50 = round(percentile(times, 50));
    const p95 = round(percentile(times, 95));
    process.stdout.write(`${actions} actions, ${csv.length} characters, ${runs} runs: median ${p50} ms\n`);
    process.stdout.write(
      `${JSON.stringify({ bench: 'improvement-import', actions, p50_ms: p50, p95_ms: p95 })}\n`,
    );
    return Promise.resolve();
  },
};
export default bench;
