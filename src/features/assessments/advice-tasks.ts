/**
 * What advisers and the plan read of advice: one advice task with what the adviser needs to know of the child, its
 * document, a professional's task list, and the family's own words on a case.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, authoriseChildRead, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import { caseTimeline, stepById, type RequestAnswers } from '../../domain/assessment/journey.ts';
import { loadFacts } from './store.ts';
import { longDate } from '../../domain/calendar.ts';
import { ageOn } from '../../domain/school-year.ts';
import { settingsOf } from '../../platform/people/children.ts';
import { partiesOfRow } from '../../platform/people/row-parties.ts';
import { adviceOrNotFound } from './advice.ts';

/**
 * The document attached to a piece of advice, for the casework staff and the professional it was asked of only
 * (anyone else, or advice with no document: 404, the denial audited). The download itself is audited.
 */
export async function getAdviceDocument(db: Executor, actor: Actor, adviceId: string) {
  const task = await adviceOrNotFound(db, actor, adviceId);
  const doc = await db
    .selectFrom('assessment_advice_document')
    .select('content')
    .where('la_code', '=', actor.laCode)
    .where('advice_id', '=', task.id)
    .executeTakeFirst();
  if (!doc || !task.document_name) throw new NotFoundError();
  await audit(db, auditContext(actor), {
    action: 'advice.document.download',
    recordType: 'assessment_advice',
    recordId: task.id,
    childId: task.child_id,
  });
  return { fileName: task.document_name, content: doc.content };
}

/** One advice task: its child, its clock step and what has been sent. */
export async function getAdviceTask(db: Executor, actor: Actor, adviceId: string, today: string) {
  const task = await adviceOrNotFound(db, actor, adviceId);
  await authoriseChildRead(db, actor, task.child_id, 'advice.read');
  const facts = (await loadFacts(db, actor.laCode, [task.case_id])).get(task.case_id)!;
  const step = stepById(caseTimeline(facts, today), `advice:${task.id}`) ?? null;
  return { task, step, context: await adviceContext(db, actor.laCode, task, today) };
}

/**
 * What an adviser needs to know of the child to write advice (issue 18 item 4): age today, where they are now, and
 * why the assessment was asked for and the support in place, in the requester's words. Names and phone numbers of
 * others involved are not shown.
 */
async function adviceContext(
  db: Executor,
  laCode: string,
  task: { child_id: string; date_of_birth: string; request_answers: unknown },
  today: string,
) {
  const settings = await settingsOf(db, laCode, task.child_id);
  const current = settings.find((s) => s.end_date === null) ?? null;
  const answers = (task.request_answers ?? {}) as RequestAnswers;
  return {
    age: ageOn(task.date_of_birth, today),
    setting: current?.name ?? null,
    why: answers.why?.trim() || null,
    support: answers.support?.trim() || null,
  };
}

/**
 * The family's own words on a case, offered for section A of the plan (issue 18 item 3): why they asked for the
 * assessment (when the parent or young person asked) and the views they sent, each with where it came from.
 */
