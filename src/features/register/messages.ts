/**
 * What the person who raised an item is told by email when it is acknowledged and answered (S12: the
 * acknowledgement, who handles it, the reply date with its rule, the answer, the next stage and the Ombudsman's
 * route). Queued in the change's own transaction through the notify outbox, so a rolled-back change sends nothing.
 * The family's page (`/your-say/:id`) shows the same facts.
 */
import { z } from 'zod';
import { longDate } from '../../domain/calendar.ts';
import {
  KIND_LABELS,
  nextDue,
  nextStageText,
  OMBUDSMAN,
  hasStages,
  type ItemFacts,
  type RegisterPolicy,
} from '../../domain/register/index.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { paths } from '../../platform/web/paths.ts';
import type { ItemRow } from './store.ts';

export const REGISTER_TEMPLATES = {
  'register-acknowledged': {
    subject: 'We have your ((kind)): ((reference))',
    body: 'Hello ((name)),\n\n((council)) has received your ((kind)) of ((received)). Your reference is ((reference)).\n\nWho is handling it: ((owner)).\n\nWe will reply by ((due)). ((rule))\n\n((next))((link))',
  },
  'register-answered': {
    subject: 'Our answer to your ((kind)): ((reference))',
    body: 'Hello ((name)),\n\n((council)) has answered your ((kind)) ((reference))((stage)) on ((answered)).\n\n((answer))\n\n((next))((link))',
  },
} as const;

/** The actions that tell the family. */
export const TOLD_ACTIONS = ['acknowledge', 'answer', 'answer-stage-2'] as const;
export type ToldAction = (typeof TOLD_ACTIONS)[number];
export const isToldAction = (a: string): a is ToldAction => (TOLD_ACTIONS as readonly string[]).includes(a);

const email = z.string().trim().email();

/** Where the raiser can be emailed: their account's address or the contact they gave, when it is an email. */
export function raiserEmail(item: Pick<ItemRow, 'raiser_contact'>): string | null {
  const parsed = email.safeParse(item.raiser_contact ?? '');
  return parsed.success ? parsed.data : null;
}

/** The Ombudsman's route, for the kinds that have stages. */
function nextText(facts: ItemFacts): string {
  const text = nextStageText(facts);
  if (!text) return '';
  return `${text}\n\nThe ${OMBUDSMAN.name}: ${OMBUDSMAN.url}, phone ${OMBUDSMAN.phone}.\n\n`;
}

/** The email's fields for one action on an item as it now stands (pure: tested on its own). */
export function registerMessage(
  action: ToldAction,
  item: ItemRow,
  facts: ItemFacts,
  policy: RegisterPolicy,
  council: string,
  ownerName: string | null,
): { template: keyof typeof REGISTER_TEMPLATES; personalisation: Record<string, string> } {
  const kind = KIND_LABELS[item.kind].toLowerCase();
  const link = item.raised_by
    ? `You can read it when you sign in to Goldthread: ${paths.register.familyItem(item.id)}`
    : `Please quote ${item.reference} if you contact us about it.`;
  const base = { name: item.raiser_name || 'there', council, kind, reference: item.reference, link };
  if (action === 'acknowledge') {
    const due = nextDue(facts, policy);
    return {
      template: 'register-acknowledged',
      personalisation: {
        ...base,
        received: longDate(item.received_on),
        owner: ownerName ?? 'the SEND team',
        due: due ? longDate(due.date) : 'as soon as we can',
        rule: due ? `(${due.rule}: ${due.source}.)` : '',
        next: hasStages(item.kind) ? nextText(facts) : '',
      },
    };
  }
  const stage2 = action === 'answer-stage-2';
  return {
    template: 'register-answered',
    personalisation: {
      ...base,
      stage: stage2 ? ' at stage 2' : hasStages(item.kind) ? ' at stage 1' : '',
      answered: longDate((stage2 ? item.stage2_answered_on : item.answered_on) ?? item.received_on),
      answer: (stage2 ? item.stage2_answer : item.answer) ?? '',
      next: nextText(facts),
    },
  };
}

/** Queues the email to whoever raised the item, if they gave an email address; returns whether one was queued. */
export async function tellRaiser(
  x: { readonly trx: Executor; readonly jobs: Jobs },
  laCode: string,
  action: ToldAction,
  item: ItemRow,
  facts: ItemFacts,
  policy: RegisterPolicy,
  ownerName: string | null,
): Promise<boolean> {
  const to = raiserEmail(item);
  if (!to) return false;
  const settings = await authoritySettings(x.trx, laCode);
  const message = registerMessage(action, item, facts, policy, settings.name, ownerName);
  await queueNotification(x.trx, x.jobs, {
    laCode,
    channel: 'email',
    recipient: to,
    template: message.template,
    personalisation: message.personalisation,
    childId: item.child_id,
    userId: item.raised_by,
  });
  return true;
}
