/** The notices feature's pages (docs/rights.md). Handlers parse, ask the service, render. */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { handleForm } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import type { NoticesService } from './service.ts';
import { inboxView } from './inbox.ts';
import { SETTINGS_FIELDS, settingsSchema, settingsView } from './settings.ts';

const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export function noticesRoutes(app: FastifyInstance, { service }: RouteDeps<NoticesService>): void {
  app.get(paths.notices.pattern, async (request, reply) => {
    const { caseId, kind } = request.params as { caseId: string; kind: string };
    const { view, staff } = await service.notice(actorOf(request), caseId, kind);
    return reply.view('notices/notice.njk', {
      pageTitle: `${view.label}: ${view.childName}`,
      view,
      staff,
      pdf: paths.notices.notice(caseId, view.kind, 'pdf'),
      docx: paths.notices.notice(caseId, view.kind, 'docx'),
    });
  });

  app.get(paths.notices.letterPattern, async (request, reply) => {
    const { kind, recordId } = request.params as { kind: string; recordId: string };
    const { view, staff } = await service.letter(actorOf(request), kind, recordId);
    return reply.view('notices/notice.njk', {
      pageTitle: `${view.label}: ${view.childName}`,
      view,
      staff,
      pdf: paths.notices.letter(kind, recordId, 'pdf'),
      docx: paths.notices.letter(kind, recordId, 'docx'),
    });
  });

  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      format === 'pdf' ? paths.notices.letterPdfPattern : paths.notices.letterDocxPattern,
      async (request, reply) => {
        const { kind, recordId } = request.params as { kind: string; recordId: string };
        const file = await service.letterDocument(actorOf(request), kind, recordId, format);
        return reply
          .type(DOCUMENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.content);
      },
    );
  }

  app.get(paths.notices.inbox, async (request, reply) => {
    const { organisation, items } = await service.inbox(actorOf(request));
    return reply.view('notices/inbox.njk', inboxView(organisation, items));
  });

  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      format === 'pdf' ? paths.notices.pdfPattern : paths.notices.docxPattern,
      async (request, reply) => {
        const { caseId, kind } = request.params as { caseId: string; kind: string };
        const file = await service.noticeDocument(actorOf(request), caseId, kind, format);
        return reply
          .type(DOCUMENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.content);
      },
    );
  }

  app.get(paths.notices.rightsContacts, async (request, reply) => {
    const page = await service.rightsSettings(actorOf(request));
    const saved = (request.query as Record<string, string>).saved === '1';
    return reply.view('notices/rights-contacts.njk', settingsView(page, undefined, undefined, saved));
  });

  app.post(paths.notices.rightsContacts, async (request, reply) => {
    const actor = actorOf(request);
    return handleForm(request.body, reply, {
      parse: settingsSchema,
      fields: SETTINGS_FIELDS,
      submit: (data) => service.saveRightsSettings(actor, data),
      render: async (values, errors) =>
        reply.view(
          'notices/rights-contacts.njk',
          settingsView(await service.rightsSettings(actor), values, errors),
        ),
      success: () => withQuery(paths.notices.rightsContacts, { saved: 1 }),
    });
  });
}
