/**
 * The improvement plan's tables: every query on them but the demo's seeding (`demo.ts` writes its own rows, as other
 * features' demos do). `createImprovementPlanStore` is the database `ImprovementPlanStore` the import command and the
 * import page save through; `loadImprovementPlan` reads a whole plan (areas, focus areas, actions with owners, updates
 * and evidence, governance, reports) for the views, which are computed in `compute.ts`.
 * Every query filters by la_code. Pass the transaction down: PGlite has one connection.
 */
import { randomUUID as newRandomId } from 'node:crypto';
import type { AuditContext, Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { authorityExists } from '../../platform/people/casework.ts';
import { staffWithJobTitles, usersByIds } from '../../platform/people/users.ts';
import type {
  BragStatus,
  EvidenceKind,
  GroupKind,
  ImprovementPlanKind,
  ReportAudience,
} from '../../platform/db/schema/index.ts';
import type { ImprovementPlanStore } from '../../domain/improvement/import-plan.ts';
import type { ImportNote, PlanContent } from '../../domain/improvement/types.ts';
import { endText } from '../../domain/improvement/cells.ts';
import { longDate } from '../../domain/calendar.ts';

/** A plan with this title already exists in the authority: an import never overwrites a plan. */
export class DuplicatePlanTitleError extends Error {
  constructor(title: string) {
    super(`a plan called "${title}" already exists`);
    this.name = 'DuplicatePlanTitleError';
  }
}

/** The authority named does not exist. */
export class UnknownAuthorityError extends Error {
  constructor(laCode: string) {
    super(`there is no local authority ${laCode} in this database`);
    this.name = 'UnknownAuthorityError';
  }
}

export interface SavePlanOptions {
  laCode: string;
  title: string;
  kind: ImprovementPlanKind;
  /** Who imported it (null from the command line). */
  createdBy: string | null;
  audit: AuditContext;
  published?: boolean;
  /** Makes ids (the demo passes its seeded generator's; default random). */
  newId?: () => string;
  /** When the plan was created (the demo fixes it; default now). */
  createdAt?: Date;
}

const BATCH = 500;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * An ImprovementPlanStore that saves into the database through `db` (a transaction: the caller commits). An owner
 * whose text is the job title of exactly one active staff member of the authority is linked to that person; otherwise
 * the job title is kept on its own.
 */
export function createImprovementPlanStore(db: Executor, options: SavePlanOptions): ImprovementPlanStore {
  return {
    async savePlan(plan: PlanContent): Promise<string> {
      const { laCode } = options;
      const randomUUID = options.newId ?? newRandomId;
      if (!(await authorityExists(db, laCode))) throw new UnknownAuthorityError(laCode);
      if (await planTitleTaken(db, laCode, options.title)) throw new DuplicatePlanTitleError(options.title);

      const planId = randomUUID();
      await db
        .insertInto('improvement_plan')
        .values({
          la_code: laCode,
          id: planId,
          kind: options.kind,
          title: options.title,
          published: options.published ?? false,
          created_by: options.createdBy,
          import_notes: JSON.stringify(
            plan.notes.map(({ row, column, message }) => ({ row, column, message })),
          ),
          ...(options.createdAt ? { created_at: options.createdAt } : {}),
        })
        .execute();

      const areaIds = new Map<string, string>();
      const areaRows = plan.areas.map((area, position) => {
        const id = randomUUID();
        areaIds.set(area.key, id);
        return { la_code: laCode, id, plan_id: planId, key: area.key, title: area.title, position };
      });
      await insertInBatches(areaRows, (batch) => db.insertInto('improvement_area').values(batch).execute());

      const focusIds = new Map<string, string>();
      const focusKey = (area: string | null, key: string) => `${area ?? ''}\u0000${key}`;
      const focusRows = plan.focusAreas.map((focus, position) => {
        const id = randomUUID();
        focusIds.set(focusKey(focus.area, focus.key), id);
        return {
          la_code: laCode,
          id,
          plan_id: planId,
          area_id: focus.area === null ? null : (areaIds.get(focus.area) ?? null),
          key: focus.key,
          title: focus.title,
          overall_impact: focus.overallImpact,
          position,
        };
      });
      await insertInBatches(focusRows, (batch) =>
        db.insertInto('improvement_focus_area').values(batch).execute(),
      );

      const staff = await staffWithJobTitles(db, laCode);
      const byTitle = new Map<string, string[]>();
      for (const s of staff) {
        const key = (s.job_title ?? '').trim().toLowerCase();
        byTitle.set(key, [...(byTitle.get(key) ?? []), s.id]);
      }
      const userFor = (title: string) => {
        const ids = byTitle.get(title.trim().toLowerCase());
        return ids?.length === 1 ? (ids[0] ?? null) : null;
      };

      const actionRows = [];
      const ownerRows = [];
      for (const [position, a] of plan.actions.entries()) {
        const id = randomUUID();
        actionRows.push({
          la_code: laCode,
          id,
          plan_id: planId,
          area_id: a.area === null ? null : (areaIds.get(a.area) ?? null),
          focus_area_id: a.focusArea === null ? null : (focusIds.get(focusKey(a.area, a.focusArea)) ?? null),
          ref: a.ref,
          action: a.action,
          start_date: a.start,
          end_date: a.end,
          start_note: a.startNote,
          end_note: a.endNote,
          ongoing: a.ongoing,
          initial_status: a.status,
          status: a.status,
          evidence_expected: a.evidenceOfImpact,
          overall_impact: a.overallImpact,
          evidence_types: a.evidenceTypes.join(','),
          position,
          source_row: a.row,
        });
        for (const [i, owner] of a.owners.entries()) {
          ownerRows.push({
            la_code: laCode,
            id: randomUUID(),
            action_id: id,
            user_id: userFor(owner),
            job_title: owner,
            position: i,
          });
        }
      }
      await insertInBatches(actionRows, (batch) =>
        db.insertInto('improvement_action').values(batch).execute(),
      );
      await insertInBatches(ownerRows, (batch) =>
        db.insertInto('improvement_action_owner').values(batch).execute(),
      );
      await audit(db, options.audit, {
        action: 'improvement.plan.import',
        recordType: 'improvement_plan',
        recordId: planId,
        detail: {
          title: options.title,
          kind: options.kind,
          areas: plan.areas.length,
          focusAreas: plan.focusAreas.length,
          actions: plan.actions.length,
        },
      });
      return planId;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a plan

/** Whether the authority already has a plan with this title (titles are unique in an authority). */
export async function planTitleTaken(db: Executor, laCode: string, title: string): Promise<boolean> {
  const existing = await db
    .selectFrom('improvement_plan')
    .select('id')
    .where('la_code', '=', laCode)
    .where('title', '=', title)
    .executeTakeFirst();
  return existing !== undefined;
}

export interface PlanSummaryRow {
  id: string;
  kind: ImprovementPlanKind;
  title: string;
  published: boolean;
  created_at: Date;
  actions: number;
}

export async function listPlanRows(db: Executor, laCode: string): Promise<PlanSummaryRow[]> {
  const rows = await db
    .selectFrom('improvement_plan as p')
    .select((eb) => [
      'p.id',
      'p.kind',
      'p.title',
      'p.published',
      'p.created_at',
      eb
        .selectFrom('improvement_action as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.la_code', '=', 'p.la_code')
        .whereRef('a.plan_id', '=', 'p.id')
        .as('actions'),
    ])
    .where('p.la_code', '=', laCode)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.title')
    .execute();
  return rows.map((r) => ({ ...r, actions: Number(r.actions ?? 0) }));
}

export interface OwnerData {
  userId: string | null;
  /** The person's name, for staff views only; never shown to the public or in report packs. */
  name: string | null;
  jobTitle: string;
}

export interface EvidenceData {
  id: string;
  updateId: string;
  kind: EvidenceKind;
  description: string;
  url: string | null;
  fileName: string | null;
  meeting: string | null;
  meetingDate: string | null;
  indicatorName: string | null;
  indicatorValue: number | null;
}

export interface UpdateData {
  id: string;
  date: string;
  status: BragStatus | null;
  body: string;
  authorUserId: string | null;
  authorName: string | null;
  authorTitle: string | null;
  createdAt: Date;
  evidence: EvidenceData[];
}

export interface ActionData {
  id: string;
  ref: string;
  action: string;
  areaId: string | null;
  focusAreaId: string | null;
  workstreamId: string | null;
  start: string | null;
  end: string | null;
  startNote: string | null;
  endNote: string | null;
  ongoing: boolean;
  /** The end in words: '31 March 2027', 'On-going', '31 March 2027, ongoing' (cells' endText). */
  endText: string;
  initialStatus: BragStatus;
  status: BragStatus;
  evidenceExpected: string;
  /** The overall impact written on the action's own row of the imported plan ('' when none). */
  overallImpact: string;
  evidenceTypes: string[];
  /** The leaders' figure its performance indicator follows (docs/figures.md), or null. */
  figure: string | null;
  owners: OwnerData[];
  /** Oldest first. */
  updates: UpdateData[];
}

export interface AreaData {
  id: string;
  key: string;
  title: string;
  findings: string;
}

export interface FocusAreaData {
  id: string;
  areaId: string | null;
  key: string;
  title: string;
  overallImpact: string;
}

export interface GroupData {
  id: string;
  kind: GroupKind;
  name: string;
  meets: string;
  members: Array<{ userId: string | null; name: string | null; jobTitle: string; role: string }>;
}

export interface ReportData {
  id: string;
  meetingDate: string;
  audience: ReportAudience;
  generatedAt: Date;
}

export interface PlanData {
  laCode: string;
  plan: {
    id: string;
    kind: ImprovementPlanKind;
    title: string;
    published: boolean;
    inspectionDate: string | null;
    createdAt: Date;
    /** What the import read generously, in row order (migration 0016); empty for plans made before it. */
    importNotes: ImportNote[];
  };
  areas: AreaData[];
  focusAreas: FocusAreaData[];
  groups: GroupData[];
  actions: ActionData[];
  /** Oldest meeting first. */
  reports: ReportData[];
}

/** The stored import notes (jsonb, parsed by the driver), keeping only well-formed entries. */
function readNotes(value: unknown): ImportNote[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((n: unknown) => {
    if (typeof n !== 'object' || n === null) return [];
    const { row, column, message } = n as Record<string, unknown>;
    if (typeof row !== 'number' || typeof message !== 'string') return [];
    return [{ row, column: typeof column === 'string' ? (column as ImportNote['column']) : null, message }];
  });
}

/** Reads a whole plan, or undefined when the authority has no plan with that id. */
export async function loadImprovementPlan(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<PlanData | undefined> {
  const plan = await db
    .selectFrom('improvement_plan')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) return undefined;
  const [areas, focusAreas, groups, members, actions, owners, updates, evidence, reports] = [
    await db
      .selectFrom('improvement_area')
      .select(['id', 'key', 'title', 'findings'])
      .where('la_code', '=', laCode)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    await db
      .selectFrom('improvement_focus_area')
      .select(['id', 'area_id', 'key', 'title', 'overall_impact'])
      .where('la_code', '=', laCode)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    await db
      .selectFrom('improvement_group')
      .select(['id', 'kind', 'name', 'meets'])
      .where('la_code', '=', laCode)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    await db
      .selectFrom('improvement_group_member as m')
      .innerJoin('improvement_group as g', (j) =>
        j.onRef('g.la_code', '=', 'm.la_code').onRef('g.id', '=', 'm.group_id'),
      )
      .select(['m.group_id', 'm.user_id', 'm.job_title', 'm.role_in_group'])
      .where('m.la_code', '=', laCode)
      .where('g.plan_id', '=', planId)
      .orderBy('m.position')
      .execute(),
    await db
      .selectFrom('improvement_action')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    await db
      .selectFrom('improvement_action_owner as o')
      .innerJoin('improvement_action as a', (j) =>
        j.onRef('a.la_code', '=', 'o.la_code').onRef('a.id', '=', 'o.action_id'),
      )
      .select(['o.action_id', 'o.user_id', 'o.job_title'])
      .where('o.la_code', '=', laCode)
      .where('a.plan_id', '=', planId)
      .orderBy('o.position')
      .execute(),
    await db
      .selectFrom('improvement_update as up')
      .innerJoin('improvement_action as a', (j) =>
        j.onRef('a.la_code', '=', 'up.la_code').onRef('a.id', '=', 'up.action_id'),
      )
      .select([
        'up.id',
        'up.action_id',
        'up.update_date',
        'up.status',
        'up.body',
        'up.author_user_id',
        'up.author_title',
        'up.created_at',
      ])
      .where('up.la_code', '=', laCode)
      .where('a.plan_id', '=', planId)
      .orderBy('up.update_date')
      .orderBy('up.created_at')
      .orderBy('up.id')
      .execute(),
    await db
      .selectFrom('improvement_evidence as e')
      .innerJoin('improvement_action as a', (j) =>
        j.onRef('a.la_code', '=', 'e.la_code').onRef('a.id', '=', 'e.action_id'),
      )
      .select([
        'e.id',
        'e.update_id',
        'e.kind',
        'e.description',
        'e.url',
        'e.file_name',
        'e.meeting',
        'e.meeting_date',
        'e.indicator_name',
        'e.indicator_value',
      ])
      .where('e.la_code', '=', laCode)
      .where('a.plan_id', '=', planId)
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute(),
    await db
      .selectFrom('improvement_report')
      .select(['id', 'meeting_date', 'audience', 'generated_at'])
      .where('la_code', '=', laCode)
      .where('plan_id', '=', planId)
      .orderBy('meeting_date')
      .orderBy('generated_at')
      .execute(),
  ];
  // The members', owners' and authors' names and job titles, from the core records.
  const people = await usersByIds(db, laCode, [
    ...members.map((m) => m.user_id),
    ...owners.map((o) => o.user_id),
    ...updates.map((u) => u.author_user_id),
  ]);
  const person = (userId: string | null) => (userId === null ? undefined : people.get(userId));

  const evidenceByUpdate = new Map<string, EvidenceData[]>();
  for (const e of evidence) {
    const list = evidenceByUpdate.get(e.update_id) ?? [];
    list.push({
      id: e.id,
      updateId: e.update_id,
      kind: e.kind,
      description: e.description,
      url: e.url,
      fileName: e.file_name,
      meeting: e.meeting,
      meetingDate: e.meeting_date,
      indicatorName: e.indicator_name,
      indicatorValue: e.indicator_value === null ? null : Number(e.indicator_value),
    });
    evidenceByUpdate.set(e.update_id, list);
  }
  const updatesByAction = new Map<string, UpdateData[]>();
  for (const u of updates) {
    const list = updatesByAction.get(u.action_id) ?? [];
    list.push({
      id: u.id,
      date: u.update_date,
      status: u.status,
      body: u.body,
      authorUserId: u.author_user_id,
      authorName: person(u.author_user_id)?.display_name ?? null,
      authorTitle: u.author_title,
      createdAt: u.created_at,
      evidence: evidenceByUpdate.get(u.id) ?? [],
    });
    updatesByAction.set(u.action_id, list);
  }
  const ownersByAction = new Map<string, OwnerData[]>();
  for (const o of owners) {
    const list = ownersByAction.get(o.action_id) ?? [];
    list.push({
      userId: o.user_id,
      name: person(o.user_id)?.display_name ?? null,
      jobTitle: o.job_title ?? person(o.user_id)?.job_title ?? 'Officer',
    });
    ownersByAction.set(o.action_id, list);
  }
  return {
    laCode,
    plan: {
      id: plan.id,
      kind: plan.kind,
      title: plan.title,
      published: plan.published,
      inspectionDate: plan.inspection_date,
      createdAt: plan.created_at,
      importNotes: readNotes(plan.import_notes),
    },
    areas: areas.map((a) => ({ id: a.id, key: a.key, title: a.title, findings: a.findings })),
    focusAreas: focusAreas.map((f) => ({
      id: f.id,
      areaId: f.area_id,
      key: f.key,
      title: f.title,
      overallImpact: f.overall_impact,
    })),
    groups: groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.name,
      meets: g.meets,
      members: members
        .filter((m) => m.group_id === g.id)
        .map((m) => ({
          userId: m.user_id,
          name: person(m.user_id)?.display_name ?? null,
          jobTitle: m.job_title ?? person(m.user_id)?.job_title ?? 'Member',
          role: m.role_in_group,
        })),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      ref: a.ref,
      action: a.action,
      areaId: a.area_id,
      focusAreaId: a.focus_area_id,
      workstreamId: a.workstream_id,
      start: a.start_date,
      end: a.end_date,
      startNote: a.start_note,
      endNote: a.end_note,
      ongoing: a.ongoing,
      endText: endText({ end: a.end_date, endNote: a.end_note, ongoing: a.ongoing }, longDate),
      initialStatus: a.initial_status,
      status: a.status,
      evidenceExpected: a.evidence_expected,
      overallImpact: a.overall_impact,
      evidenceTypes: a.evidence_types === '' ? [] : a.evidence_types.split(','),
      figure: a.figure ?? null,
      owners: ownersByAction.get(a.id) ?? [],
      updates: updatesByAction.get(a.id) ?? [],
    })),
    reports: reports.map((r) => ({
      id: r.id,
      meetingDate: r.meeting_date,
      audience: r.audience,
      generatedAt: r.generated_at,
    })),
  };
}

/** The plan an action belongs to, or undefined. */
export async function planIdOfAction(db: Executor, laCode: string, actionId: string) {
  const row = await db
    .selectFrom('improvement_action')
    .select('plan_id')
    .where('la_code', '=', laCode)
    .where('id', '=', actionId)
    .executeTakeFirst();
  return row?.plan_id;
}

/** The plans with an action this user is an accountable officer for. */
export async function planIdsOwnedBy(db: Executor, laCode: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('improvement_action_owner as o')
    .innerJoin('improvement_action as a', (j) =>
      j.onRef('a.la_code', '=', 'o.la_code').onRef('a.id', '=', 'o.action_id'),
    )
    .select('a.plan_id')
    .distinct()
    .where('o.la_code', '=', laCode)
    .where('o.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.plan_id);
}

export interface NewUpdate {
  laCode: string;
  actionId: string;
  date: string;
  status: BragStatus;
  body: string;
  authorUserId: string | null;
  authorTitle: string | null;
  /** The posting form's one-use token: a second update with the same token is refused (DuplicateUpdateError). */
  formToken?: string | null;
  evidence: Array<{
    kind: EvidenceKind;
    description: string;
    url?: string | null;
    fileName?: string | null;
    contentType?: string | null;
    content?: Uint8Array | null;
    storageRef?: string | null;
    meeting?: string | null;
    meetingDate?: string | null;
    indicatorName?: string | null;
    indicatorValue?: number | null;
  }>;
  /** When the update was written (demo data back-dates it); default now. */
  createdAt?: Date;
  /** Makes ids (the demo passes its seeded generator's; default random). */
  newId?: () => string;
}

/**
 * Saves an update and its evidence, and sets the action's current status to the status of its latest update (by
 * date, then by when it was written), so a back-dated update never overrides a newer one.
 */
/** The form this update was posted from has already saved one. Nothing was written. */
export class DuplicateUpdateError extends Error {}

/** The update saved from a form token, if any (a form posted again). */
export async function updateByFormToken(db: Executor, laCode: string, formToken: string) {
  return db
    .selectFrom('improvement_update')
    .select(['id', 'action_id'])
    .where('la_code', '=', laCode)
    .where('form_token', '=', formToken)
    .executeTakeFirst();
}

export async function insertUpdate(db: Executor, update: NewUpdate): Promise<string> {
  const randomUUID = update.newId ?? newRandomId;
  const id = randomUUID();
  const createdAt = update.createdAt ?? new Date();
  // With a form token, a concurrent or repeated post of the same form inserts nothing (and waits for the first to
  // commit on PostgreSQL), so it is refused before anything else is written.
  const inserted = await db
    .insertInto('improvement_update')
    .values({
      la_code: update.laCode,
      id,
      action_id: update.actionId,
      update_date: update.date,
      status: update.status,
      body: update.body,
      author_user_id: update.authorUserId,
      author_title: update.authorTitle,
      created_at: createdAt,
      form_token: update.formToken ?? null,
    })
    .onConflict((oc) => oc.columns(['la_code', 'form_token']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new DuplicateUpdateError();
  if (update.evidence.length > 0) {
    await db
      .insertInto('improvement_evidence')
      .values(
        update.evidence.map((e) => ({
          la_code: update.laCode,
          id: randomUUID(),
          update_id: id,
          action_id: update.actionId,
          kind: e.kind,
          description: e.description,
          url: e.url ?? null,
          file_name: e.fileName ?? null,
          content_type: e.contentType ?? null,
          content: e.content ?? null,
          storage_ref: e.storageRef ?? null,
          meeting: e.meeting ?? null,
          meeting_date: e.meetingDate ?? null,
          indicator_name: e.indicatorName ?? null,
          indicator_value: e.indicatorValue ?? null,
          created_at: createdAt,
        })),
      )
      .execute();
  }
  const latest = await db
    .selectFrom('improvement_update')
    .select('status')
    .where('la_code', '=', update.laCode)
    .where('action_id', '=', update.actionId)
    .where('status', 'is not', null)
    .orderBy('update_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest?.status) {
    await db
      .updateTable('improvement_action')
      .set({ status: latest.status, updated_at: createdAt })
      .where('la_code', '=', update.laCode)
      .where('id', '=', update.actionId)
      .execute();
  }
  return id;
}

export async function evidenceFile(db: Executor, laCode: string, evidenceId: string) {
  return db
    .selectFrom('improvement_evidence')
    .select(['id', 'action_id', 'file_name', 'content_type', 'content', 'storage_ref'])
    .where('la_code', '=', laCode)
    .where('id', '=', evidenceId)
    .where('kind', '=', 'file')
    .executeTakeFirst();
}

/** Names the leaders' figure an action's performance indicator follows, or none. */
export async function setActionFigure(db: Executor, laCode: string, actionId: string, figure: string | null) {
  await db
    .updateTable('improvement_action')
    .set({ figure })
    .where('la_code', '=', laCode)
    .where('id', '=', actionId)
    .execute();
}

/**
 * Names a figure for each of a plan's actions whose evidence includes a performance indicator and that has none yet,
 * by `suggest` from the action's words and its evidence expected (the demo uses it); returns how many were named.
 */
export async function nameFiguresOfPlan(
  db: Executor,
  laCode: string,
  planId: string,
  suggest: (text: string) => string | null,
): Promise<number> {
  const actions = await db
    .selectFrom('improvement_action')
    .select(['id', 'action', 'evidence_expected', 'evidence_types'])
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('figure', 'is', null)
    .execute();
  let named = 0;
  for (const a of actions) {
    if (!a.evidence_types.split(',').includes('PI')) continue;
    const figure = suggest(`${a.action} ${a.evidence_expected}`);
    if (!figure) continue;
    await setActionFigure(db, laCode, a.id, figure);
    named++;
  }
  return named;
}

/** The authorities with an improvement plan published to families. */
export async function authoritiesWithPublishedPlans(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('improvement_plan')
    .select('la_code')
    .where('published', '=', true)
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.la_code));
}

/** The authority's most recently created plan published to families, or undefined. */
export async function latestPublishedPlanId(db: Executor, laCode: string): Promise<string | undefined> {
  const plan = await db
    .selectFrom('improvement_plan')
    .select('id')
    .where('la_code', '=', laCode)
    .where('published', '=', true)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return plan?.id;
}

/** Shows a plan on the families' page, or stops showing it. */
export async function setPlanPublished(db: Executor, laCode: string, planId: string, published: boolean) {
  await db
    .updateTable('improvement_plan')
    .set({ published })
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();
}

export interface ReportRequest {
  laCode: string;
  planId: string;
  meetingDate: string;
  audience: ReportAudience;
  generatedBy: string;
}

/**
 * Records a report pack for a meeting date and audience, or marks the one already recorded for them as generated
 * again (now, by this user); resolves to its id.
 */
export async function saveReport(db: Executor, report: ReportRequest): Promise<string> {
  const { laCode, planId, meetingDate, audience, generatedBy } = report;
  const existing = await db
    .selectFrom('improvement_report')
    .select('id')
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('audience', '=', audience)
    .where('meeting_date', '=', meetingDate)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('improvement_report')
      .set({ generated_at: new Date(), generated_by: generatedBy })
      .where('la_code', '=', laCode)
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const { id } = await db
    .insertInto('improvement_report')
    .values({
      la_code: laCode,
      plan_id: planId,
      meeting_date: meetingDate,
      audience,
      generated_by: generatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
