/**
 * Telling families about the phase transfer (S2 "Family must be told"; issue 13 item 4; docs/transfers.md): at the
 * start of the cohort, what will happen and by when (the legal deadline and the latest day for the preference), once
 * a child and school year, from the board; and when the council has their preference, what happens next. Through the
 * notification outbox (queued in the change's transaction), to the family's linked accounts or, with none, the first
 * family member with parental responsibility and an email address.
 */
import { longDate } from '../../domain/calendar.ts';
import { familyStartSentence, type TransferDates } from '../../domain/transfer/index.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { paths } from '../../platform/web/paths.ts';

export const TRANSFER_TEMPLATES = {
  'transfer-start': {
    subject: '((child)) moves to a new school or college in September ((year))',
    body: 'Hello,\n\n((child)) moves to a new school or college in September ((year)). ((sentence))\n\nWhat happens next: we hold ((child))’s review meeting, then ask each school or college you choose whether it can meet ((child))’s needs, and send you the changes we propose to the plan. You have 15 days to comment on them. See the dates, and tell us which school or college you want, when you sign in to Goldthread: ((link))',
  },
  'transfer-preference': {
    subject: 'We have your preference for ((child))’s next school or college',
    body: 'Hello,\n\nWe have your preference for ((setting)), received on ((received)).\n\nWhat happens next: we ask ((setting)) whether it can meet ((child))’s needs, and send you the changes we propose to the plan by ((proposal)). The amended plan must name the school or college by ((deadline)). See where things stand: ((link))',
  },
} as const;

type Ctx = Pick<ChangeContext, 'trx' | 'jobs' | 'actor'>;

async function familyOf(ctx: Ctx, childId: string) {
  return recipientsFor(ctx.trx, ctx.actor.laCode, childId, { family: true, unlinkedFamily: true });
}

/** The start-of-cohort message to the child's family; returns how many it went to. */
export async function tellCohortStart(
  ctx: Ctx,
  child: { readonly id: string; readonly givenName: string },
  moveYear: number,
  dates: TransferDates,
): Promise<number> {
  const people = await familyOf(ctx, child.id);
  for (const person of people) {
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode: ctx.actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: 'transfer-start',
      personalisation: {
        child: child.givenName,
        year: String(moveYear),
        sentence: familyStartSentence(dates),
        link: paths.transfers.family(child.id),
      },
      childId: child.id,
      ...(person.userId ? { userId: person.userId } : {}),
    });
  }
  return people.length;
}

/** What happens next once the council has the family's preference. */
export async function tellPreferenceReceived(
  ctx: Ctx,
  child: { readonly id: string; readonly givenName: string },
  setting: string,
  received: string,
  dates: TransferDates,
): Promise<void> {
  for (const person of await familyOf(ctx, child.id)) {
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode: ctx.actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: 'transfer-preference',
      personalisation: {
        child: child.givenName,
        setting,
        received: longDate(received),
        proposal: longDate(dates.latestProposal.date),
        deadline: longDate(dates.deadline.date),
        link: paths.transfers.family(child.id),
      },
      childId: child.id,
      ...(person.userId ? { userId: person.userId } : {}),
    });
  }
}
