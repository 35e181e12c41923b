/**
 * The education pages: a child's episodes, duties, attendance and placements; the forms to record, change and close
 * an episode and to record attendance; and the list of children with a plan not in full-time education. Handlers
 * parse, ask the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newFormToken } from '../../platform/change/once.ts';
import { PRIMARY_NEEDS } from '../../platform/db/schema/index.ts';
import type { RouteDeps } from '../../platform/feature.ts';
import { actorOf } from '../../platform/web/app.ts';
import { dateInputValues, handleForm, type FormErrors } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { isEpisodeKind, parseAttendance, parseClose, parseEpisode } from './forms.ts';
import type { EducationService } from './service.ts';
import {
  attendanceFormView,
  childPageView,
  closeFormView,
  episodeFormView,
  listView,
} from './view-models.ts';

type Values = Record<string, string>;
const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;
const done = (childId: string, what: string) => withQuery(paths.education.child(childId), { done: what });

const listSchema = z.object({
  school: z
    .union([z.literal('none'), z.uuid()])
    .optional()
    .catch(undefined),
  need: z
    .union([z.literal('none'), z.enum(PRIMARY_NEEDS)])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function educationRoutes(app: FastifyInstance, { service }: RouteDeps<EducationService>): void {
  app.get(paths.education.list, async (request, reply) => {
    const filters = listSchema.parse(query(request));
    const data = await service.list(actorOf(request), filters);
    return reply.view('education/list.njk', listView(data, filters));
  });

  app.get(paths.education.childPattern, async (request, reply) => {
    const data = await service.childPage(actorOf(request), param(request, 'childId'));
    return reply.view('education/child.njk', childPageView(data, query(request).done));
  });

  // Recording an episode of one kind
  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const child = await service.childForForm(actorOf(request), param(request, 'childId'));
    const kind = query(request).kind;
    if (!isEpisodeKind(kind)) return reply.redirect(paths.education.child(child.id), 303);
    const view = episodeFormView({ child, kind, values, errors, formToken: newFormToken() });
    return reply.view('education/episode.njk', view);
  };
  app.get(paths.education.newEpisodePattern, (request, reply) => renderNew(request, reply, {}));
  app.post(paths.education.newEpisodePattern, async (request, reply) => {
    const kind = query(request).kind;
    if (!isEpisodeKind(kind)) return reply.redirect(paths.education.child(param(request, 'childId')), 303);
    return handleForm(request.body, reply, {
      parse: (values) => parseEpisode(kind, values),
      submit: (data) => service.record(actorOf(request), param(request, 'childId'), data, data.formToken),
      render: (values, errors) => renderNew(request, reply, values, errors),
      success: () => done(param(request, 'childId'), 'recorded'),
    });
  });

  // Changing one
  const renderEdit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors?: FormErrors,
  ) => {
    const { child, episode } = await service.episodeForForm(
      actorOf(request),
      param(request, 'childId'),
      param(request, 'episodeId'),
    );
    const shown = values ?? {
      ...dateInputValues('start', episode.start_date),
      ...dateInputValues('end', episode.end_date),
      ...dateInputValues('reviewDate', episode.review_date),
      days: episode.days === null ? '' : String(episode.days),
      hoursAWeek: episode.hours_a_week === null ? '' : String(episode.hours_a_week),
      reason: episode.reason ?? '',
    };
    const view = episodeFormView({
      child,
      kind: episode.kind,
      episodeId: episode.id,
      values: shown,
      errors,
      formToken: newFormToken(),
    });
    return reply.view('education/episode.njk', view);
  };
  app.get(paths.education.episodePattern, (request, reply) => renderEdit(request, reply, null));
  app.post(paths.education.episodePattern, async (request, reply) => {
    const { episode } = await service.episodeForForm(
      actorOf(request),
      param(request, 'childId'),
      param(request, 'episodeId'),
    );
    return handleForm(request.body, reply, {
      parse: (values) => parseEpisode(episode.kind, values),
      submit: (data) => service.edit(actorOf(request), param(request, 'childId'), episode.id, data),
      render: (values, errors) => renderEdit(request, reply, values, errors),
      success: () => done(param(request, 'childId'), 'updated'),
    });
  });

  // Closing one
  const renderClose = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const { child, episode } = await service.episodeForForm(
      actorOf(request),
      param(request, 'childId'),
      param(request, 'episodeId'),
    );
    return reply.view(
      'education/close.njk',
      closeFormView({ child, episode, episodeId: episode.id, values, errors }),
    );
  };
  app.get(paths.education.closePattern, (request, reply) => renderClose(request, reply, {}));
  app.post(paths.education.closePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseClose,
      submit: (data) =>
        service.close(actorOf(request), param(request, 'childId'), param(request, 'episodeId'), data.end),
      render: (values, errors) => renderClose(request, reply, values, errors),
      success: () => done(param(request, 'childId'), 'closed'),
    }),
  );

  // Attendance
  const renderAttendance = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FormErrors,
  ) => {
    const child = await service.childForForm(actorOf(request), param(request, 'childId'));
    return reply.view('education/attendance.njk', attendanceFormView({ child, values, errors }));
  };
  app.get(paths.education.attendancePattern, (request, reply) => renderAttendance(request, reply, {}));
  app.post(paths.education.attendancePattern, (request, reply) =>
    handleForm(request.body, reply, {
      parse: parseAttendance,
      submit: (data) => service.recordAttendance(actorOf(request), param(request, 'childId'), data),
      render: (values, errors) => renderAttendance(request, reply, values, errors),
      success: () => done(param(request, 'childId'), 'attendance'),
    }),
  );

  // A duty done
  app.post(paths.education.dutyDonePattern, async (request, reply) => {
    await service.dutyDone(actorOf(request), param(request, 'childId'), param(request, 'dutyId'));
    return reply.redirect(done(param(request, 'childId'), 'duty'), 303);
  });
}
