/**
 * What the Local Offer's rules share: the messages about providers' edits, who may manage entries (the editor, or the
 * editor and providers), and when a checked entry is due again. The rules themselves are in public.ts, usage.ts,
 * feedback.ts, editing.ts, approvals.ts, providers.ts and home.ts. Every change is one transaction with an audit
 * entry. Providers may touch only their own organisations' entries (anything else answers 404); pages for editors
 * answer 403 to every other role.
 */
import type { Role } from '../../platform/db/schema/index.ts';
import type { Template } from '../../platform/notify/templates.ts';

/** The messages about providers' edits (registered by the composition root from the feature's index.ts). */
export const EDIT_TEMPLATES = {
  'local-offer-edit-approved': {
    subject: 'Your change to ((service)) is published',
    body:
      'Hello,\n\nThe Local Offer editor checked your change to "((service))" (((fields))) and published it. ' +
      'Families can see it now, and the entry is marked as checked today.\n\n((note))\n\nYou do not need to do ' +
      'anything else until we remind you to check the entry again.',
  },
  'local-offer-edit-rejected': {
    subject: 'Your change to ((service)) was not published',
    body:
      'Hello,\n\nThe Local Offer editor checked your change to "((service))" (((fields))) and did not publish it. ' +
      'The entry still shows what it showed before.\n\n((note))\n\nWhat to do: sign in, open the entry and send ' +
      'the change again with what the editor asked for, or reply to the Local Offer team.',
  },
} satisfies Record<string, Template>;

export const EDITOR_ROLES: readonly Role[] = ['local-offer-editor'];
export const MANAGE_ROLES: readonly Role[] = ['local-offer-editor', 'local-offer-provider'];

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A checked entry is due again in a year. */
export const REVIEW_PERIOD_DAYS = 365;
