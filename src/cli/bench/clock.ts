/**
 * `goldthread bench clock [--cases N] [--seed S]`: computes full statutory-clock timelines (every step, status,
 * exception and plain-English explanation) for N generated cases (1,000,000 by default) and reports cases per
 * second and peak memory. Pure computation on one core: no database. Cases are generated in batches outside the
 * timed sections, so the figure measures the engine alone. Exceptions carry the library's `confirmed` flag (7 in 10
 * confirmed), so both the checks of every exception and the adjusted dates are computed.
 */
import type { Benchmark } from '../commands/bench.ts';
import { caseGenerator } from '../../domain/clock/generate.ts';
import { computeTimeline, type ClockInput } from '../../domain/clock/index.ts';
import { option } from '../bench-support.ts';

const MB = 1024 * 1024;

const bench: Benchmark = {
  description: 'Statutory clock: full timelines for N generated cases (default 1,000,000), cases per second',
  // eslint-disable-next-line @typescript-eslint/require-await
  async run(args) {
    const cases = option(args, '--cases', 1_000_000);
    const seed = option(args, '--seed', 20260105);
    const batchSize = 10_000;
    const next = caseGenerator(seed, { confirmed: 0.7 });
    const batch: ClockInput[] = new Array<ClockInput>(batchSize);

    let peakRss = process.memoryUsage.rss();
    let peakHeap = process.memoryUsage().heapUsed;
    let computeNs = 0n;
    let cpuMicros = 0;
    let steps = 0;
    let overdue = 0;
    let withException = 0;

    const wall = process.hrtime.bigint();
    for (let done = 0; done < cases; done += batchSize) {
      const n = Math.min(batchSize, cases - done);
      for (let i = 0; i < n; i++) batch[i] = next();
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const timeline = computeTimeline(batch[i]!);
        steps += timeline.steps.length;
        for (const s of timeline.steps) {
          if (s.status === 'overdue') overdue++;
          if (s.exception !== null) withException++;
        }
      }
      computeNs += process.hrtime.bigint() - t0;
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      const mem = process.memoryUsage();
      if (mem.rss > peakRss) peakRss = mem.rss;
      if (mem.heapUsed > peakHeap) peakHeap = mem.heapUsed;
    }
    const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
    const seconds = Number(computeNs) / 1e9;
    const perSec = Math.round(cases / seconds);
    // CPU time used by this process while computing: on a machine shared with other work, cases per CPU second is
    // what one core gives the engine, less distorted by waiting for the processor than the elapsed time.
    const cpuSeconds = cpuMicros / 1e6;
    const perCpuSec = Math.round(cases / cpuSeconds);

    process.stdout.write(
      `clock: ${cases.toLocaleString('en-GB')} cases, ${steps.toLocaleString('en-GB')} steps ` +
        `(${overdue.toLocaleString('en-GB')} overdue, ${withException.toLocaleString('en-GB')} with an exception)\n` +
        `engine time ${seconds.toFixed(2)} s: ${perSec.toLocaleString('en-GB')} cases/s, ` +
        `${perCpuSec.toLocaleString('en-GB')} cases per CPU second (${cpuSeconds.toFixed(2)} s of CPU), ` +
        `${((seconds / steps) * 1e9).toFixed(0)} ns per step; wall time with case generation ${wallSeconds.toFixed(2)} s\n` +
        `peak memory: rss ${(peakRss / MB).toFixed(1)} MB, heap used ${(peakHeap / MB).toFixed(1)} MB (sampled per batch of ${batchSize.toLocaleString('en-GB')})\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'clock',
        cases,
        steps,
        seconds: Number(seconds.toFixed(3)),
        cases_per_sec: perSec,
        cpu_seconds: Number(cpuSeconds.toFixed(3)),
        cases_per_cpu_sec: perCpuSec,
        wall_seconds: Number(wallSeconds.toFixed(3)),
        peak_rss_mb: Number((peakRss / MB).toFixed(1)),
        peak_heap_mb: Number((peakHeap / MB).toFixed(1)),
      })}\n`,
    );
  },
};
export default bench;
