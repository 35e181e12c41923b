/**
 * Reminders before a review's dates, as a daily job (issue 12 item 2; docs/reviews.md "Reminders"): a professional
 * whose review advice is due within a week (the clock's "advice sent round" date, 2 weeks before the meeting) is
 * reminded once; a family (each parent or young person linked to the child) who has not sent their views is reminded
 * once in the week before the day the views are asked by. Each reminder is claimed by its row in
 * `plan_review_reminder`, written in the same transaction as the message, so a run repeated, or two runs at once,
 * never send twice; a meeting moved gives new dates and so new reminders. The amendments feature reminds families
 * of their comments through `claimReminder` too.
 */
import { longDate } from '../../domain/calendar.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import { viewsAskedBy } from '../../domain/review/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  adviceAwaitingReminder,
  claimReminder,
  reviewsMeetingBetween,
  viewAuthorsOf,
} from './store/reminders.ts';

/** How many days before a date the reminder goes. */
export const REMINDER_DAYS = 7;

const plus = (iso: string, days: number) => formatDate(parseDate(iso) + days);

const AGENCY_WORDS: Record<string, string> = {
  health: 'health',
  'social-care': 'social care',
  'educational-psychology': 'educational psychology',
  setting: 'the school or setting’s',
  other: '',
};

export const REMINDER_TEMPLATES = {
  'review-advice-reminder': {
    subject: 'Reminder: your advice for ((child))’s annual review is due by ((due))',
    body: 'Hello ((name)),\n\nYou were asked for ((agency))advice for the annual review of ((child))’s education, health and care plan. It is due by ((due)), so it can be sent round to everyone invited 2 weeks before the meeting on ((meeting)).\n\nWhat happens next: sign in to Goldthread to send it: ((link))',
  },
  'review-views-reminder': {
    subject: 'Reminder: send your views for ((child))’s annual review by ((due))',
    body: 'Hello ((name)),\n\nThe annual review meeting of ((child))’s education, health and care plan is on ((meeting)). We would like your views by ((due)), so everyone can read them before the meeting.\n\nWhat happens next: sign in to Goldthread to write them. You can save them and come back later. ((link))',
  },
} as const;

/** Sends the reminders due today for one authority; returns how many of each were sent. */
export async function runReviewReminders(
  db: Kysely<DB>,
  jobs: Jobs,
  laCode: string,
  today: string,
): Promise<{ advice: number; views: number }> {
  let advice = 0;
  let views = 0;
  const horizon = plus(today, REMINDER_DAYS);
  for (const a of await adviceAwaitingReminder(db, laCode, today, horizon)) {
    const sent = await db.transaction().execute(async (trx) => {
      const person = await userWithTeam(trx, laCode, a.professional_user_id);
      if (!person?.active) return false;
      if (
        !(await claimReminder(trx, {
          laCode,
          kind: 'review-advice',
          recordId: a.id,
          childId: a.child_id,
          userId: person.id,
          due: a.due,
        }))
      )
        return false;
      const child = await childName(trx, laCode, a.child_id);
      await queueNotification(trx, jobs, {
        laCode,
        channel: 'email',
        recipient: person.email,
        template: 'review-advice-reminder',
        personalisation: {
          name: person.display_name,
          agency: AGENCY_WORDS[a.agency] ? `${AGENCY_WORDS[a.agency]} ` : '',
          child,
          due: longDate(a.due),
          meeting: a.meeting_date ? longDate(a.meeting_date) : 'to be arranged',
          link: paths.reviewVoices.task(a.id),
        },
        childId: a.child_id,
        userId: person.id,
      });
      return true;
    });
    if (sent) advice++;
  }
  // Views are asked by the advice date (meeting - 14): a meeting within 14 + 7 days has its date within the week.
  const reviews = await reviewsMeetingBetween(db, laCode, plus(today, 14), plus(horizon, 14));
  const authors = await viewAuthorsOf(
    db,
    laCode,
    reviews.map((r) => r.id),
  );
  for (const r of reviews) {
    const due = viewsAskedBy(r.meeting_date!).date;
    if (due < today || due > horizon) continue;
    const sent = await db.transaction().execute(async (trx) => {
      let n = 0;
      const family = await recipientsFor(trx, laCode, r.child_id, { family: true });
      for (const p of family) {
        if (!p.userId || authors.get(r.id)?.has(p.userId)) continue;
        if (
          !(await claimReminder(trx, {
            laCode,
            kind: 'review-views',
            recordId: r.id,
            childId: r.child_id,
            userId: p.userId,
            due,
          }))
        )
          continue;
        await queueNotification(trx, jobs, {
          laCode,
          channel: 'email',
          recipient: p.email,
          template: 'review-views-reminder',
          personalisation: {
            name: p.name ?? 'there',
            child: (await childName(trx, laCode, r.child_id, true)) || 'your child',
            due: longDate(due),
            meeting: longDate(r.meeting_date!),
            link: paths.reviewVoices.family(r.id),
          },
          childId: r.child_id,
          userId: p.userId,
        });
        n++;
      }
      return n;
    });
    views += sent;
  }
  return { advice, views };
}

async function childName(db: Executor, laCode: string, childId: string, given = false): Promise<string> {
  const c = (await childNames(db, laCode, [childId])).get(childId);
  if (!c) return '';
  return given ? c.given_name : `${c.given_name} ${c.family_name} (${c.reference})`;
}
