/**
 * The order Vitest starts test files in: the browser files, the longest first (the demo-account crawl, one file per
 * engine), then the other files, the longest first (the fuzz test, one file per engine, then audit completeness), so
 * the two workers share the long files and the short files fill in after; no long file is left to run alone at the
 * end. Otherwise Vitest's own order (failed first, then slowest in the last run, larger files when it has no record).
 *
 * `GOLDTHREAD_TEST_SHUFFLE=<seed>` starts the files in a random order of that seed instead (Vitest's own
 * `--sequence.shuffle` shuffles the tests inside each file but leaves a custom sequencer's file order alone): files
 * that share a worker (`isolate: false`, ADR 0066) are shown independent by passing in more than one order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files, in the order they start (measured one at a time, stop 29): the crawl, about 400 s a file; the
 * fuzz test, about half of its 513 s in each engine's file; audit completeness, 140 s. On a clean clone Vitest has no
 * timings and orders by file size, which would start the small per-engine files last among them; longest first keeps
 * the two workers' ends close together.
 */
const LONG_FILES = [
  '/test/e2e/demo-accounts-pglite.test.ts',
  '/test/e2e/demo-accounts-postgres.test.ts',
  '/src/app/fuzz-pglite.test.ts',
  '/src/app/fuzz-postgres.test.ts',
  '/src/app/audit-completeness.test.ts',
];

const longRank = (file: TestSpecification) => LONG_FILES.findIndex((long) => file.moduleId.endsWith(long));

/**
 * The browser files (the long ones first) come before all the others, one after another: they share a worker and its
 * Chromium (ADR 0072), and Vitest 4 keeps a worker only for a next file of the same project, so a browser file
 * between two others would cost a new worker, and a new Chromium, each time.
 */
function group(file: TestSpecification): number {
  const browser = file.moduleId.includes('/test/e2e/');
  const long = longRank(file) >= 0;
  if (browser) return long ? 0 : 1;
  return long ? 2 : 3;
}

/** The files in a random order drawn from the seed (mulberry32), the same order for the same seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export default class BrowserTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seed = process.env.GOLDTHREAD_TEST_SHUFFLE;
    if (seed) {
      const order = shuffled(files, Number(seed));
      process.stdout.write(
        `Test files in the order of seed ${seed}: ${order.map((f) => f.moduleId.split('/').slice(-2).join('/')).join(', ')}\n`,
      );
      return order;
    }
    const sorted = await super.sort(files);
    const inGroup = (g: number) => sorted.filter((file) => group(file) === g);
    const byRank = (a: TestSpecification, b: TestSpecification) => longRank(a) - longRank(b);
    return [...inGroup(0).sort(byRank), ...inGroup(1), ...inGroup(2).sort(byRank), ...inGroup(3)];
  }
}
