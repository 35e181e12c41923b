/**
 * The improvement plan tracker's service: who may do what (checked here, not only in routes), and every change in a
 * transaction with its audit entry.
 *
 * Access (docs/improvement.md):
 * - Reading the plan's staff pages: every staff and partner role (caseworker, team manager, SEND leader,
 *   professional adviser, Local Offer editor, administrator). Parents and young people read the public page instead.
 * - Managing plans (import, export, report packs, publishing to families): SEND leaders and team managers.
 * - Posting an update on an action: its accountable officers (an owner linked to their account), and managers on any
 *   action.
 * - The families' page: everyone, without signing in; it shows job titles, never names.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type {
  BragStatus,
  EvidenceKind,
  ImprovementPlanKind,
  ReportAudience,
  DB,
  Role,
} from '../../platform/db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { exportPlanCsv } from '../../domain/improvement/csv-export.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import { importPlan } from '../../domain/improvement/import-plan.ts';
import type { ImportOutcome } from '../../domain/improvement/import-plan.ts';
import { summarise } from '../../domain/improvement/summary.ts';
import type { ImportSummary } from '../../domain/improvement/summary.ts';
import type { EvidenceType, PlanAction } from '../../domain/improvement/types.ts';
import {
  createImprovementPlanStore,
  evidenceFile,
  insertUpdate,
  listPlanRows,
  latestPublishedPlanId,
  loadImprovementPlan,
  planIdOfAction,
  planIdsOwnedBy,
  saveReport,
  setPlanPublished,
  updateByFormToken,
} from './store.ts';
import type { ActionData, PlanData } from './store.ts';
import { DuplicateUpdateError } from './store.ts';
import type { Kysely } from 'kysely';
import { authoritiesWithPublishedPlans, setActionFigure } from './store.ts';
import { authorities } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';

export const PLAN_READERS: readonly Role[] = [
  'caseworker',
  'team-manager',
  'send-leader',
  'professional',
  'local-offer-editor',
  'administrator',
];
export const PLAN_MANAGERS: readonly Role[] = ['send-leader', 'team-manager'];

export function canManagePlans(actor: Actor): boolean {
  return PLAN_MANAGERS.includes(actor.role);
}

export function canReadPlans(actor: Actor | null): boolean {
  return actor !== null && PLAN_READERS.includes(actor.role);
}

/** Whether the actor may post an update on the action: a manager, or one of its owners. */
export function canUpdateAction(actor: Actor, action: ActionData): boolean {
  return canManagePlans(actor) || action.owners.some((o) => o.userId === actor.userId);
}

/** Refuses (403, audited) anyone who may not manage plans. */
export function requireManager(actor: Actor, page: string): void {
  requireRole(actor, PLAN_MANAGERS, page);
}

/** Refuses (403, audited) an actor who may not post an update on the action. */
export function requireCanUpdate(actor: Actor, action: ActionData): void {
  if (canUpdateAction(actor, action)) return;
  throw new ForbiddenError('Forbidden', {
    ctx: auditContext(actor),
    entry: {
      action: 'improvement.update.denied',
      recordType: 'improvement_action',
      recordId: action.id,
      outcome: 'denied',
    },
  });
}

export async function listPlans(db: Executor, actor: Actor) {
  requireRole(actor, PLAN_READERS, 'improvement');
  return listPlanRows(db, actor.laCode);
}

/** A plan the actor may read, or 404. */
export async function getPlan(db: Executor, actor: Actor, planId: string): Promise<PlanData> {
  requireRole(actor, PLAN_READERS, 'improvement');
  if (!isUuid(planId)) throw new NotFoundError();
  const data = await loadImprovementPlan(db, actor.laCode, planId);
  if (!data) throw new NotFoundError();
  return data;
}

async function planOfAction(db: Executor, laCode: string, actionId: string): Promise<PlanData | undefined> {
  if (!isUuid(actionId)) return undefined;
  const planId = await planIdOfAction(db, laCode, actionId);
  return planId ? loadImprovementPlan(db, laCode, planId) : undefined;
}

