/**
 * The casework pages of the assessment journey: the workspace, the team manager's view, recording a request, the
 * case page and its action forms, the decision notice and the timeline.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access/access.ts';
import { auditChildrenShown, childIdsIn, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { ADVICE_AGENCIES, ASSESSMENT_STAGES, PRIMARY_NEEDS } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import {
  arrayValue,
  dateInputValues,
  FieldError,
  formValues,
  singleError,
} from '../../platform/web/forms.ts';
import { withChange } from '../../platform/change/change.ts';
import { newFormToken, once } from '../../platform/change/once.ts';
import { placementSummary } from '../consultation/index.ts';
import { NOTICE_LABELS, noticesOf } from '../notices/index.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { EXCEPTION_KINDS } from '../../domain/clock/types.ts';
import {
  AGENCY_LABELS,
  EXCEPTION_LABELS,
  STAGE_LABELS,
  stepById,
  RELATIONSHIP_OPTIONS,
  type RequestAnswers,
} from '../../domain/assessment/journey.ts';
import { yearGroupOn } from '../../domain/school-year.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import { stepForView } from '../../platform/web/steps.ts';
import { decideRequester, joinedRequests, pendingRequesters } from './requesters.ts';
import { askedBy, caseContacts, joinedRequestView } from './contacts.ts';
import { advisersForChild, settingRegister } from '../../platform/people/settings.ts';
import { adviceStillMissing, teamTimeliness } from './lawful-steps.ts';
import { listAdviceReuse } from './store/lawful-steps.ts';
import { exceptionsForView, lawfulStepForms } from './lawful-steps-routes.ts';
import { PRIMARY_NEED_LABELS } from '../children/index.ts';
import {
  allocateSchema,
  decisionSchema,
  exceptionSchema,
  finalSchema,
  moveSchema,
  outcomeSchema,
  parseWithDates,
  readRecordForm,
  responseSchema,
} from './forms.ts';
import { addException, decide, decideOutcome } from './decisions.ts';
import { allocate } from './allocation.ts';
import { createRequest } from './requests.ts';
import { getCase, type CaseView } from './case-view.ts';
import { issueFinal, recordResponse, serveDraft } from './plan-stage.ts';
import { requestAdvice, type AdviceAsk } from './advice.ts';
import { JourneyError, MANAGERS, STAFF } from './case-support.ts';
import { moveLeaversWork, planLeaverMove } from './leaver.ts';
import { childIdByReference, officerChildCounts } from '../../platform/people/children.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { managerView, workspace, type WorkspaceFilters } from './workspace.ts';

export function caseForView(view: CaseView) {
  const steps = view.timeline.steps.map((s) => stepForView(s, view.adviceLabels)!);
  return {
    ...view,
    next: stepForView(view.next, view.adviceLabels),
    steps,
    // The step a form is about, found by its id here rather than in the template (issue 18: Nunjucks' selectattr
    // with a test picked the first step of all).
    decisionStep: steps.find((s) => s.id === 'decision-to-assess') ?? null,
    finalPlanStep: steps.find((s) => s.id === 'final-plan') ?? null,
    advice: view.advice.map((a) => ({ ...a, step: stepForView(a.step, view.adviceLabels)! })),
    commentPeriod: view.timeline.periods.find((p) => p.id === 'draft-comments') ?? null,
    appeal: stepForView(stepById(view.timeline, 'appeal-deadline')),
    stageLabel: STAGE_LABELS[view.record.stage],
    askedBy: askedBy(view.record.requested_by, view.record.requester_name, { start: true }),
    exceptions: exceptionsForView(view),
    notices: noticesOf(view.record).map((n) => ({
      label: NOTICE_LABELS[n.kind],
      date: n.date,
      href: paths.notices.notice(view.record.id, n.kind),
    })),
  };
}

/** How much of the advice asked for has arrived, and what has not, for the outcome and final-plan forms (issue 18). */
export function adviceArrival(advice: CaseView['advice']) {
  const outstanding = advice.filter((a) => a.status !== 'received');
  return {
    asked: advice.length,
    arrived: advice.length - outstanding.length,
    outstanding: outstanding.map((a) => ({ label: a.label, requested: a.requested, due: a.due })),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STAGE_ITEMS = ASSESSMENT_STAGES.filter((s) => ['request', 'assessment', 'draft'].includes(s));

/**
 * The workspace's filters. With no officer chosen, a caseworker sees their own cases, a team manager their team's
 * and a SEND leader everyone's (issue 18: a manager's "Assessments" opened on "My cases", which is empty for them).
 */
function parseFilters(values: Record<string, string>, actor: Pick<Actor, 'role'>): WorkspaceFilters {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const byRole = actor.role === 'team-manager' ? 'team' : actor.role === 'send-leader' ? 'any' : 'me';
  const chosen = values.officer || byRole;
  const officer = chosen === 'team' ? 'any' : chosen;
  return {
    teamOnly: chosen === 'team' || values.team === 'mine',
    stage: (STAGE_ITEMS as readonly string[]).includes(values.stage ?? '')
      ? (values.stage as WorkspaceFilters['stage'])
      : undefined,
    due: values.due === 'overdue' || values.due === 'soon' ? values.due : undefined,
    setting: uuid.test(values.setting ?? '') ? values.setting : undefined,
    need: (PRIMARY_NEEDS as readonly string[]).includes(values.need ?? '')
      ? (values.need as WorkspaceFilters['need'])
      : undefined,
    officer: ['me', 'any', 'none'].includes(officer) || uuid.test(officer) ? officer : 'me',
    page: Math.min(100_000, Math.max(1, Number(values.page) || 1)),
  };
}

/** The workspace page's data: used by /assessments and by the caseworker's home page. */
export async function workspacePage(db: Executor, actor: Actor, query: unknown, basePath: string) {
  const values = formValues(query);
  const filters = parseFilters(values, actor);
  const today = todayInLondon();
  const result = await workspace(db, actor, filters, today);
  const [settings, officers] = await Promise.all([
    settingRegister(db, actor.laCode),
    activeOfficers(db, actor.laCode),
  ]);
  const keep = {
    stage: filters.stage,
    due: filters.due,
    setting: filters.setting,
    need: filters.need,
    officer: filters.teamOnly && filters.officer === 'any' ? 'team' : filters.officer,
    team: filters.teamOnly && filters.officer !== 'any' ? 'mine' : undefined,
  };
  const link = (page: number) => withQuery(basePath, { ...keep, page });
  return {
    today,
    values: { ...values, officer: keep.officer },
    result: {
      ...result,
      rows: result.rows.map((r) => ({
        ...r,
        next: stepForView(r.next, r.adviceLabels),
        stageLabel: STAGE_LABELS[r.stage],
      })),
    },
    /** The officer column says nothing on a list of one officer's cases (and it made the table too wide at 1280). */
    showOfficer: filters.officer !== 'me' && !uuidPattern.test(filters.officer ?? ''),
    filtered: [keep.stage, keep.due, keep.setting, keep.need].some(Boolean) || values.officer !== undefined,
    basePath,
    stageItems: [
      { value: '', text: 'Any stage' },
      ...STAGE_ITEMS.map((s) => ({ value: s, text: STAGE_LABELS[s], selected: filters.stage === s })),
    ],
    dueItems: [
      { value: '', text: 'Any date' },
      { value: 'overdue', text: 'Overdue', selected: filters.due === 'overdue' },
      { value: 'soon', text: 'Due in the next 14 days', selected: filters.due === 'soon' },
    ],
    settingItems: [
      { value: '', text: 'Any setting' },
      ...settings.map((s) => ({ value: s.id, text: s.name, selected: filters.setting === s.id })),
    ],
    needItems: [
      { value: '', text: 'Any need' },
      ...PRIMARY_NEEDS.map((n) => ({ value: n, text: PRIMARY_NEED_LABELS[n], selected: filters.need === n })),
    ],
    officerItems: [
      { value: 'me', text: 'My cases', selected: keep.officer === 'me' },
      ...(actor.teamId !== null
        ? [{ value: 'team', text: "My team's cases", selected: keep.officer === 'team' }]
        : []),
      { value: 'any', text: 'Everyone', selected: keep.officer === 'any' },
      { value: 'none', text: 'No named officer yet', selected: filters.officer === 'none' },
      ...officers
        .filter((o) => o.id !== actor.userId)
        .map((o) => ({ value: o.id, text: o.display_name, selected: filters.officer === o.id })),
    ],
    pagination: {
      previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
      next: result.page < result.pages ? { href: link(result.page + 1) } : undefined,
      items: paginationItems(result.page, result.pages, link),
    },
  };
}

export async function teamPage(db: Executor, actor: Actor) {
  const today = todayInLondon();
  const data = await managerView(db, actor, today);
  const officers = await activeOfficers(db, actor.laCode);
  // Each officer's children in one query: every child they lead, and those being assessed or with a plan.
  const counts = await officerChildCounts(
    db,
    actor.laCode,
    data.officers.map((o) => o.id),
  );
  return {
    today,
    ...data,
    officers: data.officers.map((o) => ({
      ...o,
      led_children: counts.get(o.id)?.led ?? 0,
      caseload: counts.get(o.id)?.caseload ?? 0,
    })),
    timeliness: await teamTimeliness(db, actor, today),
    unallocated: data.unallocated.map((r) => ({ ...r, next: stepForView(r.next, r.adviceLabels) })),
    due: data.due.map((r) => ({
      ...r,
      next: stepForView(r.next, r.adviceLabels),
      stageLabel: STAGE_LABELS[r.stage],
    })),
    mayMove: MANAGERS.includes(actor.role),
    officerItems: officers.map((o) => ({ value: o.id, text: o.display_name })),
  };
}

/** One action form on a case (see caseForm in assessmentRoutes). */
export interface CaseFormOptions<S extends z.ZodType> {
  action: string;
  template: string;
  title: string;
  schema: S;
  dates?: ReadonlyArray<{ name: string; label: string; required: boolean }>;
  order: readonly string[];
  roles?: readonly string[];
  extra?: (view: CaseView, actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>;
  defaults?: (view: CaseView) => Record<string, string>;
  read?: (body: unknown) => Record<string, unknown>;
  /** Checks beyond the schema, so that every error is shown at once. */
  validate?: (body: unknown) => Array<{ field: string; text: string }>;
  change: (
    ctx: Parameters<Handler>[0],
    caseId: string,
    data: z.infer<S>,
    dates: Record<string, string | undefined>,
    body: unknown,
  ) => Promise<unknown>;
  done: string;
}

export type CaseForm = <S extends z.ZodType>(options: CaseFormOptions<S>) => void;

export type Handler = (ctx: {
  trx: Executor;
  actor: Actor;
  jobs: AppDeps['jobs'];
  today: string;
}) => Promise<unknown>;

/** Someone who asked online and waits for the caseworker to confirm their link: the new child they named, and how. */
function pendingRequesterView<P extends { request_answers: unknown }>(p: P) {
  const newChild = (p.request_answers as RequestAnswers).newChild;
  return {
    ...p,
    newChild,
    relationship: RELATIONSHIP_OPTIONS.find((o) => o.value === newChild?.relationship)?.text,
  };
}

/** The page confirming what moving a leaver's work will move, and to whom. */
function moveConfirmModel(move: Awaited<ReturnType<typeof planLeaverMove>>, to: string[]) {
  return {
    pageTitle: `Move ${move.from.display_name}'s work`,
    backLink: `${paths.assessments.team}#move-cases`,
    move,
    to,
    formToken: newFormToken(),
  };
}

/** The errors to show on the team page for a rule the move broke; undefined for any other error. */
function moveErrorsOf(err: unknown): FormErrors | undefined {
  if (err instanceof JourneyError) return singleError(err.field, err.message);
  if (err instanceof FieldError) return singleError('from', err.message);
  return undefined;
}

export function assessmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const run = <T>(actor: Actor, fn: (ctx: Parameters<Handler>[0]) => Promise<T>) =>
    db.transaction().execute((trx) => fn({ trx, actor, jobs: deps.jobs, today: todayInLondon() }));

  // ---- Workspace and team ----

  app.get(paths.assessments.workspace, async (request, reply) => {
    const actor = actorOf(request);
    const data = await workspacePage(db, actor, request.query, paths.assessments.workspace);
    await auditChildrenShown(
      db,
      actor,
      'assessment.list.read',
      paths.assessments.workspace,
      childIdsIn(data),
    );
    return reply.view('assessments/workspace.njk', {
      pageTitle: 'Assessments',
      heading: 'Assessments',
      ...data,
    });
  });

  const renderTeam = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string | string[]> = {},
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const data = await teamPage(db, actor);
    await auditChildrenShown(db, actor, 'assessment.list.read', paths.assessments.team, childIdsIn(data));
    if (errors) reply.code(400);
    return reply.view('assessments/team.njk', {
      pageTitle: errors ? 'Your team' : 'Your team',
      ...data,
      values,
      errors,
      moved: formValues(request.query).moved,
      movedCases: formValues(request.query).cases,
    });
  };
  app.get(paths.assessments.team, (request, reply) => {
    // The administrator's "holds open cases" message links here with the leaver chosen.
    const from = formValues(request.query).from;
    return renderTeam(request, reply, from && isUuid(from) ? { from } : {});
  });

  // Moving a leaver's work: the form on the team page, then a confirmation page that says what will move, then the
  // move with a one-use token (a double post moves nothing twice), then the team page saying what moved.
  /** Moves a leaver's work once (a double post moves nothing twice); the team page saying what moved. */
  const moveWork = async (actor: Actor, from: string, to: string[], formToken: string | undefined) => {
    const done = await withChange({ db, jobs: deps.jobs, today: todayInLondon }, actor, async (ctx) => {
      const result = await once(ctx, formToken, async () => {
        const move = await moveLeaversWork(ctx, from, to);
        return `${move.children}-${move.assessments}`;
      });
      return result.resultId ?? '';
    });
    const [children, assessments] = done.split('-');
    return withQuery(paths.assessments.team, { moved: children, cases: assessments });
  };
  app.post(paths.assessments.moveAll, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, MANAGERS, 'assessment.move-all');
    const values = formValues(request.body);
    const to = arrayValue(request.body, 'to');
    const kept = { ...values, to };
    const parsed = moveSchema.safeParse(values);
    if (!parsed.success)
      return renderTeam(request, reply, kept, singleError('from', 'Select the officer who is leaving'));
    try {
      if (values.confirm === 'yes')
        return reply.redirect(await moveWork(actor, parsed.data.from, to, values.formToken), 303);
      const move = await planLeaverMove(db, actor, parsed.data.from, to);
      return reply.view('assessments/move-confirm.njk', moveConfirmModel(move, to));
    } catch (err) {
      const errors = moveErrorsOf(err);
      if (!errors) throw err;
      return renderTeam(request, reply, kept, errors);
    }
  });

  // ---- Recording a request received by letter, email or phone ----

  const renderRecord = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    requireRole(actor, STAFF, 'assessment.record');
    if (errors) reply.code(400);
    return reply.view('assessments/record.njk', {
      pageTitle: 'Record a request for an assessment',
      backLink: paths.assessments.workspace,
      values: { token: randomUUID(), ...values },
      errors,
    });
  };
  app.get(paths.assessments.record, (request, reply) => {
    const q = formValues(request.query);
    return renderRecord(request, reply, q.child ? { child: q.child } : {});
  });
  /** Records a request by the child's reference: the case, or the error to show (no such child, a journey rule). */
  const recordRequest = async (
    actor: Actor,
    form: Extract<ReturnType<typeof readRecordForm>, { ok: true }>,
  ) => {
    const child = await childIdByReference(db, actor.laCode, form.data.child);
    if (!child) return { error: singleError('child', 'No child or young person has that reference') };
    try {
      return await run(actor, (ctx) =>
        createRequest(ctx, {
          childId: child.id,
          received: form.dates.received!,
          method: form.data.method,
          requestedBy: form.data.requestedBy,
          requesterName: form.data.requesterName,
          answers: { why: form.data.why },
          idempotencyKey: `record:${form.data.token}`,
        }),
      );
    } catch (err) {
      if (err instanceof JourneyError) return { error: singleError(err.field, err.message) };
      throw err;
    }
  };
  app.post(paths.assessments.record, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, STAFF, 'assessment.record');
    const values = formValues(request.body);
    const form = readRecordForm(values);
    if (!form.ok) return renderRecord(request, reply, values, form.errors);
    const result = await recordRequest(actor, form);
    if ('error' in result) return renderRecord(request, reply, values, result.error);
    const linked = result.linked ? 1 : undefined;
    return reply.redirect(withQuery(paths.assessments.case(result.caseId), { linked }), 303);
  });

  // ---- The case ----

  app.get(paths.assessments.casePattern, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => getCase(trx, actor, caseId, todayInLondon()));
    const query = request.query as Record<string, string>;
    const pending = await pendingRequesters(db, actor, view.record.id);
    const placement = await placementSummary(db, actor.laCode, view.record.id, todayInLondon());
    const missingAdvice =
      view.record.stage === 'assessment'
        ? await adviceStillMissing(db, actor.laCode, view.record, todayInLondon())
        : [];
    return reply.view('assessments/case.njk', {
      contacts: await caseContacts(db, actor.laCode, view.record, view.advice, todayInLondon()),
      // A leader reads the case but not an adviser's task page (403), so the advice is named without a link.
      adviceLinks: STAFF.includes(actor.role),
      placement,
      agencyLabels: AGENCY_LABELS,
      missingAdvice,
      reusedAdvice: await listAdviceReuse(db, actor.laCode, view.record.id),
      joined: (await joinedRequests(db, actor, view.record.id)).map(joinedRequestView),
      pendingRequesters: pending.map(pendingRequesterView),
      pageTitle: `Assessment: ${view.record.given_name} ${view.record.family_name}`,
      backLink: paths.assessments.workspace,
      ...caseForView(view),
      linked: query.linked === '1',
      done: query.done,
      canManage: actor.role === 'team-manager',
      canAct: STAFF.includes(actor.role),
    });
  });

  // The caseworker checks the link between someone who asked online and the child (confirm or not).
  app.post(`${paths.assessments.casePattern}/requester`, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const values = formValues(request.body);
    const decision = values.decision === 'confirm' || values.decision === 'decline' ? values.decision : null;
    try {
      if (!decision) throw new JourneyError('decision', 'Select whether to confirm the link');
      await run(actor, async ({ trx, jobs, today }) => {
        await getCase(trx, actor, caseId, today);
        const pending = await pendingRequesters(trx, actor, caseId);
        if (!pending.some((p) => p.id === values.request)) throw new NotFoundError();
        await decideRequester(trx, actor, values.request!, decision, jobs);
      });
    } catch (err) {
      if (err instanceof JourneyError)
        return reply.redirect(
          withQuery(paths.assessments.case(caseId), { done: 'requester-unchanged' }),
          303,
        );
      throw err;
    }
    return reply.redirect(withQuery(paths.assessments.case(caseId), { done: `requester-${decision}` }), 303);
  });

  app.get(`${paths.assessments.casePattern}/timeline`, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => getCase(trx, actor, caseId, todayInLondon()));
    return reply.view('assessments/timeline.njk', {
      pageTitle: `History: ${view.record.given_name} ${view.record.family_name}`,
      backLink: paths.assessments.case(caseId),
      ...caseForView(view),
    });
  });

  app.get(`${paths.assessments.casePattern}/decision-notice`, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => getCase(trx, actor, caseId, todayInLondon()));
    if (!view.record.decision_outcome) throw new NotFoundError();
    // Every decision's notice, with the full rights block, is the notices feature's (docs/rights.md).
    const kind = view.record.decision_outcome === 'assess' ? 'decision-to-assess' : 'not-to-assess';
    return reply.redirect(paths.notices.notice(caseId, kind), 303);
  });

  /**
   * One action form on a case: GET shows it (with the case), POST validates, runs the change in one transaction and
   * goes back to the case; errors re-render with the input kept.
   */
  function caseForm<S extends z.ZodType>(options: CaseFormOptions<S>) {
    const pattern = `${paths.assessments.casePattern}/${options.action}`;
    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values?: Record<string, unknown>,
      errors?: FormErrors,
    ) => {
      const actor = actorOf(request);
      requireRole(actor, (options.roles ?? STAFF) as typeof STAFF, `assessment.${options.action}`);
      const { caseId } = request.params as { caseId: string };
      const view = await db.transaction().execute((trx) => getCase(trx, actor, caseId, todayInLondon()));
      if (errors) reply.code(400);
      return reply.view(options.template, {
        pageTitle: options.title,
        backLink: paths.assessments.case(caseId),
        ...caseForView(view),
        action: paths.assessments.action(caseId, options.action),
        values: values ?? {
          token: randomUUID(),
          ...(options.defaults?.(view) ?? dateInputValues('date', todayInLondon())),
        },
        errors,
        ...(options.extra ? await options.extra(view, actor) : {}),
      });
    };
    app.get(pattern, (request, reply) => render(request, reply));
    app.post(pattern, async (request, reply) => {
      const actor = actorOf(request);
      requireRole(actor, (options.roles ?? STAFF) as typeof STAFF, `assessment.${options.action}`);
      const { caseId } = request.params as { caseId: string };
      const values = { ...formValues(request.body), ...(options.read?.(request.body) ?? {}) };
      const form = parseWithDates(
        options.schema,
        formValues(request.body),
        options.dates ?? [],
        options.order,
      );
      const more = options.validate?.(request.body) ?? [];
      if (!form.ok || more.length) {
        const errors: FormErrors = form.ok ? { list: [], fields: {} } : form.errors;
        for (const e of more) {
          if (errors.fields[e.field]) continue;
          errors.fields[e.field] = { text: e.text };
          errors.list.unshift({ text: e.text, href: `#${e.field}` });
        }
        return render(request, reply, values, errors);
      }
      try {
        await run(actor, (ctx) => options.change(ctx, caseId, form.data, form.dates, request.body));
      } catch (err) {
        if (err instanceof JourneyError)
          return render(request, reply, values, singleError(err.field, err.message));
        throw err;
      }
      return reply.redirect(withQuery(paths.assessments.case(caseId), { done: options.done }), 303);
    });
  }

  caseForm({
    action: 'allocate',
    template: 'assessments/allocate.njk',
    title: 'Name the caseworker',
    schema: allocateSchema,
    order: ['officer'],
    roles: ['team-manager'],
    // The child's named officer is suggested: the family already knows them (the walk-through's finding).
    defaults: (view) => ({ officer: view.record.officer_id ?? view.record.named_officer_id ?? '' }),
    extra: async (_view, actor) => ({
      officers: (await teamPage(db, actor)).officers.filter((o) => o.active),
    }),
    change: (ctx, caseId, data) => allocate(ctx, caseId, data.officer),
    done: 'allocated',
  });

  caseForm({
    action: 'decision',
    template: 'assessments/decision.njk',
    title: 'Decide whether to assess',
    schema: decisionSchema,
    dates: [{ name: 'date', label: 'The date the decision was sent', required: true }],
    order: ['outcome', 'date', 'reasons', 'panelNotes'],
    change: (ctx, caseId, data, dates) =>
      decide(ctx, caseId, {
        date: dates.date!,
        outcome: data.outcome,
        reasons: data.reasons,
        panelNotes: data.panelNotes,
      }),
    done: 'decision',
  });

  caseForm({
    action: 'advice',
    template: 'assessments/advice-request.njk',
    title: 'Ask for advice',
    schema: adviceRequestSchema(),
    dates: [{ name: 'date', label: 'The date the advice was asked for', required: true }],
    order: ['agencies', 'date'],
    read: (body) => ({ agencies: arrayValue(body, 'agencies') }),
    validate: (body) => {
      const agencies = arrayValue(body, 'agencies');
      const fields = formValues(body);
      const out: Array<{ field: string; text: string }> = [];
      if (!agencies.length)
        out.push({ field: 'agencies', text: 'Select at least one person or service to ask for advice' });
      else if (agencies.some((a) => !(ADVICE_AGENCIES as readonly string[]).includes(a)))
        out.push({ field: 'agencies', text: 'Select who to ask for advice from the list' });
      for (const agency of agencies) {
        const service = (fields[`service-${agency}`] ?? '').trim();
        if (service.length > 200)
          out.push({ field: `service-${agency}`, text: 'The service name must be 200 characters or fewer' });
        if (agency === 'health' && !service)
          out.push({
            field: 'service-health',
            text: 'Enter the health service you are asking, for example community paediatrics',
          });
      }
      return out;
    },
    extra: async (view, actor) => {
      const people = await advisersForChild(db, actor.laCode, view.record.child_id, todayInLondon());
      const yearGroup = yearGroupOn(view.record.date_of_birth, todayInLondon());
      const byKind = (kinds: string[]) => people.filter((p) => kinds.includes(p.kind ?? ''));
      return {
        yearGroup,
        agencyLabels: AGENCY_LABELS,
        agencyOptions: ADVICE_AGENCIES.filter((a) => a !== 'preparation-for-adulthood' || yearGroup >= 9),
        professionals: {
          'educational-psychology': byKind(['educational-psychology']),
          health: byKind(['health']),
          'social-care': byKind(['social-care']),
          setting: byKind(['school']),
          educational: byKind(['school', 'local-authority']),
          'preparation-for-adulthood': people,
          other: people,
          family: [],
        },
      };
    },
    change: async (ctx, caseId, data, dates, body) => {
      const agencies = arrayValue(body, 'agencies');
      const fields = formValues(body);
      if (!agencies.length)
        throw new JourneyError('agencies', 'Select at least one person or service to ask for advice');
      const asks: AdviceAsk[] = [];
      for (const agency of agencies) {
        if (!(ADVICE_AGENCIES as readonly string[]).includes(agency))
          throw new JourneyError('agencies', 'Select who to ask for advice from the list');
        const service = (fields[`service-${agency}`] ?? '').trim();
        const professional = (fields[`professional-${agency}`] ?? '').trim();
        if (service.length > 200)
          throw new JourneyError(`service-${agency}`, 'The service name must be 200 characters or fewer');
        if (agency === 'health' && !service)
          throw new JourneyError(
            'service-health',
            'Enter the health service you are asking, for example community paediatrics',
          );
        asks.push({
          agency: agency as AdviceAsk['agency'],
          serviceName: service || undefined,
          professionalUserId: professional || undefined,
        });
      }
      return requestAdvice(ctx, caseId, { requested: dates.date!, asks, token: data.token });
    },
    done: 'advice',
  });

  caseForm({
    action: 'exception',
    template: 'assessments/exception.njk',
    title: 'Record an exception',
    schema: exceptionSchema,
    dates: [
      { name: 'from', label: 'The first day', required: true },
      { name: 'to', label: 'The last day', required: false },
    ],
    order: ['kind', 'from', 'to', 'appliesTo', 'reason'],
    read: (body) => ({ appliesTo: arrayValue(body, 'appliesTo') }),
    defaults: () => ({}),
    extra: () => ({
      kindItems: EXCEPTION_KINDS.map((k) => ({ value: k, text: EXCEPTION_LABELS[k] })),
    }),
    change: (ctx, caseId, data, dates, body) => {
      if (dates.to && dates.to < dates.from!)
        throw new JourneyError('to', 'The last day must be the same as or after the first day');
      return addException(ctx, caseId, {
        kind: data.kind,
        from: dates.from!,
        to: dates.to,
        reason: data.reason,
        appliesTo: arrayValue(body, 'appliesTo'),
        token: data.token,
      });
    },
    done: 'exception',
  });

  caseForm({
    action: 'outcome',
    template: 'assessments/outcome.njk',
    title: 'Decide whether to issue a plan',
    schema: outcomeSchema,
    dates: [{ name: 'date', label: 'The date of the decision', required: true }],
    order: ['outcome', 'date', 'reasons', 'withoutAdvice'],
    extra: (view) => ({ arrival: adviceArrival(view.advice) }),
    change: (ctx, caseId, data, dates) =>
      decideOutcome(ctx, caseId, {
        date: dates.date!,
        outcome: data.outcome,
        reasons: data.reasons,
        withoutAdvice: data.withoutAdvice,
      }),
    done: 'outcome',
  });

  caseForm({
    action: 'draft',
    template: 'assessments/draft.njk',
    title: 'Send the draft plan',
    schema: finalSchema,
    dates: [{ name: 'date', label: 'The date the draft plan was sent', required: true }],
    order: ['date'],
    change: (ctx, caseId, _data, dates) => serveDraft(ctx, caseId, { date: dates.date! }),
    done: 'draft',
  });

  caseForm({
    action: 'response',
    template: 'assessments/response.njk',
    title: "Record the family's response",
    schema: responseSchema,
    dates: [{ name: 'date', label: 'The date the response was received', required: true }],
    order: ['date', 'comments', 'school', 'commentsComplete'],
    change: (ctx, caseId, data, dates) =>
      recordResponse(ctx, caseId, {
        date: dates.date!,
        comments: data.comments,
        school: data.school,
        commentsComplete: data.commentsComplete === 'yes',
      }),
    done: 'response',
  });

  caseForm({
    action: 'final',
    template: 'assessments/final.njk',
    title: 'Issue the final plan',
    schema: finalSchema,
    dates: [{ name: 'date', label: 'The date the final plan was issued', required: true }],
    order: ['date', 'planReference', 'withoutAdvice'],
    extra: (view) => ({ arrival: adviceArrival(view.advice) }),
    change: (ctx, caseId, data, dates) =>
      issueFinal(ctx, caseId, {
        date: dates.date!,
        planReference: data.planReference,
        withoutAdvice: data.withoutAdvice,
      }),
    done: 'final',
  });

  lawfulStepForms(caseForm);
}

function adviceRequestSchema() {
  return z.object({ token: z.string().trim().min(8).max(100) });
}
