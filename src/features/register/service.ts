/**
 * The register of what families raise (statutory-work.md S12; docs/register.md): concerns, complaints, compliments
 * and provision in section F not being delivered. Families raise them online (signed in, or a general concern
 * without an account); staff record them from a call or letter. Each is acknowledged, owned, answered on the
 * authority's own timescales (counted by the clock's working days), coded into themes and counted for leaders. A
 * report of provision not delivered raises the authority's duty to secure it (CFA 2014 s42) as a task for the
 * child's caseworker. Access is decided here; every write is one transaction with its audit entry and, where there
 * is a child, the child's history.
 */
import { createHmac } from 'node:crypto';
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  canSeeChild,
  CASEWORK_ROLES,
  grantKindFor,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit, type AuditContext, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { RegisterTheme, Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  childByReference as findChild,
  childDisplayNames,
  childWithOfficer,
  searchChildren,
} from '../../platform/people/children.ts';
import { activeOfficers, teamIdOf, teamsOf } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  actionProblem,
  DEFAULT_POLICY,
  hasStages,
  itemDates,
  itemState,
  KIND_LABELS,
  notDeliveredSummary,
  nextDue,
  provisionTaskDue,
  STATE_LABELS,
  THEMES,
  THEME_LABELS,
  timeliness,
  type Action,
  type Channel,
  type ItemFacts,
  type ItemKind,
  type Outcome,
  type RegisterPolicy,
} from '../../domain/register/index.ts';
import {
  countBy,
  countByMonth,
  countByTheme,
  insertItem,
  insertYouSaid,
  itemById,
  itemReferences,
  itemsOfChild,
  itemsOfFamily,
  listItems,
  listYouSaid,
  markTaskDone,
  openTasksOf,
  policyRow,
  raiseTask,
  recentFromAddress,
  savePolicy,
  setThemes,
  setYouSaidPublished,
  taskOfItem,
  themesOf,
  updateItem,
  youSaidById,
  type ItemFilters,
  type ItemRow,
  type TaskRow,
} from './store.ts';
import { createLearningService } from './learning-service.ts';
import { createResolutionService } from './resolution-service.ts';
import { createSurveyService } from './survey-service.ts';
import { isToldAction, tellRaiser } from './messages.ts';

/** Who records items and acts on them: casework staff and leaders. */
export const STAFF: readonly Role[] = CASEWORK_ROLES;
/** Who raises items online about their own child or themselves. */
export const FAMILY: readonly Role[] = ['parent', 'young-person'];
/** Who sees the counts and writes "You said, we did". */
export const LEADERS: readonly Role[] = ['team-manager', 'send-leader'];
/** Who sets the authority's complaints policy. */
export const POLICY_SETTERS: readonly Role[] = ['send-leader', 'administrator'];

export const PAGE_SIZE = 25;
/** The public form accepts this many items from one address an hour (then 429, "Too many attempts"). */
export const PUBLIC_LIMIT_PER_HOUR = 5;

/** A rule an item or a move broke: shown against its field in the error summary. */
export class RegisterError extends FieldError {}

export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
}

/** More open items than an authority holds at once: the overdue count and list read them all. */
const OPEN_ITEMS_MAX = 5000;

export const facts = (r: ItemRow): ItemFacts => ({
  kind: r.kind,
  receivedOn: r.received_on,
  acknowledgedOn: r.acknowledged_on,
  answeredOn: r.answered_on,
  stage2RequestedOn: r.stage2_requested_on,
  stage2AnsweredOn: r.stage2_answered_on,
  ombudsmanOn: r.ombudsman_on,
  withdrawnOn: r.withdrawn_on,
});

/** What an item is, as every list and page shows it. */
export function itemView(r: ItemRow, policy: RegisterPolicy, today: string) {
  const f = facts(r);
  const due = nextDue(f, policy);
  return {
    ...r,
    kindLabel: KIND_LABELS[r.kind],
    state: itemState(f),
    stateLabel: STATE_LABELS[itemState(f)],
    dates: itemDates(f, policy),
    due,
    overdue: due ? timeliness(due, null, today).status === 'overdue' : false,
  };
}
export type ItemView = ReturnType<typeof itemView>;