export async function getAction(db: Executor, actor: Actor, actionId: string) {
  requireRole(actor, PLAN_READERS, 'improvement');
  const data = await planOfAction(db, actor.laCode, actionId);
  const action = data?.actions.find((a) => a.id === actionId);
  if (!data || !action) throw new NotFoundError();
  return { data, action, canUpdate: canUpdateAction(actor, action) };
}

/**
 * Every action in the authority's plans, for linking what was learnt elsewhere to the action that takes it on (the
 * register's learning actions, ADR 0047): managers only.
 */
export async function actionChoices(db: Executor, actor: Actor) {
  requireRole(actor, PLAN_MANAGERS, 'improvement');
  const choices: Array<{ id: string; ref: string; action: string; planTitle: string; href: string }> = [];
  for (const p of await listPlanRows(db, actor.laCode)) {
    const data = await loadImprovementPlan(db, actor.laCode, p.id);
    for (const a of data?.actions ?? [])
      choices.push({
        id: a.id,
        ref: a.ref,
        action: a.action,
        planTitle: data!.plan.title,
        href: paths.improvement.action(a.id),
      });
  }
  return choices;
}

/** Every action the actor is an accountable officer for, across the authority's plans. */
export async function myActions(db: Executor, actor: Actor) {
  requireRole(actor, PLAN_READERS, 'improvement');
  const plans: PlanData[] = [];
  for (const planId of await planIdsOwnedBy(db, actor.laCode, actor.userId)) {
    const data = await loadImprovementPlan(db, actor.laCode, planId);
    if (data) {
      plans.push({
        ...data,
        actions: data.actions.filter((a) => a.owners.some((o) => o.userId === actor.userId)),
      });
    }
  }
  return plans.sort((a, b) => a.plan.title.localeCompare(b.plan.title));
}

/**
 * Names the leaders' figure an action's performance indicator follows (issue 14 item 6), or none: managers only, in
 * one transaction with its audit entry. The figure is checked by the caller against the figures that are recorded.
 */
export async function linkFigure(db: Executor, actor: Actor, actionId: string, figure: string | null) {
  requireRole(actor, PLAN_MANAGERS, 'improvement.action.figure');
  const { action } = await getAction(db, actor, actionId);
  await setActionFigure(db, actor.laCode, actionId, figure);
  await audit(db, auditContext(actor), {
    action: 'improvement.action.figure',
    recordType: 'improvement_action',
    recordId: actionId,
    detail: { ref: action.ref, from: action.figure, to: figure },
  });
}

export class EvidenceRequiredError extends Error {}

/**
 * Posts an update in its own transaction: 'saved', also when the same form was saved by a request sent at the same
 * time (the other request saved it while this one was being read); 'evidence-required' when marking the action
 * complete needs evidence it does not have (nothing saved).
 */
export async function saveUpdate(
  db: Kysely<DB>,
  actor: Actor,
  actionId: string,
  input: UpdateInput,
): Promise<'saved' | 'evidence-required'> {
  try {
    await db.transaction().execute((trx) => postUpdate(trx, actor, actionId, input));
    return 'saved';
  } catch (err) {
    if (err instanceof DuplicateUpdateError) return 'saved';
    if (err instanceof EvidenceRequiredError) return 'evidence-required';
    throw err;
  }
}

export interface UpdateInput {
  /** The one-use token of the form (a UUID made when the page was shown): the same form saves one update. */
  formToken?: string | undefined;
  date: string;
  status: BragStatus;
  body: string;
  evidence?:
    | {
        kind: EvidenceKind;
        description: string;
        url?: string | undefined;
        /** A file's cleaned name, accepted type and bytes (kind 'file'). */
        fileName?: string | undefined;
        contentType?: string | undefined;
        content?: Uint8Array | undefined;
        meeting?: string | undefined;
        meetingDate?: string | undefined;
        indicatorName?: string | undefined;
        indicatorValue?: number | undefined;
      }
    | undefined;
}

/**
 * Posts a progress update on an action. Marking an action complete needs evidence: attached to this update, or
 * already attached to an earlier one. Nothing is saved when it is refused.
 */
