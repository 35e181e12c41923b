/** The returns pages: SEN2 export (a job with a progress page), the inspection lists, and reading a return in. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../platform/access/access.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf, isUploadedFile } from '../../platform/web/app.ts';
import { contentDisposition } from '../../platform/web/files.ts';
import { formValues, handleForm, singleError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import type { ReturnsService } from './service.ts';
import { censusChoices, exportView, importView, returnsView } from './view-models.ts';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const listQuery = z.object({
  format: z.enum(['csv', 'xlsx']).catch('xlsx'),
  list: z.enum(['plans', 'support', 'completeness']).catch('plans'),
});

export function returnsRoutes(app: FastifyInstance, { service }: RouteDeps<ReturnsService>): void {
  const renderIndex = async (actor: ReturnType<typeof actorOf>, extra: object = {}) => ({
    ...returnsView(todayInLondon(), await service.recent(actor)),
    ...extra,
  });

  app.get(paths.returns.index, async (request, reply) =>
    reply.view('returns/index.njk', await renderIndex(actorOf(request))),
  );

  app.post(paths.returns.sen2Exports, async (request, reply) => {
    const actor = actorOf(request);
    const choices = censusChoices(todayInLondon());
    return handleForm(request.body, reply, {
      parse: z.object({
        census: z.string().refine((c) => choices.includes(c), { error: 'Choose the census date' }),
        format: z.enum(['csv', 'xml'], { error: 'Choose CSV or XML' }),
      }),
      fields: ['census', 'format'],
      submit: (data) => service.startExport(actor, data.census, data.format),
      render: async (_values, errors) =>
        reply.view('returns/index.njk', await renderIndex(actor, { errors })),
      success: (id) => paths.returns.sen2Export(id),
    });
  });

  app.get(paths.returns.sen2ExportPattern, async (request, reply) => {
    const { exportId } = request.params as { exportId: string };
    if (!isUuid(exportId)) throw new NotFoundError();
    return reply.view('returns/export.njk', exportView(await service.export(actorOf(request), exportId)));
  });

  app.get(paths.returns.sen2ExportFilePattern, async (request, reply) => {
    const { exportId } = request.params as { exportId: string };
    if (!isUuid(exportId)) throw new NotFoundError();
    const file = await service.exportFile(actorOf(request), exportId);
    return reply
      .header('Content-Type', CONTENT_TYPES[file.format])
      .header('Content-Disposition', contentDisposition(file.name))
      .send(file.body);
  });

  app.get(paths.returns.inspectionList, async (request, reply) => {
    const query = listQuery.parse(formValues(request.query));
    const { files } = await service.inspectionList(actorOf(request), todayInLondon(), query.format);
    const index = query.format === 'xlsx' ? 0 : ['plans', 'support', 'completeness'].indexOf(query.list);
    const file = files[index]!;
    return reply
      .header('Content-Type', CONTENT_TYPES[query.format])
      .header('Content-Disposition', contentDisposition(file.name))
      .send(file.body);
  });

  app.get(paths.returns.sen2Import, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.role !== 'administrator') await service.importReturn(actor, '', true); // refused: 403
    return reply.view('returns/import.njk', importView(null, undefined));
  });

  app.post(paths.returns.sen2Import, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const upload = body?.returnFile;
    const dryRun = formValues(body).mode !== 'import';
    if (!isUploadedFile(upload)) {
      if (actor.role !== 'administrator') await service.importReturn(actor, '', true);
      reply.code(400);
      return reply.view('returns/import.njk', {
        ...importView(null, undefined),
        errors: singleError('returnFile', 'Choose the SEN2 return file (CSV or XML)'),
      });
    }
    const summary = await service.importReturn(actor, upload.data.toString('utf8'), dryRun);
    return reply.view('returns/import.njk', importView(summary, upload.filename));
  });
}