export async function familyWords(
  db: Executor,
  laCode: string,
  caseId: string,
): Promise<{ source: string; text: string }[]> {
  const request = await db
    .selectFrom('assessment_case')
    .select(['requested_by', 'request_answers', 'request_received'])
    .where('la_code', '=', laCode)
    .where('id', '=', caseId)
    .executeTakeFirst();
  const out: { source: string; text: string }[] = [];
  const why = ((request?.request_answers ?? {}) as RequestAnswers).why?.trim();
  if (request && why && (request.requested_by === 'parent' || request.requested_by === 'young-person'))
    out.push({
      source: `Why they asked for an assessment (${longDate(request.request_received)})`,
      text: why,
    });
  const views = await db
    .selectFrom('assessment_advice')
    .select(['needs', 'outcomes', 'document_text', 'received'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('agency', '=', 'family')
    .where('status', '=', 'received')
    .orderBy('received')
    .execute();
  for (const v of views) {
    const parts = [
      v.document_text ?? '',
      ...Object.values((v.needs ?? {}) as Record<string, string>),
      v.outcomes ?? '',
    ]
      .map((s) => String(s).trim())
      .filter(Boolean);
    if (parts.length)
      out.push({
        source: `Their own views${v.received ? `, sent ${longDate(v.received)}` : ''}`,
        text: parts.join('\n\n'),
      });
  }
  return out;
}

/** A task asked for within this many days is new: it leads the list to send (issue 18, finding 7). */
export const NEW_TASK_DAYS = 14;

/** Rows with their child's names (the people store's json column), as the join on `child` gave them. */
function withChildNames<
  R extends {
    child: { given_name: string; family_name: string; reference: string; date_of_birth: string } | null;
  },
>(rows: readonly R[]) {
  return rows.flatMap(({ child, ...row }) =>
    child
      ? [
          {
            ...row,
            given_name: child.given_name,
            family_name: child.family_name,
            reference: child.reference,
            date_of_birth: child.date_of_birth,
          },
        ]
      : [],
  );
}

/**
 * A professional's advice tasks (issue 18, finding 7): those to send, the new ones (asked in the last 14 days) first and
 * then the soonest due, and those sent, most recent first, each list paged on its own, with the counts of each.
 */
export async function professionalTasks(
  db: Executor,
  actor: Actor,
  today: string,
  page: number,
  pageSize = 25,
  sentPage = 1,
) {
  requireRole(actor, ['professional'], 'advice.tasks');
  const newSince = formatDate(parseDate(today) - NEW_TASK_DAYS);
  const base = db
    .selectFrom('assessment_advice as a')
    .where('a.la_code', '=', actor.laCode)
    .where('a.professional_user_id', '=', actor.userId);
  const counts = await base
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      sql<number>`count(*) filter (where a.received is null)`.as('waiting'),
    ])
    .executeTakeFirstOrThrow();
  const total = Number(counts.all);
  const waiting = Number(counts.waiting);
  const sentTotal = total - waiting;
  const pages = Math.max(1, Math.ceil(waiting / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const sentPages = Math.max(1, Math.ceil(sentTotal / pageSize));
  const currentSent = Math.min(Math.max(1, sentPage), sentPages);
  // Each list's page is chosen from the professional's own advice rows first and only its rows are joined to their
  // children: joined before the limit, the planner hashed the authority's whole child table for an adviser with a
  // thousand requests (issue 20: 23 to 30 ms against 1.5 ms at 33,500 children).
  const listed = (rows: typeof base) =>
    db
      .selectFrom(
        rows
          .select([
            'a.id',
            'a.case_id',
            'a.child_id',
            'a.agency',
            'a.service_name',
            'a.requested',
            'a.received',
            'a.status',
            'a.answer',
            'a.due',
            'a.la_code',
          ])
          .limit(pageSize)
          .as('a'),
      )
      .select([
        'a.id',
        'a.case_id',
        'a.agency',
        'a.service_name',
        'a.requested',
        'a.received',
        'a.status',
        'a.answer',
        'a.child_id',
        partiesOfRow({ laCode: 'a.la_code', childId: 'a.child_id' }).as('child'),
      ]);
  const newFirst = sql`a.requested >= ${newSince}`;
  const [toSendRows, sentChildRows] = await Promise.all([
    listed(
      base
        .where('a.received', 'is', null)
        .orderBy(newFirst, 'desc')
        .orderBy('a.due')
        .orderBy('a.id')
        .offset((current - 1) * pageSize),
    )
      .orderBy(newFirst, 'desc')
      .orderBy('a.due')
      .orderBy('a.id')
      .execute(),
    listed(
      base
        .where('a.received', 'is not', null)
        .orderBy('a.received', 'desc')
        .orderBy('a.id')
        .offset((currentSent - 1) * pageSize),
    )
      .orderBy('a.received', 'desc')
      .orderBy('a.id')
      .execute(),
  ]);
  const [toSend, sentRows] = [withChildNames(toSendRows), withChildNames(sentChildRows)];
  const facts = await loadFacts(db, actor.laCode, [...new Set(toSend.map((r) => r.case_id))]);
  const tasks = toSend.map((r) => {
    const step = stepById(caseTimeline(facts.get(r.case_id)!, today), `advice:${r.id}`) ?? null;
    return { ...r, step, isNew: r.requested >= newSince };
  });
  return {
    tasks,
    sent: sentRows,
    total,
    waiting,
    sentTotal,
    page: current,
    pages,
    sentPage: currentSent,
    sentPages,
  };
}
