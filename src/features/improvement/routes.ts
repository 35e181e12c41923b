/**
 * The improvement plan tracker's pages. Handlers are thin: read the form, call the service (which checks access),
 * render a view model. Every change is a POST with the CSRF token, in one transaction with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/access/access.ts';
import { BRAG_STATUSES, IMPROVEMENT_PLAN_KINDS, REPORT_AUDIENCES } from '../../platform/db/schema/index.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf, isUploadedFile } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { dateInputValues, formValues, singleError } from '../../platform/web/forms.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { PLAN_MANAGERS } from './service.ts';
import { FIGURE_CHOICES, liveFigure } from '../figures/index.ts';
import { learningForAction } from '../register/index.ts';
import { DuplicatePlanTitleError, planTitleTaken } from './store.ts';
import {
  actionRows,
  AUDIENCE_TEXT,
  changesBetween,
  KIND_TEXT,
  lastReportBefore,
  overview,
  ownersText,
  quarterlyProgress,
  STATUS_TEXT,
  timeline,
} from './compute.ts';
import { contentDisposition, UPLOAD_FILE_ACCEPT, servedContentType } from '../../platform/web/files.ts';
import { EVIDENCE_CHOICES, readImportForm, readReportForm, readUpdateForm } from './forms.ts';
import { filterItems, filtering, filterRows, ownerTitles, paginate, readListFilters } from './listing.ts';
import { buildPack, packDocx } from './report.ts';
import { flagsPage, labels, myActionsPage, pagination, planNav, planPage } from './pages.ts';
import { sendCsv } from '../../platform/web/spreadsheet.ts';
import {
  canManagePlans,
  confirmImport,
  createReport,
  exportPlan,
  formAlreadySaved,
  getAction,
  linkFigure,
  getEvidenceFile,
  getPlan,
  getReport,
  listPlans,
  myActions,
  NothingToImportError,
  previewImport,
  publicAuthorities,
  publicPlan,
  requireCanUpdate,
  requireManager,
  saveUpdate,
  setPublished,
} from './service.ts';

const safeFileName = (title: string) =>
  title
    .replace(/[^A-Za-z0-9 _-]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80) || 'plan';

export function improvementRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.improvement.index, async (request, reply) => {
    const actor = actorOf(request);
    const plans = await listPlans(db, actor);
    const query = request.query as Record<string, string>;
    return reply.view('improvement/index.njk', {
      pageTitle: 'Improvement plans',
      plans,
      manager: canManagePlans(actor),
      imported: query.imported === '1',
      ...labels,
    });
  });

  app.get(paths.improvement.myActions, async (request, reply) => {
    const plans = await myActions(db, actorOf(request));
    return reply.view(
      'improvement/my-actions.njk',
      myActionsPage(plans, formValues(request.query), todayInLondon()),
    );
  });

  // ---- Plan overview and views -------------------------------------------------------------------------------

  app.get(paths.improvement.planPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    const page = planPage(data, formValues(request.query), todayInLondon(), canManagePlans(actor));
    if (page.errors) reply.code(400);
    return reply.view('improvement/plan.njk', page);
  });

  app.get(paths.improvement.actionsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    const today = todayInLondon();
    const last = lastReportBefore(data.reports, today);
    const rows = actionRows(data, today, last?.meetingDate ?? null);
    const filters = readListFilters(formValues(request.query), data.areas);
    const result = paginate(filterRows(rows, filters), filters.page);
    return reply.view('improvement/actions.njk', {
      pageTitle: `Actions: ${data.plan.title}`,
      data,
      today,
      result,
      filters,
      filtered: filtering(filters),
      ...filterItems(filters, data.areas, ownerTitles(rows)),
      pagination: pagination(result, paths.improvement.actions(planId), filters),
      nav: planNav(data, paths.improvement.actions(planId), canManagePlans(actor)),
      ...labels,
    });
  });

  app.get(paths.improvement.flagsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    const page = flagsPage(data, formValues(request.query), todayInLondon(), canManagePlans(actor));
    if (page.errors) reply.code(400);
    return reply.view('improvement/flags.njk', page);
  });

  app.get(paths.improvement.timelinePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    const query = formValues(request.query);
    const areaId = data.areas.some((a) => a.id === query.area) ? query.area : undefined;
    const today = todayInLondon();
    const chart = timeline(data, today, areaId);
    return reply.view('improvement/timeline.njk', {
      pageTitle: `Timeline: ${data.plan.title}`,
      data,
      asOf: today,
      chart,
      areaId,
      areaItems: [
        { value: '', text: 'All areas' },
        ...data.areas.map((a) => ({
          value: a.id,
          text: `${a.key}. ${a.title}`.slice(0, 90),
          selected: a.id === areaId,
        })),
      ],
      rows: actionRows(data, today, null).filter((r) => areaId === undefined || r.action.areaId === areaId),
      nav: planNav(data, paths.improvement.timeline(planId), canManagePlans(actor)),
      ownersText,
      ...labels,
    });
  });

  app.get(paths.improvement.changesPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    const today = todayInLondon();
    const last = lastReportBefore(data.reports, addOneDay(today));
    return reply.view('improvement/changes.njk', {
      pageTitle: `Changes since the last report: ${data.plan.title}`,
      data,
      asOf: today,
      last,
      changes: changesBetween(data, last?.meetingDate ?? null, today),
      nav: planNav(data, paths.improvement.changes(planId), canManagePlans(actor)),
      ...labels,
    });
  });

  app.get(paths.improvement.governancePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    return reply.view('improvement/governance.njk', {
      pageTitle: `Governance: ${data.plan.title}`,
      data,
      workstreamActions: Object.fromEntries(
        data.groups.map((g) => [g.id, data.actions.filter((a) => a.workstreamId === g.id)]),
      ),
      nav: planNav(data, paths.improvement.governance(planId), canManagePlans(actor)),
      ...labels,
    });
  });

  app.post(paths.improvement.publishPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const values = formValues(request.body);
    const published = values.published === 'yes';
    await db.transaction().execute((trx) => setPublished(trx, actor, planId, published));
    return reply.redirect(
      withQuery(paths.improvement.plan(planId), { published: published ? 'yes' : 'no' }),
      303,
    );
  });

  app.get(paths.improvement.exportPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const { title, csv } = await db.transaction().execute((trx) => exportPlan(trx, actor, planId));
    return sendCsv(reply, `${safeFileName(title)}.csv`, csv);
  });

  // ---- Reports -----------------------------------------------------------------------------------------------

  const renderReports = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const data = await getPlan(db, actor, planId);
    if (errors) reply.code(400);
    return reply.view('improvement/reports.njk', {
      pageTitle: `Report packs: ${data.plan.title}`,
      data,
      values,
      errors,
      manager: canManagePlans(actor),
      reports: [...data.reports].reverse(),
      audienceItems: REPORT_AUDIENCES.map((a) => ({
        value: a,
        text: AUDIENCE_TEXT[a],
        checked: values.audience === a,
      })),
      nav: planNav(data, paths.improvement.reports(planId), canManagePlans(actor)),
      ...labels,
    });
  };

  app.get(paths.improvement.reportsPattern, (request, reply) => renderReports(request, reply));

  app.post(paths.improvement.reportsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId } = request.params as { planId: string };
    const values = formValues(request.body);
    requireManager(actor, 'improvement.report');
    const form = readReportForm(values);
    if (!form.ok) return renderReports(request, reply, values, form.errors);
    const id = await db.transaction().execute((trx) => createReport(trx, actor, planId, form.data));
    return reply.redirect(paths.improvement.report(planId, id), 303);
  });

  app.get(paths.improvement.reportPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId, reportId } = request.params as { planId: string; reportId: string };
    const { data, report } = await getReport(db, actor, planId, reportId);
    const pack = buildPack(data, report);
    return reply.view('improvement/report.njk', {
      pageTitle: pack.title,
      backLink: paths.improvement.reports(planId),
      data,
      report,
      pack,
      ...labels,
    });
  });

  app.get(paths.improvement.reportDocxPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { planId, reportId } = request.params as { planId: string; reportId: string };
    const { data, report } = await getReport(db, actor, planId, reportId);
    const buffer = await packDocx(buildPack(data, report));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName(data.plan.title)}-${report.audience}-${report.meetingDate}.docx"`,
      )
      .send(buffer);
  });

  // ---- An action and its updates ----------------------------------------------------------------------------

  const renderAction = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, string>,
    errors?: FormErrors,
    chosenFile?: string,
    figureErrors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const { actionId } = request.params as { actionId: string };
    const { data, action, canUpdate } = await getAction(db, actor, actionId);
    const today = todayInLondon();
    const last = lastReportBefore(data.reports, today);
    const row = actionRows({ ...data, actions: [action] }, today, last?.meetingDate ?? null)[0];
    const form = values ?? {
      ...dateInputValues('date', today),
      status: action.status,
      evidenceKind: 'none',
    };
    // The form's one-use token: made when the page is shown, kept when it is shown again with errors (nothing was
    // saved with it), so the same form can only ever save one update.
    const formToken = values?.formToken && isUuid(values.formToken) ? values.formToken : randomUUID();
    if (errors || figureErrors) reply.code(400);
    const query = request.query as Record<string, string>;
    const live = action.figure ? await liveFigure(db, actor.laCode, action.figure, today) : null;
    const canLinkFigure =
      PLAN_MANAGERS.includes(actor.role) && (action.evidenceTypes.includes('PI') || !!action.figure);
    // What the register's learning actions sent to this action (its public surface; managers only, ADR 0047).
    const learning = await learningForAction(db, actor, action.id);
    return reply.view('improvement/action.njk', {
      live,
      learning,
      canLinkFigure,
      figureErrors,
      figureItems: [
        { value: '', text: 'None' },
        ...FIGURE_CHOICES.map((c) => ({ ...c, selected: c.value === action.figure })),
      ],
      figureSaved: query.saved === 'figure',
      pageTitle: `${action.ref}: ${action.action}`.slice(0, 120),
      backLink: paths.improvement.plan(data.plan.id),
      data,
      action,
      row,
      workstream: data.groups.find((g) => g.id === action.workstreamId),
      canUpdate,
      values: form,
      formToken,
      errors: errors ?? figureErrors,
      saved: query.saved === '1',
      history: [...action.updates].reverse(),
      statusItems: BRAG_STATUSES.map((s) => ({ value: s, text: STATUS_TEXT[s], checked: form.status === s })),
      evidenceChoices: EVIDENCE_CHOICES,
      fileAccept: UPLOAD_FILE_ACCEPT,
      chosenFile,
      ...labels,
    });
  };

  app.get(paths.improvement.actionPattern, (request, reply) => renderAction(request, reply));

  app.post(paths.improvement.actionPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { actionId } = request.params as { actionId: string };
    const { action } = await getAction(db, actor, actionId);
    // Someone who may not post is refused before their input is looked at.
    requireCanUpdate(actor, action);
    const values = formValues(request.body);
    const savedPage = withQuery(paths.improvement.action(actionId), { saved: 1 });
    // The same form sent again (a double click, a resend) saves nothing more and answers as the first did.
    const formToken = values.formToken && isUuid(values.formToken) ? values.formToken : undefined;
    if (await formAlreadySaved(db, actor, actionId, formToken)) return reply.redirect(savedPage, 303);
    const upload = (request.body as Record<string, unknown> | undefined)?.evidenceFile;
    const file = isUploadedFile(upload) ? upload : undefined;
    const form = readUpdateForm(values, todayInLondon(), file);
    // A browser cannot keep a chosen file across a page load, so the page names it and asks for it again.
    if (!form.ok) return renderAction(request, reply, values, form.errors, file?.filename);
    const saved = await saveUpdate(db, actor, actionId, { ...form.data, formToken });
    if (saved === 'evidence-required') {
      const errors = singleError('evidenceKind', 'Add evidence of impact to mark this action complete');
      return renderAction(request, reply, values, errors, file?.filename);
    }
    return reply.redirect(savedPage, 303);
  });

  // The figure an action's performance indicator follows (issue 14 item 6).
  app.post(paths.improvement.actionFigurePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { actionId } = request.params as { actionId: string };
    const figure = formValues(request.body).figure ?? '';
    if (figure !== '' && !FIGURE_CHOICES.some((c) => c.value === figure)) {
      await getAction(db, actor, actionId);
      return renderAction(
        request,
        reply,
        undefined,
        undefined,
        undefined,
        singleError('figure', 'Choose a figure from the list'),
      );
    }
    await db.transaction().execute((trx) => linkFigure(trx, actor, actionId, figure || null));
    return reply.redirect(withQuery(paths.improvement.action(actionId), { saved: 'figure' }), 303);
  });

  app.get(paths.improvement.evidencePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { evidenceId } = request.params as { evidenceId: string };
    const file = await db.transaction().execute((trx) => getEvidenceFile(trx, actor, evidenceId));
    // Always an attachment, never shown inline, and never sniffed into something else (such as a web page).
    return reply
      .header('content-type', servedContentType(file.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(file.file_name ?? 'evidence'))
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(Buffer.from(file.content ?? new Uint8Array()));
  });

  // ---- Import ------------------------------------------------------------------------------------------------

  const kindItems = (selected?: string) =>
    IMPROVEMENT_PLAN_KINDS.map((k) => ({ value: k, text: KIND_TEXT[k], checked: k === selected }));

  const renderImport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
    chosenFile?: string,
  ) => {
    const actor = actorOf(request);
    previewImport(actor, '', todayInLondon()); // checks the role before showing anything
    if (errors) reply.code(400);
    return reply.view('improvement/import.njk', {
      pageTitle: 'Import a plan',
      backLink: paths.improvement.index,
      values,
      errors,
      chosenFile,
      kindItems: kindItems(values.kind ?? 'written-statement-of-action'),
    });
  };

  const TITLE_TAKEN = 'A plan with this title already exists. Give this plan a different title';

  app.get(paths.improvement.import, (request, reply) => renderImport(request, reply, {}));

  app.post(paths.improvement.import, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.body);
    const today = todayInLondon();
    previewImport(actor, '', today);
    // The plan comes as an uploaded CSV file or as pasted text (the form is multipart; it also accepts urlencoded).
    const upload = (request.body as Record<string, unknown> | undefined)?.csvFile;
    const file = isUploadedFile(upload) ? upload : undefined;
    const form = readImportForm(values, file);
    // A browser cannot keep a chosen file across a page load, so the page names it and asks for it again.
    if (!form.ok) return renderImport(request, reply, values, form.errors, file?.filename);
    if (await planTitleTaken(db, actor.laCode, form.data.title)) {
      return renderImport(request, reply, values, singleError('title', TITLE_TAKEN), file?.filename);
    }
    const summary = previewImport(actor, form.data.csv, today);
    return reply.view('improvement/import-preview.njk', {
      pageTitle: 'Check the plan before you import it',
      backLink: paths.improvement.import,
      values: form.data,
      summary,
      asOf: today,
      ...labels,
    });
  });

  app.post(paths.improvement.importConfirm, async (request, reply) => {
    const actor = actorOf(request);
    const values = formValues(request.body);
    previewImport(actor, '', todayInLondon());
    const form = readImportForm(values);
    if (!form.ok) return renderImport(request, reply, values, form.errors);
    try {
      const outcome = await db.transaction().execute((trx) => confirmImport(trx, actor, form.data));
      return reply.redirect(withQuery(paths.improvement.plan(outcome.planId), { imported: 1 }), 303);
    } catch (err) {
      if (err instanceof DuplicatePlanTitleError) {
        return renderImport(request, reply, values, singleError('title', TITLE_TAKEN));
      }
      if (err instanceof NothingToImportError) {
        return renderImport(
          request,
          reply,
          values,
          singleError('csv', 'No actions could be read from the plan. Check the problems and try again'),
        );
      }
      throw err;
    }
  });

  // ---- The families' page (no sign-in) -----------------------------------------------------------------------

  app.get(paths.improvement.publicIndex, async (_request, reply) => {
    const authorities = await publicAuthorities(db);
    return reply.view('improvement/public-index.njk', {
      pageTitle: 'How your council is improving help for children with SEND',
      authorities,
    });
  });

  app.get(paths.improvement.publicPattern, async (request, reply) => {
    const { laCode } = request.params as { laCode: string };
    const { authority, data } = await publicPlan(db, laCode);
    const today = todayInLondon();
    const summary = overview(data, today);
    const quarters = quarterlyProgress(data, today);
    return reply.view('improvement/public.njk', {
      pageTitle: `How ${authority.name} is making things better`,
      backLink: paths.improvement.publicIndex,
      authority,
      data,
      summary,
      quarters: [...quarters].reverse(),
      latest: quarters.at(-1),
      ownersText,
      ...labels,
    });
  });
}

function addOneDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
