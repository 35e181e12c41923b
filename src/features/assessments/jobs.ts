/**
 * Advice reminders and escalation, as a daily job. For each advice request still waiting, the clock gives its step:
 * two weeks before the due date (14 days or fewer remaining) and three days before (3 or fewer), the professional
 * (or, with no named professional, the caseworker) is reminded; once overdue, the team's managers are told. Each
 * message is claimed by setting its timestamp in the same transaction that queues it, so a run repeated, or two
 * runs at once, never send twice.
 */
import { lowerFirst } from '../../platform/text.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { AGENCY_LABELS, caseTimeline, plural, stepById } from '../../domain/assessment/journey.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childIdentities } from '../../platform/people/children.ts';
import { teamManagers, usersByIds } from '../../platform/people/users.ts';
import { loadFacts } from './store.ts';
import { longDate } from '../../domain/calendar.ts';

export const ADVICE_REMINDER_QUEUE = 'assessment-advice-reminders';

type Column = 'reminder_two_weeks_at' | 'reminder_three_days_at' | 'escalated_at';

function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function runAdviceReminders(
  db: Kysely<DB>,
  jobs: Jobs,
  today: string,
): Promise<{ reminders: number; escalations: number }> {
  // Candidates: waiting advice whose (clock) due date is within 14 days or past, with a message not yet sent.
  const candidates = await db
    .selectFrom('assessment_advice as a')
    .innerJoin('assessment_case as k', (j) =>
      j.onRef('k.la_code', '=', 'a.la_code').onRef('k.id', '=', 'a.case_id'),
    )
    .select([
      'a.la_code',
      'a.id',
      'a.case_id',
      'a.child_id',
      'a.agency',
      'a.service_name',
      'a.requested',
      'a.reminder_two_weeks_at',
      'a.reminder_three_days_at',
      'a.escalated_at',
      'k.team_id',
      'a.professional_user_id',
      'k.officer_id',
    ])
    .where('a.received', 'is', null)
    .where('k.is_open', '=', true)
    .where('a.due', '<=', plusDays(today, 14))
    .where((eb) =>
      eb.or([
        eb('a.reminder_two_weeks_at', 'is', null),
        eb('a.reminder_three_days_at', 'is', null),
        eb('a.escalated_at', 'is', null),
      ]),
    )
    .orderBy('a.la_code')
    .orderBy('a.due')
    .execute();
  let reminders = 0;
  let escalations = 0;
  const byLa = new Map<string, typeof candidates>();
  for (const c of candidates) byLa.set(c.la_code, [...(byLa.get(c.la_code) ?? []), c]);
  for (const [laCode, rows] of byLa) {
    const facts = await loadFacts(db, laCode, [...new Set(rows.map((r) => r.case_id))]);
    // The children and the people named, from the core records.
    const children = await childIdentities(
      db,
      laCode,
      rows.map((r) => r.child_id),
    );
    const people = await usersByIds(db, laCode, [
      ...rows.map((r) => r.professional_user_id),
      ...rows.map((r) => r.officer_id),
    ]);
    for (const r of rows) {
      const named = children.get(r.child_id);
      if (!named) continue;
      const professional = r.professional_user_id === null ? undefined : people.get(r.professional_user_id);
      const officer = r.officer_id === null ? undefined : people.get(r.officer_id);
      const step = stepById(caseTimeline(facts.get(r.case_id)!, today), `advice:${r.id}`);
      if (!step || step.completed) continue;
      let column: Column | null = null;
      if (step.status === 'overdue') column = r.escalated_at ? null : 'escalated_at';
      else if (step.daysRemaining !== null && step.daysRemaining <= 3)
        column = r.reminder_three_days_at ? null : 'reminder_three_days_at';
      else if (step.daysRemaining !== null && step.daysRemaining <= 14)
        column = r.reminder_two_weeks_at ? null : 'reminder_two_weeks_at';
      if (!column) continue;
      const agency =
        lowerFirst(AGENCY_LABELS[r.agency] ?? r.agency) + (r.service_name ? ` (${r.service_name})` : '');
      const child = `${named.given_name} ${named.family_name} (${named.reference})`;
      const sent = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('assessment_advice')
          .set({
            [column]: new Date(),
            // A three-day reminder makes the two-week one pointless; an escalation ends the reminders.
            ...(column !== 'reminder_two_weeks_at' ? { reminder_two_weeks_at: new Date() } : {}),
            ...(column === 'escalated_at' ? { reminder_three_days_at: new Date() } : {}),
          })
          .where('la_code', '=', laCode)
          .where('id', '=', r.id)
          .where(column, 'is', null)
          .where('received', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!claimed) return 0;
        if (column === 'escalated_at') {
          const managers = await teamManagers(trx, laCode, r.team_id);
          for (const m of managers) {
            await queueNotification(trx, jobs, {
              laCode,
              channel: 'email',
              recipient: m.email,
              template: 'advice-overdue',
              personalisation: {
                name: m.display_name,
                agency,
                child,
                due: longDate(step.due),
                adviser: professional?.display_name ?? 'the service',
                requested: longDate(r.requested),
                officer: officer?.display_name ?? 'not named yet',
              },
              childId: r.child_id,
              userId: m.id,
            });
          }
          await recordCaseEvent(
            { trx, actor: { laCode, userId: null } },
            {
              childId: r.child_id,
              kind: 'advice-escalated',
              summary: `Advice overdue (${agency}, due ${longDate(step.due)}): team manager told`,
              detail: { caseId: r.case_id, adviceId: r.id },
            },
          );
          return managers.length ? 2 : 0;
        }
        const person = professional ?? officer;
        const to = person ? { id: person.id, email: person.email, name: person.display_name } : null;
        if (!to) return 0;
        await queueNotification(trx, jobs, {
          laCode,
          channel: 'email',
          recipient: to.email,
          template: 'advice-reminder',
          personalisation: {
            name: to.name,
            agency,
            child,
            due: longDate(step.due),
            daysLeft: step.daysRemaining === 0 ? 'less than a day' : plural(step.daysRemaining ?? 0, 'day'),
          },
          childId: r.child_id,
          userId: to.id,
        });
        return 1;
      });
      if (sent === 1) reminders++;
      if (sent === 2) escalations++;
    }
  }
  return { reminders, escalations };
}

export function registerAssessmentJobs(deps: JobDeps): void {
  deps.jobs.handle(ADVICE_REMINDER_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    await runAdviceReminders(deps.database.db, deps.jobs, today);
  });
  deps.jobs.schedule(ADVICE_REMINDER_QUEUE, '0 7 * * *');
}
