/**
 * A child's one history (`case_event`): what happened to the child's case, in plain words, shown on the child's
 * record and the case timeline. Every feature that acts on a case records its events here, inside its change.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import { onTenant } from '../db/tenant.ts';

export interface CaseEvent {
  readonly childId: string;
  /** A dotted kind such as 'assessment.decision' or 'plan.issued'. */
  readonly kind: string;
  /** One sentence for the history, in plain words. */
  readonly summary: string;
  /** Facts the timeline links from (a case id, a plan id); never free text the user typed about the child. */
  readonly detail?: Record<string, unknown>;
  /** The event's moment, given only by the demo (its histories are the same on every seeding); default now. */
  readonly at?: Date;
}

export async function recordCaseEvent(
  /** The change's transaction and who made it (no one, `userId` null, for a daily job's change). */
  ctx: {
    readonly trx: Executor;
    readonly actor: { readonly laCode: string; readonly userId: string | null };
  },
  event: CaseEvent,
): Promise<void> {
  await ctx.trx
    .insertInto('case_event')
    .values({
      la_code: ctx.actor.laCode,
      child_id: event.childId,
      actor_user_id: ctx.actor.userId,
      kind: event.kind,
      summary: event.summary,
      detail: JSON.stringify(event.detail ?? {}),
      ...(event.at ? { at: event.at } : {}),
    })
    .execute();
}

/** Many events in one change, written 500 to a statement (the demo's histories). */
export async function recordCaseEvents(
  ctx: {
    readonly trx: Executor;
    readonly actor: { readonly laCode: string; readonly userId: string | null };
  },
  events: readonly CaseEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 500)
    await ctx.trx
      .insertInto('case_event')
      .values(
        events.slice(i, i + 500).map((event) => ({
          la_code: ctx.actor.laCode,
          child_id: event.childId,
          actor_user_id: ctx.actor.userId,
          kind: event.kind,
          summary: event.summary,
          detail: JSON.stringify(event.detail ?? {}),
          at: event.at ?? new Date(),
        })),
      )
      .execute();
}

/** The day (in London) of every event of one kind in the authority's histories, oldest first: the demo's reviews. */
export function caseEventDays(
  db: Executor,
  laCode: string,
  kind: string,
): Promise<Array<{ child_id: string; day: string }>> {
  return db
    .selectFrom('case_event')
    .select(['child_id', sql<string>`((at at time zone 'Europe/London')::date)::text`.as('day')])
    .where('la_code', '=', laCode)
    .where('kind', '=', kind)
    .orderBy('at')
    .execute();
}

/**
 * The events of some kinds in the authority's histories on or after a day (in London), oldest first, with their id,
 * kind, detail and day: the register's milestones for its survey (ADR 0034).
 */
export async function caseEventsOfKindsSince(
  db: Executor,
  laCode: string,
  kinds: readonly string[],
  since: string,
): Promise<Array<{ id: number; child_id: string; kind: string; detail: unknown; day: string }>> {
  if (!kinds.length) return [];
  const rows = await db
    .selectFrom('case_event')
    .select([
      'id',
      'child_id',
      'kind',
      'detail',
      sql<string>`((at at time zone 'Europe/London')::date)::text`.as('day'),
    ])
    .where('la_code', '=', laCode)
    .where('kind', 'in', kinds)
    .where('at', '>=', sql<Date>`(${since}::date::timestamp at time zone 'Europe/London')`)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * The latest event of some kinds in one child's history whose detail has these values (`{ caseId }`, or a letter's
 * `{ kind, recordId }`), with its id and day (in London), or undefined: the history event a letter is about, for the
 * survey's short code in the milestone letters (ADR 0057).
 */
export async function caseEventMatching(
  db: Executor,
  laCode: string,
  childId: string,
  kinds: readonly string[],
  detail: Readonly<Record<string, string>>,
): Promise<{ id: number; kind: string; detail: unknown; day: string } | undefined> {
  if (!kinds.length) return undefined;
  let q = db
    .selectFrom('case_event')
    .select(['id', 'kind', 'detail', sql<string>`((at at time zone 'Europe/London')::date)::text`.as('day')])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('kind', 'in', kinds);
  for (const [key, value] of Object.entries(detail)) q = q.where(sql<string>`detail ->> ${key}`, '=', value);
  const row = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, id: Number(row.id) };
}

/**
 * One child's history events whose detail has these values (an assessment's `{ caseId }`), newest first, each with
 * who did it and, as `note`, the detail's `noteKey` value if any (the reason staff gave for going ahead without advice).
 */
export function historyMatching(
  db: Executor,
  laCode: string,
  childId: string,
  detail: Readonly<Record<string, string>>,
  noteKey: string,
) {
  let q = db
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', onTenant('u.id', 'e.actor_user_id'))
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.summary',
      'u.display_name as actor_name',
      sql<string | null>`e.detail->>${noteKey}`.as('note'),
    ])
    .where('e.la_code', '=', laCode)
    .where('e.child_id', '=', childId);
  for (const [key, value] of Object.entries(detail)) q = q.where(sql<string>`e.detail->>${key}`, '=', value);
  return q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').execute();
}
