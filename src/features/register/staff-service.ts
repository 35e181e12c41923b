/**
 * The register for casework staff and leaders: the list (with the overdue filter), recording an item from a call or
 * letter, one item with its moves (acknowledged, answered, stage 2, the Ombudsman, withdrawn), its owner and themes,
 * the s42 task done, a caseworker's open tasks and the items on a child's record.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, authoriseChildRead, isUuid, requireRole } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { RegisterTheme } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  childByReference as findChild,
  childDisplayNames,
  childWithOfficer,
} from '../../platform/people/children.ts';
import { teamIdOf } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { actionProblem, hasStages, KIND_LABELS, THEMES, type Action } from '../../domain/register/index.ts';
import {
  childName,
  createItem,
  facts,
  itemPage,
  itemView,
  names,
  OPEN_ITEMS_MAX,
  PAGE_SIZE,
  policyOf,
  RegisterError,
  STAFF,
  type ActionInput,
  type Child,
  type NewItemInput,
} from './items.ts';
import { isToldAction, tellRaiser } from './messages.ts';
import {
  itemById,
  itemReferences,
  itemsOfChild,
  listItems,
  markTaskDone,
  openTasksOf,
  setThemes,
  taskOfItem,
  themesOf,
  updateItem,
  type ItemFilters,
  type ItemRow,
} from './store.ts';

/** The service's methods for casework staff and leaders working the register. */
export function createStaffService(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

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

  return {
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
          const made = await createItem(
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
          ...(await itemPage(trx, actor, item, deps.today())),
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
        const patch = actionPatch(item, action, input);
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
  };
}

/** What a move changes on the item. */
function actionPatch(item: ItemRow, action: Action, input: ActionInput) {
  return action === 'acknowledge'
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
}

const ACTION_SENTENCES: Record<Action, string> = {
  acknowledge: 'acknowledged',
  answer: 'answered',
  'stage-2': 'the family asked for stage 2',
  'answer-stage-2': 'answered at stage 2',
  ombudsman: 'referred to the Local Government and Social Care Ombudsman',
  withdraw: 'withdrawn',
};
