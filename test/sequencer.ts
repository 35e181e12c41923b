/**
 * The order Vitest starts test files in: the browser tests first, as they are the longest, the demo-account crawl
 * (one file per engine) and the two longest other files before the journeys, so the two workers share them from the
 * start and the short files fill in after; no long file is left to run alone at the end. Within each group, Vitest's
 * own order (failed first, then slowest in the last run, larger files when it has no record).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files outside test/e2e as long as a journey (measured one at a time, stop 28, load 7 to 13): the fuzz test, 513 s
 * (both engines in one file), and audit completeness, 140 s. On a clean clone Vitest has no timings and orders by
 * file size, which could start them among the last files and leave one running alone at the end.
 */
const LONG_FILES = ['/src/app/fuzz.test.ts', '/src/app/audit-completeness.test.ts'];

function group(file: TestSpecification): number {
  if (file.moduleId.includes('/test/e2e/demo-accounts-')) return 0;
  if (LONG_FILES.some((long) => file.moduleId.endsWith(long))) return 0;
  if (file.moduleId.includes('/test/e2e/')) return 1;
  return 2;
}

export default class BrowserTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [0, 1, 2].flatMap((g) => sorted.filter((file) => group(file) === g));
  }
}
