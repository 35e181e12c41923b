/**
 * Reminders of the family's comments on proposed amendments, as a daily job (docs/reviews.md "Reminders"): each
 * parent or young person linked to the child who has not commented on the proposal is reminded once, in the last 5
 * days of their 15 (reg 22(2)(c)), of the last day to comment, ask for a meeting or ask for a school; each parent
 * with parental responsibility and no account is reminded by the route they have, by email or by post (ADR 0048),
 * with who to contact instead of a link to sign in. Claimed through the reviews feature's `claimReminder` in the
 * same transaction as the message, so a run repeated never sends twice.
 */
import { longDate } from '../../domain/calendar.ts';
import { formatDate, parseDate } from '../../domain/clock/dates.ts';
import { datesOf } from '../../domain/review/index.ts';
import type { JobDeps, Jobs } from '../../platform/jobs/jobs.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import { LETTER_LINES, queueNotification } from '../../platform/notify/notify.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { familyContactsFor } from '../../platform/people/recipients.ts';
import { authorityCodes } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { familyCommentersOf } from '../plans/index.ts';
import { claimReminder } from '../reviews/index.ts';
import { familyContactLine } from '../notices/index.ts';
import { factsOf } from './support.ts';
import { proposalsSentBetween } from './store.ts';

export const COMMENTS_REMINDER_QUEUE = 'amendment-comments-reminders';
/** The reminder goes when this many days or fewer of the 15 are left. */
export const COMMENTS_REMINDER_DAYS = 5;

export const REMINDER_TEMPLATES = {
  'amendment-comments-reminder': {
    subject: 'Reminder: comment on the proposed changes to ((child))’s EHC plan by ((due))',
    body: 'Hello ((name)),\n\nThe council sent you proposed changes to ((child))’s education, health and care (EHC) plan on ((sent)). You have until ((due)) to comment on them, to ask for a meeting with the council, and to ask for a particular school, college or other setting to be named.\n\nWhat happens next: sign in to Goldthread to read the changes and tell us what you think: ((link))',
  },
  // For a parent without an account, by email or by post: who to contact, not a link to sign in.
  'amendment-comments-reminder-contact': {
    subject: 'Reminder: comment on the proposed changes to ((child))’s EHC plan by ((due))',
    body: 'Dear ((name)),\n\nThe council sent you proposed changes to ((child))’s education, health and care (EHC) plan on ((sent)). You have until ((due)) to comment on them, to ask for a meeting with the council, and to ask for a particular school, college or other setting to be named.\n\nWhat happens next: tell ((contact)) what you think by ((due)), by email, phone or letter. If you have already sent your comments, thank you: you do not need to do anything more.',
  },
} as const;

const plus = (iso: string, days: number) => formatDate(parseDate(iso) + days);

/** Sends today's reminders of comments for one authority; returns how many were sent. */
export async function runCommentReminders(
  db: Kysely<DB>,
  jobs: Jobs,
  laCode: string,
  today: string,
): Promise<number> {
  // The 15 days end proposal + 14: those ending within the next 5 days were sent from 14 + 5 days ago to 14 days ago.
  const rows = await proposalsSentBetween(
    db,
    laCode,
    plus(today, -14 - COMMENTS_REMINDER_DAYS),
    plus(today, -14 + COMMENTS_REMINDER_DAYS),
  );
  let sent = 0;
  for (const row of rows) {
    const end = datesOf(factsOf(row))?.commentsEnd.date;
    if (!end || end < today || end > plus(today, COMMENTS_REMINDER_DAYS)) continue;
    sent += await db.transaction().execute(async (trx) => {
      let n = 0;
      const child = (await childNames(trx, laCode, [row.child_id])).get(row.child_id);
      const commented = row.proposal_version_id
        ? await familyCommentersOf(trx, laCode, row.plan_id, row.proposal_version_id)
        : new Set<string>();
      const facts = {
        child: child?.given_name ?? 'your child',
        sent: longDate(row.proposal_sent!),
        due: longDate(end),
      };
      let contact: string | undefined;
      for (const p of await familyContactsFor(trx, laCode, row.child_id)) {
        if (p.route === 'account' && commented.has(p.userId)) continue;
        const who = p.route === 'account' ? { userId: p.userId } : { familyMemberId: p.familyMemberId };
        const claimed = await claimReminder(trx, {
          laCode,
          kind: 'proposal-comments',
          recordId: row.id,
          childId: row.child_id,
          due: end,
          ...who,
        });
        if (!claimed) continue;
        if (p.route === 'account')
          await queueNotification(trx, jobs, {
            laCode,
            channel: 'email',
            recipient: p.email,
            template: 'amendment-comments-reminder',
            personalisation: {
              name: p.name ?? 'there',
              ...facts,
              link: paths.amendments.notice(row.plan_id),
            },
            childId: row.child_id,
            userId: p.userId,
          });
        else {
          contact ??= await familyContactLine(trx, laCode, row.child_id);
          await queueNotification(trx, jobs, {
            laCode,
            channel: p.route === 'post' ? 'letter' : 'email',
            recipient: p.route === 'post' ? p.address.join(LETTER_LINES) : p.email,
            template: 'amendment-comments-reminder-contact',
            personalisation: { name: p.name, ...facts, contact },
            childId: row.child_id,
          });
        }
        n++;
      }
      return n;
    });
  }
  return sent;
}

export function registerAmendmentJobs(deps: JobDeps): void {
  deps.jobs.handle(COMMENTS_REMINDER_QUEUE, async (data) => {
    const today = (data as { today?: string }).today ?? todayInLondon();
    const db = deps.database.db;
    for (const laCode of await authorityCodes(db)) await runCommentReminders(db, deps.jobs, laCode, today);
  });
  deps.jobs.schedule(COMMENTS_REMINDER_QUEUE, '15 7 * * *');
}