export interface NewItemInput {
  readonly kind: ItemKind;
  readonly channel: Channel;
  readonly childReference?: string | undefined;
  readonly childId?: string | undefined;
  readonly raiserName: string;
  readonly raiserContact?: string | undefined;
  readonly summary: string;
  readonly provision?: string | undefined;
  readonly receivedOn: string;
  readonly themes: readonly RegisterTheme[];
  readonly ethnicity?: string | undefined;
  readonly firstLanguage?: string | undefined;
}

export interface ActionInput {
  readonly on: string;
  readonly outcome?: Outcome | undefined;
  readonly text?: string | undefined;
}

type Child = NonNullable<Awaited<ReturnType<typeof childWithOfficer>>>;
const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

/** The public form's sender, as a keyed hash (never the address itself). */
export function addressKeyOf(secret: string, ip: string | null): string | null {
  return ip
    ? createHmac('sha256', secret).update(`register public form ${ip}`).digest('hex').slice(0, 32)
    : null;
}

/** What the register asks of others, given by the composition root. */
export interface RegisterNeeds {
  /** The authority whose public pages these are: the Local Offer's (src/features/local-offer). */
  readonly publicLa?: () => Promise<string | undefined>;
}

export function createRegisterService(deps: ServiceDeps, needs: RegisterNeeds = {}) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);
  const policyOf = async (x: Executor, laCode: string) => (await policyRow(x, laCode)) ?? DEFAULT_POLICY;

  async function childByReference(x: Executor, laCode: string, reference: string): Promise<Child> {
    const child = await findChild(x, laCode, reference);
    if (!child)
      throw new RegisterError('childReference', 'Enter the reference of a child known to the service');
    return child;
  }

  async function staffItem(ctx: { trx: Executor; actor: Actor }, itemId: string) {
    requireRole(ctx.actor, STAFF, paths.register.itemPattern);
    const item = isUuid(itemId) ? await itemById(ctx.trx, ctx.actor.laCode, itemId) : undefined;
    if (!item) throw new NotFoundError();
    return item;
  }

  /** Writes a new item, its themes, its audit entry, the child's history and (for provision) the s42 task. */
  async function create(
    ctx: { trx: ChangeContext['trx']; audit: AuditContext; actor?: Actor },
    la: string,
    item: Parameters<typeof insertItem>[2],
    themes: readonly RegisterTheme[],
    child: Child | null,
  ) {
    const made = await insertItem(ctx.trx, la, item);
    await setThemes(ctx.trx, la, made.id, themes);
    await audit(ctx.trx, ctx.audit, {
      action: 'register.item.create',
      recordType: 'register_item',
      recordId: made.id,
      childId: item.childId,
      detail: { kind: item.kind, channel: item.channel, reference: made.reference, themes },
    });
    if (child && ctx.actor) {
      await recordCaseEvent(
        { trx: ctx.trx, actor: ctx.actor },
        {
          childId: child.id,
          kind: 'register.item',
          summary: `${KIND_LABELS[item.kind]} received (${made.reference}) by ${item.channel.startsWith('online') ? 'the family online' : 'the SEND team'}`,
          detail: { itemId: made.id, kind: item.kind },
        },
      );
      if (item.kind === 'provision-not-delivered') {
        const policy = await policyOf(ctx.trx, la);
        const due = provisionTaskDue(item.receivedOn, policy);
        const taskId = await raiseTask(ctx.trx, la, {
          itemId: made.id,
          childId: child.id,
          assignedTo: child.lead_officer_id,
          raisedOn: item.receivedOn,
          due: due.date,
        });
        await audit(ctx.trx, ctx.audit, {
          action: 'register.task.raise',
          recordType: 'register_task',
          recordId: taskId,
          childId: child.id,
          detail: { itemId: made.id, due: due.date },
        });
        await recordCaseEvent(
          { trx: ctx.trx, actor: ctx.actor },
          {
            childId: child.id,
            kind: 'register.s42-task',
            summary: notDeliveredSummary(due.date),
            detail: { itemId: made.id, taskId, due: due.date },
          },
        );
      }
    }
    return made;
  }

  async function names(x: Executor, laCode: string) {
    const officers = await activeOfficers(x, laCode);
    return new Map(officers.map((o) => [o.id, o.display_name]));
  }

  async function itemPage(x: Executor, actor: Actor, item: ItemRow) {
    const policy = await policyOf(x, actor.laCode);
    const today = deps.today();
    const child = item.child_id ? await childWithOfficer(x, actor.laCode, item.child_id) : undefined;
    const task = await taskOfItem(x, actor.laCode, item.id);
    const officerNames = await names(x, actor.laCode);
    return {
      today,
      item: itemView(item, policy, today),
      themes: (await themesOf(x, actor.laCode, [item.id])).get(item.id) ?? [],
      child: child ? { id: child.id, name: childName(child), reference: child.reference } : null,
      ownerName: item.owner_id ? (officerNames.get(item.owner_id) ?? null) : null,
      task: task ? taskView(task, today, officerNames) : null,
    };
  }

  /**
   * The open items past their next date (acknowledgement or answer), oldest first: the open items filtered by the
   * clock's working days (a few hundred at most in a large authority), then a page of them.
   */
  async function overdueItems(x: Executor, laCode: string, filters: ItemFilters, page: number) {
    const policy = await policyOf(x, laCode);
    const today = deps.today();
    const open = await listItems(x, laCode, { ...filters, status: 'open' }, 1, OPEN_ITEMS_MAX);
    const rows = open.rows.filter((r) => itemView(r, policy, today).overdue);
    return { rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: rows.length };
  }

  function taskView(t: TaskRow, today: string, officerNames: Map<string, string>) {
    return {
      ...t,
      assignedName: t.assigned_to ? (officerNames.get(t.assigned_to) ?? null) : null,
      status: t.done_on ? 'done' : today > t.due_date ? 'overdue' : 'open',
    };
  }

  return {
    // ---------------------------------------------------------------------------------------------- policy
    policy: async (actor: Actor) => {
      requireRole(actor, POLICY_SETTERS, paths.register.policy);
      return { policy: await policyOf(db, actor.laCode), isDefault: !(await policyRow(db, actor.laCode)) };
    },

    savePolicy: (actor: Actor, policy: RegisterPolicy) =>
      change(actor, async (ctx) => {
        requireRole(actor, POLICY_SETTERS, paths.register.policy);
        const before = await policyOf(ctx.trx, actor.laCode);
        await savePolicy(ctx.trx, actor.laCode, policy, actor.userId);
        await audit(ctx.trx, auditContext(actor), {
          action: 'register.policy.update',
          recordType: 'register_policy',
          recordId: actor.laCode,
          detail: { before, after: policy },
        });
      }),

    // ---------------------------------------------------------------------------------------------- staff
    /** The register: a page of items, filtered; open ones oldest first with their next date. */
    list: async (actor: Actor, filters: ItemFilters, page: number) => {
      requireRole(actor, STAFF, paths.register.list);
      const policy = await policyOf(db, actor.laCode);
      const today = deps.today();
      const result =
        filters.status === 'overdue'
          ? await overdueItems(db, actor.laCode, filters, page)
          : await listItems(db, actor.laCode, filters, page, PAGE_SIZE);
      const officerNames = await names(db, actor.laCode);
      const themes = await themesOf(
        db,
        actor.laCode,
        result.rows.map((r) => r.id),
      );
      return {
        today,
        total: result.total,
        pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
        officers: [...officerNames].map(([id, name]) => ({ id, name })),
        rows: result.rows.map((r) => ({
          ...itemView(r, policy, today),
          ownerName: r.owner_id ? (officerNames.get(r.owner_id) ?? null) : null,
          themes: themes.get(r.id) ?? [],
        })),
      };
    },

    /** The staff form's choices (and the child when recording from the child's record). */
    recordForm: async (actor: Actor, childId: string | undefined) => {
      requireRole(actor, STAFF, paths.register.new);
      const child =
        childId && isUuid(childId) ? await childWithOfficer(db, actor.laCode, childId) : undefined;
      return { child: child ? { id: child.id, name: childName(child), reference: child.reference } : null };
    },

    /** Records an item from a call, letter, email or visit. Returns its id (the first one's on a repeat). */
    record: (actor: Actor, input: NewItemInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, STAFF, paths.register.new);
        const la = actor.laCode;
        if (input.receivedOn > ctx.today)
          throw new RegisterError('receivedOn', 'The date received must be today or in the past');
        const child = input.childReference?.trim()
          ? await childByReference(ctx.trx, la, input.childReference)
          : null;
        if (input.kind === 'provision-not-delivered' && !child)
          throw new RegisterError(
            'childReference',
            'Enter the reference of the child whose provision is not being made',
          );
        const result = await once(ctx, formToken, async () => {
          const teamId = child?.lead_officer_id
            ? await teamIdOf(ctx.trx, la, child.lead_officer_id)
            : actor.teamId;
          const made = await create(
            { trx: ctx.trx, audit: auditContext(actor), actor },
            la,
            {
              kind: input.kind,
              channel: input.channel,
              childId: child?.id ?? null,
              raisedBy: null,
              recordedBy: actor.userId,
              raiserName: input.raiserName,
              raiserContact: input.raiserContact ?? null,
              summary: input.summary,
              provision: input.kind === 'provision-not-delivered' ? (input.provision ?? null) : null,
              receivedOn: input.receivedOn,
              ownerId: child?.lead_officer_id ?? null,
              teamId,
              ethnicity: child?.ethnicity ?? null,
              firstLanguage: child?.first_language ?? null,
              addressKey: null,
            },
            input.themes,
            child,
          );
          return made.id;
        });
        return result.resultId;
      }),

    /** One item for staff, with its dates, owner, themes and task. Audited (as a read of the child where there is one). */
    item: (actor: Actor, itemId: string) =>
      db.transaction().execute(async (trx) => {
        const item = await staffItem({ trx, actor }, itemId);
        if (item.child_id) await authoriseChildRead(trx, actor, item.child_id, 'register.item.read');
        else
          await audit(trx, auditContext(actor), {
            action: 'register.item.read',
            recordType: 'register_item',
            recordId: item.id,
          });
        return {
          ...(await itemPage(trx, actor, item)),
          officers: [...(await names(trx, actor.laCode))].map(([id, name]) => ({ id, name })),
        };
      }),

    /** Acknowledge, answer, stage 2 asked for, stage 2 answered, referred to the Ombudsman, withdrawn. */
    act: (actor: Actor, itemId: string, action: Action, input: ActionInput) =>
      change(actor, async (ctx) => {
        const item = await staffItem(ctx, itemId);
        const problem = actionProblem(facts(item), action, input.on, ctx.today);
        if (problem) throw new RegisterError(problem.field, problem.message);
        const answerNeeded = action === 'answer' || action === 'answer-stage-2';
        if (answerNeeded && item.kind !== 'compliment' && !input.outcome && hasStages(item.kind))
          throw new RegisterError('outcome', 'Select the outcome');
        const patch =
          action === 'acknowledge'
            ? { acknowledged_on: input.on }
            : action === 'answer'
              ? {
                  answered_on: input.on,
                  answer: input.text ?? null,
                  outcome: input.outcome ?? null,
                  acknowledged_on: item.acknowledged_on ?? input.on,
                }
              : action === 'stage-2'
                ? { stage2_requested_on: input.on }
                : action === 'answer-stage-2'
                  ? {
                      stage2_answered_on: input.on,
                      stage2_answer: input.text ?? null,
                      stage2_outcome: input.outcome ?? null,
                    }
                  : action === 'ombudsman'
                    ? { ombudsman_on: input.on }
                    : { withdrawn_on: input.on };
        await updateItem(ctx.trx, actor.laCode, item.id, patch);
        const updated: ItemRow = { ...item, ...patch };
        const emailed =
          isToldAction(action) &&
          (await tellRaiser(
            ctx,
            actor.laCode,
            action,
            updated,
            facts(updated),
            await policyOf(ctx.trx, actor.laCode),
            item.owner_id ? ((await names(ctx.trx, actor.laCode)).get(item.owner_id) ?? null) : null,
          ));
        await audit(ctx.trx, auditContext(actor), {
          action: `register.item.${action}`,
          recordType: 'register_item',
          recordId: item.id,
          childId: item.child_id,
          detail: { on: input.on, outcome: input.outcome ?? null, emailed },
        });
        if (item.child_id)
          await recordCaseEvent(ctx, {
            childId: item.child_id,
            kind: `register.${action}`,
            summary: `${KIND_LABELS[item.kind]} ${item.reference}: ${ACTION_SENTENCES[action]} on ${longDate(input.on)}${emailed ? ' (emailed to the person who raised it)' : ''}`,
            detail: { itemId: item.id },
          });
      }),

    /** Who owns the item and its themes. */
    code: (
      actor: Actor,
      itemId: string,
      input: { ownerId: string | null; themes: readonly RegisterTheme[] },
    ) =>
      change(actor, async (ctx) => {
        const item = await staffItem(ctx, itemId);
        const officerNames = await names(ctx.trx, actor.laCode);
        if (input.ownerId && !officerNames.has(input.ownerId))
          throw new RegisterError('ownerId', 'Select an officer from the list');
        if (input.themes.some((t) => !THEMES.includes(t)))
          throw new RegisterError('themes', 'Select themes from the list');
        await updateItem(ctx.trx, actor.laCode, item.id, { owner_id: input.ownerId });
        await setThemes(ctx.trx, actor.laCode, item.id, input.themes);
        await audit(ctx.trx, auditContext(actor), {
          action: 'register.item.code',
          recordType: 'register_item',
          recordId: item.id,
          childId: item.child_id,
          detail: { owner: [item.owner_id, input.ownerId], themes: input.themes },
        });
      }),

    /** The s42 task done: the provision checked and put right. */
    taskDone: (actor: Actor, itemId: string, note: string) =>
      change(actor, async (ctx) => {
        const item = await staffItem(ctx, itemId);
        const task = await taskOfItem(ctx.trx, actor.laCode, item.id);
        if (!task || task.done_on) throw new NotFoundError();
        const on = ctx.today < task.raised_on ? task.raised_on : ctx.today;
        await markTaskDone(ctx.trx, actor.laCode, task.id, on, note);
        await audit(ctx.trx, auditContext(actor), {
          action: 'register.task.done',
          recordType: 'register_task',
          recordId: task.id,
          childId: task.child_id,
          detail: { itemId: item.id, on },
        });
        await recordCaseEvent(ctx, {
          childId: task.child_id,
          kind: 'register.s42-task-done',
          summary: `Provision in section F checked and put right (${item.reference}) on ${longDate(on)}`,
          detail: { itemId: item.id, taskId: task.id },
        });
      }),

    /** A caseworker's open s42 tasks (their first screen), soonest due first. */
    tasksFor: async (actor: Actor) => {
      if (!STAFF.includes(actor.role)) return [];
      const today = deps.today();
      const tasks = await openTasksOf(db, actor.laCode, actor.userId);
      // The items' references and the children's names in a query each, not two reads a task (issue 20).
      const references = await itemReferences(
        db,
        actor.laCode,
        tasks.map((t) => t.item_id),
      );
      const names = await childDisplayNames(
        db,
        actor.laCode,
        tasks.map((t) => t.child_id),
      );
      return tasks.map((t) => {
        const child = names.get(t.child_id);
        return {
          ...t,
          child_id: t.child_id,
          reference: references.get(t.item_id)!,
          childName: child ? childName(child) : '',
          href: paths.register.item(t.item_id),
          overdue: today > t.due_date,
        };
      });
    },

    /** The items about one child (the child's record), for staff; null for anyone else. */
    ofChild: async (x: Executor, actor: Actor, childId: string) => {
      if (!STAFF.includes(actor.role)) return null;
      const policy = await policyOf(x, actor.laCode);
      return (await itemsOfChild(x, actor.laCode, childId)).map((r) => itemView(r, policy, deps.today()));
    },

    // ---------------------------------------------------------------------------------------------- families
    /** A family's own items (those they raised and those about their children), and their children for the form. */
    familyList: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.register.family);
      const kind = grantKindFor(actor.role);
      const children = kind
        ? (
            await searchChildren(db, {
              laCode: actor.laCode,
              grantedTo: { userId: actor.userId, kind },
              page: 1,
              pageSize: 100,
            })
          ).rows
        : [];
      await auditChildrenShown(
        db,
        actor,
        'register.family.read',
        paths.register.family,
        children.map((c) => c.id),
      );
      const policy = await policyOf(db, actor.laCode);
      const items = await itemsOfFamily(
        db,
        actor.laCode,
        actor.userId,
        children.map((c) => c.id),
      );
      return {
        children: children.map((c) => ({ id: c.id, name: `${c.given_name} ${c.family_name}` })),
        items: items.map((r) => itemView(r, policy, deps.today())),
      };
    },

    /** One of the family's own items; 404 for anyone else's. */
    familyItem: (actor: Actor, itemId: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, FAMILY, paths.register.family);
        const item = isUuid(itemId) ? await itemById(trx, actor.laCode, itemId) : undefined;
        const mine =
          item &&
          (item.raised_by === actor.userId ||
            (item.child_id !== null && (await canSeeChild(trx, actor, item.child_id))));
        if (!item || !mine)
          throw new NotFoundError('Not found', {
            ctx: auditContext(actor),
            entry: {
              action: 'register.item.read.denied',
              recordType: 'register_item',
              recordId: isUuid(itemId) ? itemId : null,
              outcome: 'denied',
            },
          });
        await audit(trx, auditContext(actor), {
          action: 'register.item.read',
          recordType: 'register_item',
          recordId: item.id,
          childId: item.child_id,
        });
        return itemPage(trx, actor, item);
      }),

    /** A family raises an item online, signed in (about their child, or in general). */
    raiseAsFamily: (actor: Actor, input: NewItemInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, FAMILY, paths.register.familyNew);
        const la = actor.laCode;
        let child: Child | null = null;
        if (input.childId) {
          if (!(await canSeeChild(ctx.trx, actor, input.childId)))
            throw new RegisterError('childId', 'Select a child from the list');
          child = (await childWithOfficer(ctx.trx, la, input.childId)) ?? null;
        }
        if (input.kind === 'provision-not-delivered' && !child)
          throw new RegisterError('childId', 'Select the child whose support is not being given');
        const result = await once(ctx, formToken, async () => {
          const made = await create(
            { trx: ctx.trx, audit: auditContext(actor), actor },
            la,
            {
              kind: input.kind,
              channel: 'online',
              childId: child?.id ?? null,
              raisedBy: actor.userId,
              recordedBy: null,
              raiserName: actor.displayName,
              raiserContact: actor.email,
              summary: input.summary,
              provision: input.kind === 'provision-not-delivered' ? (input.provision ?? null) : null,
              receivedOn: ctx.today,
              ownerId: child?.lead_officer_id ?? null,
              teamId: child?.lead_officer_id ? await teamIdOf(ctx.trx, la, child.lead_officer_id) : null,
              ethnicity: child?.ethnicity ?? null,
              firstLanguage: child?.first_language ?? null,
              addressKey: null,
            },
            input.themes,
            child,
          );
          return made.id;
        });
        return result.resultId;
      }),

    /**
     * A general concern, complaint or compliment from someone without an account (the public form). No child is
     * linked (nobody can be checked); at most PUBLIC_LIMIT_PER_HOUR from one address an hour. Returns the reference.
     */
    raisePublic: (laCode: string, ip: string | null, input: NewItemInput, formToken: string | undefined) =>
      db.transaction().execute(async (trx) => {
        const today = deps.today();
        const addressKey = addressKeyOf(deps.config.cookieSecret, ip);
        if (
          addressKey &&
          (await recentFromAddress(trx, laCode, addressKey, new Date(Date.now() - 3_600_000))) >=
            PUBLIC_LIMIT_PER_HOUR
        )
          throw new TooManyRequestsError('Too many items from one address');
        const anonymous = { trx, actor: { laCode, userId: null } };
        const result = await once(anonymous, formToken, async () => {
          const made = await create(
            { trx, audit: { laCode, userId: null, sessionId: null, ip } },
            laCode,
            {
              kind: input.kind,
              channel: 'online-public',
              childId: null,
              raisedBy: null,
              recordedBy: null,
              raiserName: input.raiserName,
              raiserContact: input.raiserContact ?? null,
              summary: input.summary,
              provision: null,
              receivedOn: today,
              ownerId: null,
              teamId: null,
              ethnicity: input.ethnicity ?? null,
              firstLanguage: input.firstLanguage ?? null,
              addressKey,
            },
            input.themes,
            null,
          );
          return made.reference;
        });
        return result.resultId;
      }),

    // ---------------------------------------------------------------------------------------------- leaders
    /**
     * What a SEND leader's and a team manager's first screen shows of the register: open items, those overdue (an
     * acknowledgement or answer past its date) and the most raised themes of the last 12 months, each opening its list.
     */
    leaderSummary: async (actor: Actor) => {
      requireRole(actor, LEADERS, paths.home);
      const la = actor.laCode;
      const today = deps.today();
      const policy = await policyOf(db, la);
      const open = await listItems(db, la, { status: 'open' }, 1, OPEN_ITEMS_MAX);
      // the counts page's own default period, so its numbers match
      const from = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
      const themes = (await countByTheme(db, la, from, today)).sort(
        (a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)),
      );
      return {
        open: open.total,
        overdue: open.rows.filter((r) => itemView(r, policy, today).overdue).length,
        since: from,
        sinceLabel: longDate(from),
        topThemes: themes.slice(0, 3).map((t) => ({
          theme: t.key as RegisterTheme,
          label: THEME_LABELS[t.key as RegisterTheme],
          n: t.n,
        })),
      };
    },

    /** Counts of items received in [from, to] by theme, team, community (ethnicity, first language), month and kind. */
    counts: async (actor: Actor, fromAsked: string | undefined, toAsked: string | undefined) => {
      requireRole(actor, LEADERS, paths.register.counts);
      const la = actor.laCode;
      const to = toAsked ?? deps.today();
      const from0 = fromAsked ?? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}-01`;
      const from = from0 <= to ? from0 : to;
      const teams = new Map((await teamsOf(db, la)).map((t) => [t.id, t.name]));
      const byTeam = (await countBy(db, la, 'team_id', from, to)).map((r) => ({
        key: r.key ? (teams.get(r.key) ?? 'Unknown team') : 'No team',
        n: r.n,
      }));
      await audit(db, auditContext(actor), {
        action: 'register.counts.read',
        recordType: 'register_item',
        detail: { from, to },
      });
      return {
        from,
        to,
        byTheme: await countByTheme(db, la, from, to),
        byTeam,
        byEthnicity: await countBy(db, la, 'ethnicity', from, to),
        byLanguage: await countBy(db, la, 'first_language', from, to),
        byMonth: await countByMonth(db, la, from, to),
        byKind: await countBy(db, la, 'kind', from, to),
      };
    },

    youSaid: async (actor: Actor) => {
      requireRole(actor, LEADERS, paths.register.youSaid);
      return listYouSaid(db, actor.laCode, false);
    },

    addYouSaid: (
      actor: Actor,
      input: { theme: RegisterTheme; youSaid: string; weDid: string; publish: boolean },
      formToken: string | undefined,
    ) =>
      change(actor, async (ctx) => {
        requireRole(actor, LEADERS, paths.register.youSaid);
        const result = await once(ctx, formToken, async () => {
          const id = await insertYouSaid(ctx.trx, actor.laCode, {
            theme: input.theme,
            youSaid: input.youSaid,
            weDid: input.weDid,
            publishedOn: input.publish ? ctx.today : null,
            createdBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'register.you-said.create',
            recordType: 'register_you_said',
            recordId: id,
            detail: { theme: input.theme, published: input.publish },
          });
          return id;
        });
        return result.resultId;
      }),

    publishYouSaid: (actor: Actor, id: string, publish: boolean) =>
      change(actor, async (ctx) => {
        requireRole(actor, LEADERS, paths.register.youSaid);
        const entry = isUuid(id) ? await youSaidById(ctx.trx, actor.laCode, id) : undefined;
        if (!entry) throw new NotFoundError();
        await setYouSaidPublished(
          ctx.trx,
          actor.laCode,
          id,
          publish ? (entry.published_on ?? ctx.today) : null,
        );
        await audit(ctx.trx, auditContext(actor), {
          action: publish ? 'register.you-said.publish' : 'register.you-said.unpublish',
          recordType: 'register_you_said',
          recordId: id,
        });
      }),

    /** The authority of the public pages (the Local Offer's); 404 when there is none. */
    publicLa: async () => {
      const la = (await needs.publicLa?.()) ?? deps.config.localOfferLa;
      if (!la) throw new NotFoundError();
      return la;
    },

    /** The authority's policy, for what the public pages promise. */
    publicPolicy: (laCode: string) => policyOf(db, laCode),

    /** The published entries, for the public page. */
    publicYouSaid: (laCode: string) => listYouSaid(db, laCode, true),

    // ---------------------------------------------------------------------------------------------- the survey
    ...createSurveyService(deps),

    // ---------------------------------------------------------------------------------------------- disagreement resolution
    ...createResolutionService(deps),

    // ---------------------------------------------------------------------------------------------- learning actions
    ...createLearningService(deps),
  };
}

const ACTION_SENTENCES: Record<Action, string> = {
  acknowledge: 'acknowledged',
  answer: 'answered',
  'stage-2': 'the family asked for stage 2',
  'answer-stage-2': 'answered at stage 2',
  ombudsman: 'referred to the Local Government and Social Care Ombudsman',
  withdraw: 'withdrawn',
};

export type RegisterService = ReturnType<typeof createRegisterService>;
