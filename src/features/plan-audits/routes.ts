/** Plan quality pages: the dashboard (figures, charts, agreement), audit and moderation forms, backlog, actions. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditChildrenShown, childIdsIn, type Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, singleError } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { dashboardModel } from './view-models.ts';
import {
  auditFigures,
  AuditError,
  auditTarget,
  backlog,
  createAudit,
  createModeration,
  getAudit,
  listActions,
  markActionDone,
  moderationQueue,
  moderationTarget,
  recentAudits,
  type AuditInput,
} from './service.ts';
import { AUDIT_AREAS, GRADE_LABELS, GRADES, type Grade, type Grades } from './stats.ts';

/** Reads the audit form: a grade for every area and overall; evidence for the overall grade and for weak areas. */
export function parseAuditForm(
  body: unknown,
): { ok: true; data: AuditInput } | { ok: false; errors: FormErrors; values: Record<string, string> } {
  const values = formValues(body);
  const list: FormErrors['list'] = [];
  const fields: FormErrors['fields'] = {};
  const fail = (name: string, text: string) => {
    list.push({ text, href: `#${name}` });
    fields[name] = { text };
  };
  const grades: Grades = {};
  const gradeOf = (v: string | undefined) =>
    ['1', '2', '3', '4'].includes(v ?? '') ? (Number(v) as Grade) : null;
  for (const area of AUDIT_AREAS) {
    const g = gradeOf(values[`grade-${area.key}`]);
    const evidence = (values[`evidence-${area.key}`] ?? '').trim();
    if (!g) fail(`grade-${area.key}`, `Select a grade for section ${area.title}`);
    else if (g >= 3 && !evidence)
      fail(
        `evidence-${area.key}`,
        `Enter the evidence for the grade of section ${area.title}: it becomes an action for the writer`,
      );
    else if (evidence.length > 2000)
      fail(`evidence-${area.key}`, `Evidence for section ${area.key} must be 2000 characters or fewer`);
    if (g) grades[area.key] = { grade: g, evidence: evidence.slice(0, 2000) };
  }
  const overall = gradeOf(values.overall);
  const overallEvidence = (values.overallEvidence ?? '').trim();
  if (!overall) fail('overall', 'Select a grade for the plan overall');
  if (!overallEvidence) fail('overallEvidence', 'Enter the evidence for the overall grade');
  else if (overallEvidence.length > 4000)
    fail('overallEvidence', 'The overall evidence must be 4000 characters or fewer');
  if (list.length || !overall) return { ok: false, errors: { list, fields }, values };
  return {
    ok: true,
    data: { grades, overall, overallEvidence, token: (values.token ?? '').slice(0, 100) || randomUUID() },
  };
}

const gradeItems = (name: string, values: Record<string, string>) =>
  GRADES.map((g) => ({ value: String(g), text: GRADE_LABELS[g], checked: values[name] === String(g) }));

