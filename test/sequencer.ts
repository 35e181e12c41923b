/**
 * The order Vitest starts test files in: the browser tests first, as they are the longest, so the two workers share
 * them from the start and the short files fill in after; no long file is left to run alone at the end. Within each
 * group, Vitest's own order (failed first, then slowest in the last run, larger files when it has no record).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isBrowserTest = (file: TestSpecification) => file.moduleId.includes('/test/e2e/');

export default class BrowserTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isBrowserTest), ...sorted.filter((file) => !isBrowserTest(file))];
  }
}
