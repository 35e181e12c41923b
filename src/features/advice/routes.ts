/**
 * Professionals' advice: the task list across all their children (oldest due first) and the structured advice form.
 * Casework staff use the same form to record advice that arrived another way (for example the family's own views).
 * A document (PDF, Word, OpenDocument text or text) can be attached: checked by extension and contents, stored with
 * the advice and served only as a download to the casework staff and the professional it was asked of.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf, isUploadedFile } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import {
  dateInputValues,
  formValues,
  readDateInput,
  singleError,
  toFormErrors,
} from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { withChange } from '../../platform/change/change.ts';

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});

/** '14:05', London time: when a draft was saved. */
function timeInLondon(at: Date): string {
  return londonTime.format(at);
}
import { AGENCY_LABELS } from '../../domain/assessment/journey.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { adviceSchema } from '../assessments/index.ts';
import { stepForView } from '../../platform/web/steps.ts';
import {
  getAdviceDocument,
  getAdviceTask,
  JourneyError,
  NEED_AREAS,
  NEW_TASK_DAYS,
  professionalTasks,
  saveAdviceDraft,
  STAFF,
  submitAdvice,
  type ProvisionLine,
} from '../assessments/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { auditChildrenShown, childIdsIn, type Actor } from '../../platform/access/access.ts';
import { ADVICE_DOCUMENT_ACCEPT, checkAdviceDocument } from './documents.ts';
import { contentDisposition, servedContentType } from '../../platform/web/files.ts';

export const PROVISION_ROWS = 4;

export async function tasksPage(db: Executor, actor: Actor, query: unknown, basePath: string) {
  const values = formValues(query);
  const pageOf = (v: string | undefined) => Math.min(100_000, Math.max(1, Number(v) || 1));
  const data = await professionalTasks(
    db,
    actor,
    todayInLondon(),
    pageOf(values.page),
    25,
    pageOf(values.sentPage),
  );
  const link = (p: number) => withQuery(basePath, { page: p, sentPage: data.sentPage });
  const sentLink = (p: number) => `${withQuery(basePath, { page: data.page, sentPage: p })}#sent`;
  return {
    ...data,
    tasks: data.tasks.map((t) => ({
      ...t,
      step: stepForView(t.step),
      label: AGENCY_LABELS[t.agency] ?? t.agency,
    })),
    sent: data.sent.map((t) => ({ ...t, label: AGENCY_LABELS[t.agency] ?? t.agency })),
    newDays: NEW_TASK_DAYS,
    pagination: govukPagination(data.page, data.pages, link),
    sentPagination: govukPagination(data.sentPage, data.sentPages, sentLink),
  };
}

function readSubmission(values: Record<string, string>, isStaff: boolean, today: string, upload?: unknown) {
  const parsed = adviceSchema.safeParse(values);
  const errors: FormErrors = parsed.success
    ? { list: [], fields: {} }
    : toFormErrors(parsed.error.issues, ['answer']);
  const add = (field: string, text: string, href = field) => {
    if (errors.fields[field]) return;
    errors.fields[field] = { text };
    errors.list.push({ text, href: `#${href}` });
  };
  const needs: Record<string, string> = {};
  for (const area of NEED_AREAS) {
    const v = (values[`need-${area.key}`] ?? '').trim();
    if (v.length > 5000) add(`need-${area.key}`, `${area.label} must be 5,000 characters or fewer`);
    if (v) needs[area.key] = v;
  }
  const provision: ProvisionLine[] = [];
  for (let i = 1; i <= PROVISION_ROWS; i++) {
    const line = {
      description: (values[`provision-${i}-description`] ?? '').trim(),
      quantity: (values[`provision-${i}-quantity`] ?? '').trim(),
      frequency: (values[`provision-${i}-frequency`] ?? '').trim(),
      deliverer: (values[`provision-${i}-deliverer`] ?? '').trim(),
    };
    const filled = Object.values(line).filter(Boolean).length;
    if (!filled) continue;
    for (const [key, label] of [
      ['description', 'what the help is'],
      ['quantity', 'how much (for example 30 minutes)'],
      ['frequency', 'how often (for example weekly)'],
      ['deliverer', 'who gives it'],
    ] as const) {
      if (!line[key]) add(`provision-${i}-${key}`, `Help ${i}: enter ${label}`);
      if (line[key].length > 500)
        add(`provision-${i}-${key}`, `Help ${i}: ${label} must be 500 characters or fewer`);
    }
    provision.push(line);
  }
  if (parsed.success && parsed.data.answer === 'advice' && !Object.keys(needs).length && !provision.length) {
    add('need-communication', 'Describe the needs in at least one area, or the help you recommend');
  }
  let received = today;
  if (isStaff) {
    const d = readDateInput(values, 'received', 'The date the advice arrived');
    if (d.error || !d.value) add('received', d.error ?? 'Enter the date the advice arrived', 'received-day');
    else received = d.value;
  }
  let document: { fileName: string; contentType: string; content: Uint8Array } | undefined;
  if (isUploadedFile(upload)) {
    const checked = checkAdviceDocument(upload);
    if (checked.ok) document = checked;
    else add('document', checked.message);
  }
  if (errors.list.length || !parsed.success) return { ok: false as const, errors };
  return { ok: true as const, data: { ...parsed.data, needs, provision, received, document } };
}

