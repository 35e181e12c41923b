/**
 * What the register's parts share (staff, families and the public, leaders): who may do what, the page size and the
 * public form's limit, the feature's errors, an item as every list and page shows it, the write of a new item (with
 * its s42 task for provision not delivered), and one item's page.
 */
import { createHmac } from 'node:crypto';
import type { Actor } from '../../platform/access/access.ts';
import { CASEWORK_ROLES } from '../../platform/access/access.ts';
import { audit, type AuditContext, type Executor } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import type { RegisterTheme, Role } from '../../platform/db/schema/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import {
  DEFAULT_POLICY,
  itemDates,
  itemState,
  KIND_LABELS,
  notDeliveredSummary,
  nextDue,
  provisionTaskDue,
  STATE_LABELS,
  timeliness,
  type Channel,
  type ItemFacts,
  type ItemKind,
  type Outcome,
  type RegisterPolicy,
} from '../../domain/register/index.ts';
import {
  insertItem,
  policyRow,
  raiseTask,
  setThemes,
  taskOfItem,
  themesOf,
  type ItemRow,
  type TaskRow,
} from './store.ts';

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
export const OPEN_ITEMS_MAX = 5000;

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

export type Child = NonNullable<Awaited<ReturnType<typeof childWithOfficer>>>;
export const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

/** The public form's sender, as a keyed hash (never the address itself). */
export function addressKeyOf(secret: string, ip: string | null): string | null {
  return ip
    ? createHmac('sha256', secret).update(`register public form ${ip}`).digest('hex').slice(0, 32)
    : null;
}

/** The authority's complaints policy, or the default when it has set none. */
export const policyOf = async (x: Executor, laCode: string) => (await policyRow(x, laCode)) ?? DEFAULT_POLICY;

/** The authority's active officers' names by id (owners and task holders). */
export async function names(x: Executor, laCode: string) {
  const officers = await activeOfficers(x, laCode);
  return new Map(officers.map((o) => [o.id, o.display_name]));
}

/** Writes a new item, its themes, its audit entry, the child's history and (for provision) the s42 task. */
export async function createItem(
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
    if (item.kind === 'provision-not-delivered')
      await raiseS42Task(
        { trx: ctx.trx, audit: ctx.audit, actor: ctx.actor },
        la,
        made.id,
        item.receivedOn,
        child,
      );
  }
  return made;
}

/** Provision in section F not delivered: the s42 task for the child's caseworker, its audit entry and history. */
async function raiseS42Task(
  ctx: { trx: ChangeContext['trx']; audit: AuditContext; actor: Actor },
  la: string,
  itemId: string,
  receivedOn: string,
  child: Child,
) {
  const policy = await policyOf(ctx.trx, la);
  const due = provisionTaskDue(receivedOn, policy);
  const taskId = await raiseTask(ctx.trx, la, {
    itemId,
    childId: child.id,
    assignedTo: child.lead_officer_id,
    raisedOn: receivedOn,
    due: due.date,
  });
  await audit(ctx.trx, ctx.audit, {
    action: 'register.task.raise',
    recordType: 'register_task',
    recordId: taskId,
    childId: child.id,
    detail: { itemId, due: due.date },
  });
  await recordCaseEvent(
    { trx: ctx.trx, actor: ctx.actor },
    {
      childId: child.id,
      kind: 'register.s42-task',
      summary: notDeliveredSummary(due.date),
      detail: { itemId, taskId, due: due.date },
    },
  );
}

/** One item's page (staff's and the family's): its dates, themes, child, owner and task on `today`. */
export async function itemPage(x: Executor, actor: Actor, item: ItemRow, today: string) {
  const policy = await policyOf(x, actor.laCode);
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

function taskView(t: TaskRow, today: string, officerNames: Map<string, string>) {
  return {
    ...t,
    assignedName: t.assigned_to ? (officerNames.get(t.assigned_to) ?? null) : null,
    status: t.done_on ? 'done' : today > t.due_date ? 'overdue' : 'open',
  };
}
