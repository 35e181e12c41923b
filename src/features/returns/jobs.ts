/** The SEN2 export job: builds the return from the casework and keeps the file and its problems (docs/sen2.md). */
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { exportSen2 } from './operations.ts';
import { SEN2_EXPORT_QUEUE } from './service.ts';
import { exportById, markExport } from './store.ts';

export function registerReturnsJobs(deps: JobDeps): void {
  deps.jobs.handle(SEN2_EXPORT_QUEUE, async (data) => {
    const { laCode, id } = data as { laCode: string; id: string };
    const db = deps.database.db;
    const row = await exportById(db, laCode, id);
    if (!row || row.status === 'done') return;
    await markExport(db, laCode, id, { status: 'running' });
    try {
      const result = await exportSen2(db, laCode, row.census, row.format);
      await markExport(db, laCode, id, {
        status: 'done',
        persons: result.ret.persons.length,
        problems: result.problems,
        content: result.text,
      });
    } catch (err) {
      await markExport(db, laCode, id, {
        status: 'failed',
        error: err instanceof Error ? err.message : String(err),
      });
    }
  });
}