export async function postUpdate(db: Executor, actor: Actor, actionId: string, input: UpdateInput) {
  const { action } = await getAction(db, actor, actionId);
  requireCanUpdate(actor, action);
  const hadEvidence = action.updates.some((u) => u.evidence.length > 0);
  if (input.status === 'complete' && !input.evidence && !hadEvidence) throw new EvidenceRequiredError();
  if (input.evidence?.kind === 'file' && (!input.evidence.content || !input.evidence.fileName)) {
    throw new Error('file evidence needs its name and content');
  }
  const updateId = await insertUpdate(db, {
    laCode: actor.laCode,
    actionId,
    date: input.date,
    status: input.status,
    body: input.body,
    authorUserId: actor.userId,
    authorTitle: actor.jobTitle,
    formToken: input.formToken ?? null,
    evidence: input.evidence
      ? [
          {
            kind: input.evidence.kind,
            description: input.evidence.description,
            url: input.evidence.url ?? null,
            fileName: input.evidence.fileName ?? null,
            contentType: input.evidence.contentType ?? null,
            content: input.evidence.content ?? null,
            meeting: input.evidence.meeting ?? null,
            meetingDate: input.evidence.meetingDate ?? null,
            indicatorName: input.evidence.indicatorName ?? null,
            indicatorValue: input.evidence.indicatorValue ?? null,
          },
        ]
      : [],
  });
  await audit(db, auditContext(actor), {
    action: 'improvement.update.create',
    recordType: 'improvement_action',
    recordId: actionId,
    detail: {
      updateId,
      ref: action.ref,
      from: action.status,
      to: input.status,
      evidence: input.evidence?.kind ?? null,
      ...(input.evidence?.kind === 'file'
        ? { fileName: input.evidence.fileName, bytes: input.evidence.content?.length ?? 0 }
        : {}),
    },
  });
  return updateId;
}

/**
 * Whether the update form with this token has already saved an update on the action (the same form posted again).
 * Only the actor's own authority is looked in.
 */
export async function formAlreadySaved(
  db: Executor,
  actor: Actor,
  actionId: string,
  formToken: string | undefined,
): Promise<boolean> {
  if (!formToken || !isUuid(formToken)) return false;
  const saved = await updateByFormToken(db, actor.laCode, formToken);
  return saved?.action_id === actionId;
}