export function adviceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.advice.tasks, async (request, reply) => {
    const actor = actorOf(request);
    const data = await tasksPage(db, actor, request.query, paths.advice.tasks);
    await auditChildrenShown(db, actor, 'advice.list.read', paths.advice.tasks, childIdsIn(data));
    return reply.view('advice/tasks.njk', { pageTitle: 'Advice asked of you', ...data });
  });

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const { adviceId } = request.params as { adviceId: string };
    const today = todayInLondon();
    const { task, step, context } = await db
      .transaction()
      .execute((trx) => getAdviceTask(trx, actor, adviceId, today));
    if (errors) reply.code(400);
    return reply.view('advice/task.njk', {
      pageTitle: `Advice for ${task.given_name} ${task.family_name}`,
      backLink: actor.role === 'professional' ? paths.home : paths.assessments.case(task.case_id),
      task,
      context,
      step: stepForView(step),
      label: AGENCY_LABELS[task.agency] ?? task.agency,
      needAreas: NEED_AREAS,
      provisionRows: Array.from({ length: PROVISION_ROWS }, (_, i) => i + 1),
      isStaff: STAFF.includes(actor.role),
      values: Object.keys(values).length
        ? values
        : task.status === 'requested' && task.draft
          ? (task.draft as Record<string, string>)
          : dateInputValues('received', today),
      draftSavedAt: task.status === 'requested' ? task.draft_saved_at : null,
      draftSaved: (request.query as Record<string, string>).saved === '1',
      errors,
      sent: (request.query as Record<string, string>).sent === '1',
      documentAccept: ADVICE_DOCUMENT_ACCEPT,
      submittedNeeds: (task.needs ?? {}) as Record<string, string>,
      submittedProvision: (task.provision ?? []) as ProvisionLine[],
    });
  };

  app.get(paths.advice.taskPattern, (request, reply) => render(request, reply));

  app.post(paths.advice.taskPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { adviceId } = request.params as { adviceId: string };
    const values = formValues(request.body);
    // "Save as draft" (a page load) and the autosave script (JSON): keep the words typed, send nothing.
    if (values.action === 'save-draft' || values.action === 'autosave') {
      const saved = await withChange({ db, jobs: deps.jobs, today: todayInLondon }, actor, (ctx) =>
        saveAdviceDraft(ctx, adviceId, values),
      );
      if (values.action === 'autosave')
        return reply.code(saved ? 200 : 409).send({ saved, savedAt: timeInLondon(new Date()) });
      return reply.redirect(withQuery(paths.advice.task(adviceId), saved ? { saved: 1 } : { sent: 1 }), 303);
    }
    const upload = (request.body as Record<string, unknown> | undefined)?.document;
    const form = readSubmission(values, STAFF.includes(actor.role), todayInLondon(), upload);
    if (!form.ok) return render(request, reply, values, form.errors);
    try {
      await db
        .transaction()
        .execute((trx) =>
          submitAdvice({ trx, actor, jobs: deps.jobs, today: todayInLondon() }, adviceId, form.data),
        );
    } catch (err) {
      if (err instanceof JourneyError)
        return render(request, reply, values, singleError(err.field, err.message));
      throw err;
    }
    return reply.redirect(withQuery(paths.advice.task(adviceId), { sent: 1 }), 303);
  });

  app.get(paths.advice.documentPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { adviceId } = request.params as { adviceId: string };
    const file = await db.transaction().execute((trx) => getAdviceDocument(trx, actor, adviceId));
    // Always an attachment, never shown inline, never sniffed into something else (such as a web page).
    return reply
      .header('content-type', servedContentType(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(file.fileName))
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.content));
  });
}
