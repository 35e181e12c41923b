/**
 * The returns pages' service: who may produce the SEN2 return and the inspection lists (leaders: the SEND leader
 * and team managers) and who may read a return in (the administrator), each change in one transaction, audited.
 */
import { requireRole, type Actor } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import type { Sen2Problem } from '../../domain/sen2/index.ts';
import { importSen2, inspectionFiles, type ImportSummary, type Sen2Format } from './operations.ts';
import { exportById, exportContent, insertExport, recentExports } from './store.ts';

export const SEN2_EXPORT_QUEUE = 'sen2-export';
export const LEADERS: readonly Role[] = ['send-leader', 'team-manager'];

export function createReturnsService(deps: ServiceDeps) {
  return {
    /** The exports asked for lately (the returns page). */
    async recent(actor: Actor) {
      requireRole(actor, LEADERS, 'returns');
      return recentExports(deps.db, actor.laCode);
    },

    /** Asks for the return for a census date: a job does the work; returns the export's id (its progress page). */
    async startExport(actor: Actor, census: string, format: Sen2Format): Promise<string> {
      requireRole(actor, LEADERS, 'returns');
      return withChange(deps, actor, async (ctx) => {
        const id = await insertExport(ctx.trx, actor.laCode, { census, format, requestedBy: actor.userId });
        await ctx.jobs.send(ctx.trx, SEN2_EXPORT_QUEUE, { laCode: actor.laCode, id });
        return id;
      });
    },

    /** An export's progress and, when done, its pre-submission problems. */
    async export(actor: Actor, id: string) {
      requireRole(actor, LEADERS, 'returns');
      const row = await exportById(deps.db, actor.laCode, id);
      if (!row) throw new NotFoundError();
      return { ...row, problems: (row.problems ?? []) as Sen2Problem[] };
    },

    /** The file an export made, audited as a bulk export of special category data. */
    async exportFile(actor: Actor, id: string) {
      requireRole(actor, LEADERS, 'returns');
      return withChange(deps, actor, async (ctx) => {
        const row = await exportContent(ctx.trx, actor.laCode, id);
        if (!row?.content) throw new NotFoundError();
        await audit(ctx.trx, auditContext(actor), {
          action: 'sen2.download',
          recordType: 'sen2-export',
          recordId: id,
          detail: { bulkExport: true, specialCategoryData: true, census: row.census, format: row.format },
        });
        return {
          name: `sen2-${actor.laCode}-${row.census}.${row.format}`,
          format: row.format,
          body: row.content,
        };
      });
    },

    /** The inspection lists for the snapshot date, as files; audited as a bulk export of special category data. */
    async inspectionList(actor: Actor, snapshot: string, format: 'csv' | 'xlsx') {
      requireRole(actor, LEADERS, 'inspection-list');
      return withChange(deps, actor, (ctx) =>
        inspectionFiles(ctx.trx, auditContext(actor), snapshot, format),
      );
    },

    /** Reads a return into the administrator's authority (or, with dryRun, says what it would do). */
    async importReturn(actor: Actor, text: string, dryRun: boolean): Promise<ImportSummary> {
      requireRole(actor, ['administrator'], 'sen2-import');
      return importSen2(deps.db, auditContext(actor), actor.laCode, text, { dryRun, today: deps.today() });
    },
  };
}

export type ReturnsService = ReturnType<typeof createReturnsService>;