export async function getEvidenceFile(db: Executor, actor: Actor, evidenceId: string) {
  requireRole(actor, PLAN_READERS, 'improvement');
  if (!isUuid(evidenceId)) throw new NotFoundError();
  const file = await evidenceFile(db, actor.laCode, evidenceId);
  if (!file || file.content === null) throw new NotFoundError();
  await audit(db, auditContext(actor), {
    action: 'improvement.evidence.download',
    recordType: 'improvement_evidence',
    recordId: evidenceId,
  });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// Import and export

export interface ImportRequest {
  csv: string;
  title: string;
  kind: ImprovementPlanKind;
}

/** The dry run the import page shows before anything is saved. */
export function previewImport(actor: Actor, csv: string, asOf: string): ImportSummary {
  requireRole(actor, PLAN_MANAGERS, 'improvement.import');
  return summarise(parsePlanCsv(csv), asOf);
}

export class NothingToImportError extends Error {}

/** Saves the rows that were read, in the caller's transaction, with an audit entry. */
export async function confirmImport(
  db: Executor,
  actor: Actor,
  request: ImportRequest,
): Promise<ImportOutcome> {
  requireRole(actor, PLAN_MANAGERS, 'improvement.import');
  const parsed = parsePlanCsv(request.csv);
  if (parsed.actions.length === 0) throw new NothingToImportError();
  return importPlan(
    parsed,
    createImprovementPlanStore(db, {
      laCode: actor.laCode,
      title: request.title,
      kind: request.kind,
      createdBy: actor.userId,
      audit: auditContext(actor),
    }),
  );
}

/** The plan in its CSV form (the same columns the import reads). */
export function planCsv(data: PlanData): string {
  const areaKey = new Map(data.areas.map((a) => [a.id, a.key]));
  const focusKey = new Map(data.focusAreas.map((f) => [f.id, f.key]));
  const actions: PlanAction[] = data.actions.map((a, i) => ({
    row: i + 2,
    ref: a.ref,
    area: a.areaId === null ? null : (areaKey.get(a.areaId) ?? null),
    focusArea: a.focusAreaId === null ? null : (focusKey.get(a.focusAreaId) ?? null),
    action: a.action,
    owners: a.owners.map((o) => o.jobTitle),
    start: a.start,
    end: a.end,
    startNote: a.startNote,
    endNote: a.endNote,
    ongoing: a.ongoing,
    status: a.status,
    evidenceOfImpact: a.evidenceExpected,
    overallImpact: a.overallImpact,
    evidenceTypes: a.evidenceTypes as EvidenceType[],
  }));
  return exportPlanCsv(
    {
      areas: data.areas.map((a, i) => ({ key: a.key, title: a.title, row: i })),
      focusAreas: data.focusAreas.map((f, i) => ({
        area: f.areaId === null ? null : (areaKey.get(f.areaId) ?? null),
        key: f.key,
        title: f.title,
        overallImpact: f.overallImpact,
        row: i,
      })),
      actions,
    },
    { bom: true },
  );
}

export async function exportPlan(db: Executor, actor: Actor, planId: string) {
  requireRole(actor, PLAN_MANAGERS, 'improvement.export');
  const data = await getPlan(db, actor, planId);
  await audit(db, auditContext(actor), {
    action: 'improvement.plan.export',
    recordType: 'improvement_plan',
    recordId: planId,
  });
  return { title: data.plan.title, csv: planCsv(data) };
}

export async function setPublished(db: Executor, actor: Actor, planId: string, published: boolean) {
  requireRole(actor, PLAN_MANAGERS, 'improvement.publish');
  await getPlan(db, actor, planId);
  await setPlanPublished(db, actor.laCode, planId, published);
  await audit(db, auditContext(actor), {
    action: published ? 'improvement.plan.publish' : 'improvement.plan.unpublish',
    recordType: 'improvement_plan',
    recordId: planId,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

/**
 * Records a report pack for a meeting date and audience (or finds the one already made for them) and returns its id.
 * The pack itself is computed from the plan as of the meeting date whenever it is viewed or downloaded.
 */
export async function createReport(
  db: Executor,
  actor: Actor,
  planId: string,
  input: { meetingDate: string; audience: ReportAudience },
): Promise<string> {
  requireRole(actor, PLAN_MANAGERS, 'improvement.report');
  await getPlan(db, actor, planId);
  const id = await saveReport(db, { laCode: actor.laCode, planId, ...input, generatedBy: actor.userId });
  await audit(db, auditContext(actor), {
    action: 'improvement.report.create',
    recordType: 'improvement_report',
    recordId: id,
    detail: { planId, meetingDate: input.meetingDate, audience: input.audience },
  });
  return id;
}

export async function getReport(db: Executor, actor: Actor, planId: string, reportId: string) {
  const data = await getPlan(db, actor, planId);
  const report = data.reports.find((r) => r.id === reportId);
  if (!report) throw new NotFoundError();
  return { data, report };
}

// ---------------------------------------------------------------------------------------------------------------
// The families' page: no sign-in

/** Authorities with a plan published to families. */
export async function publicAuthorities(db: Executor) {
  const published = await authoritiesWithPublishedPlans(db);
  return (await authorities(db))
    .filter((a) => published.has(a.la_code))
    .map((a) => ({ la_code: a.la_code, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The authority's most recent published plan, or 404. */
export async function publicPlan(db: Executor, laCode: string) {
  if (!/^\d{3}$/.test(laCode)) throw new NotFoundError();
  const [authority] = await authorities(db, laCode);
  const planId = await latestPublishedPlanId(db, laCode);
  if (!authority || !planId) throw new NotFoundError();
  const data = await loadImprovementPlan(db, laCode, planId);
  if (!data) throw new NotFoundError();
  return { authority, data };
}