export function planAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const run = <T>(_actor: Actor, fn: (trx: Executor) => Promise<T>) =>
    db.transaction().execute((trx) => fn(trx));

  /** Records which children a list page showed (issue 16 item 7). */
  const shown = (actor: Actor, page: string, data: unknown) =>
    auditChildrenShown(db, actor, 'plan-audit.list.read', page, childIdsIn(data));

  app.get(paths.planAudits.index, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const page = Math.min(100_000, Math.max(1, Number(values.page) || 1));
    const figures = await auditFigures(db, actor);
    const [recent, queue] = await Promise.all([recentAudits(db, actor, page), moderationQueue(db, actor)]);
    await shown(actor, paths.planAudits.index, [recent, queue]);
    return reply.view('plan-audits/index.njk', dashboardModel(figures, recent, queue));
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    mode: 'first' | 'moderation',
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const params = request.params as { planId?: string; auditId?: string };
    const target =
      mode === 'first'
        ? await auditTarget(db, actor, params.planId ?? '')
        : await moderationTarget(db, actor, params.auditId ?? '');
    if (errors) reply.code(400);
    return reply.view('plan-audits/form.njk', {
      pageTitle: mode === 'first' ? 'Audit a plan' : 'Moderate an audit (blind)',
      backLink: paths.planAudits.index,
      mode,
      target,
      planId: mode === 'first' ? params.planId : (target as { plan_id: string }).plan_id,
      versionId: (target as { version_id: string }).version_id,
      action:
        mode === 'first'
          ? paths.planAudits.newAudit(params.planId ?? '')
          : paths.planAudits.moderate(params.auditId ?? ''),
      areas: AUDIT_AREAS.map((a) => ({ ...a, gradeItems: gradeItems(`grade-${a.key}`, values) })),
      overallItems: gradeItems('overall', values),
      values: { ...values, token: values.token || randomUUID() },
      errors,
    });
  };

  app.get(paths.planAudits.newAuditPattern, (request, reply) => renderForm(request, reply, 'first', {}));
  app.post(paths.planAudits.newAuditPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const form = parseAuditForm(request.body);
    if (!form.ok) return renderForm(request, reply, 'first', form.values, form.errors);
    const id = await run(actor, (trx) => createAudit(trx, actor, planId, form.data, todayInLondon()));
    return reply.redirect(withQuery(paths.planAudits.audit(id), { saved: 1 }), 303);
  });

  /** The moderation form, or (409) why this audit cannot be moderated by this user, such as already moderated. */
  const renderModeration = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    try {
      return await renderForm(request, reply, 'moderation', values, errors);
    } catch (err) {
      if (err instanceof AuditError) {
        reply.code(409);
        return reply.view('plan-audits/message.njk', {
          pageTitle: 'This audit cannot be moderated by you',
          message: err.message,
          backLink: paths.planAudits.index,
        });
      }
      throw err;
    }
  };

  app.get(paths.planAudits.moderatePattern, (request, reply) => renderModeration(request, reply, {}));
  app.post(paths.planAudits.moderatePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { auditId } = request.params as { auditId: string };
    const form = parseAuditForm(request.body);
    if (!form.ok) return renderModeration(request, reply, form.values, form.errors);
    try {
      const id = await run(actor, (trx) => createModeration(trx, actor, auditId, form.data, todayInLondon()));
      return reply.redirect(withQuery(paths.planAudits.audit(id), { saved: 1 }), 303);
    } catch (err) {
      if (err instanceof AuditError)
        return renderForm(
          request,
          reply,
          'moderation',
          formValues(request.body),
          singleError(err.field, err.message),
        ).catch(() => reply.redirect(paths.planAudits.index, 303));
      throw err;
    }
  });

  app.get(paths.planAudits.auditPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { auditId } = request.params as { auditId: string };
    const data = await getAudit(db, actor, auditId);
    // Blind moderation: the moderator sees the first grades only once their own are saved (this page follows it).
    const rows = AUDIT_AREAS.map((a) => ({
      ...a,
      first: data.first?.grades[a.key]
        ? { ...data.first.grades[a.key]!, label: GRADE_LABELS[data.first.grades[a.key]!.grade] }
        : null,
      second: data.moderation?.grades[a.key]
        ? { ...data.moderation.grades[a.key]!, label: GRADE_LABELS[data.moderation.grades[a.key]!.grade] }
        : null,
    }));
    const blindForMe =
      data.audit.kind === 'first' &&
      data.audit.sampled &&
      !data.moderation &&
      data.audit.auditor_id !== actor.userId;
    return reply.view('plan-audits/audit.njk', {
      pageTitle: 'Plan audit',
      backLink: paths.planAudits.index,
      data,
      rows,
      blindForMe,
      overallFirst: data.first ? GRADE_LABELS[data.first.overall as Grade] : null,
      overallSecond: data.moderation ? GRADE_LABELS[data.moderation.overall as Grade] : null,
      saved: formValues(request.query).saved === '1',
    });
  });

  app.get(paths.planAudits.moderation, async (request, reply) => {
    const actor = actorOf(request);
    const queue = await moderationQueue(db, actor);
    await shown(actor, paths.planAudits.moderation, queue);
    return reply.view('plan-audits/moderation.njk', {
      pageTitle: 'Audits to moderate',
      backLink: paths.planAudits.index,
      queue,
    });
  });

  app.get(paths.planAudits.backlog, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const page = Math.min(100_000, Math.max(1, Number(values.page) || 1));
    const result = await backlog(db, actor, page);
    await shown(actor, paths.planAudits.backlog, result);
    const link = (n: number) => withQuery(paths.planAudits.backlog, { page: n });
    return reply.view('plan-audits/backlog.njk', {
      pageTitle: 'Weak plans to improve',
      result: {
        ...result,
        rows: result.rows.map((r) => ({ ...r, grade: GRADE_LABELS[r.overall as Grade] })),
      },
      pagination: govukPagination(result.page, result.pages, link),
    });
  });

  app.get(paths.planAudits.actions, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.query);
    const filters = {
      mine: values.mine === 'yes',
      open: values.show !== 'all',
      page: Math.min(100_000, Math.max(1, Number(values.page) || 1)),
    };
    const result = await listActions(db, actor, filters);
    await shown(actor, paths.planAudits.actions, result);
    const link = (n: number) =>
      withQuery(paths.planAudits.actions, { mine: values.mine, show: values.show, page: n });
    return reply.view('plan-audits/actions.njk', {
      pageTitle: 'Actions from plan audits',
      values,
      result,
      canFilterMine: actor.role !== 'caseworker',
      pagination: govukPagination(result.page, result.pages, link),
    });
  });

  app.post(paths.planAudits.actionDonePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { actionId } = request.params as { actionId: string };
    await run(actor, (trx) => markActionDone(trx, actor, actionId));
    return reply.redirect(paths.planAudits.actions, 303);
  });
}
