/**
 * What a family must do, and by when (issue 18 item 1: families lead with their own next step). From the facts of
 * each child's assessment and review, the things asked of the parent or young person, soonest first, each as one
 * plain sentence: give their views, comment on a draft plan or on proposed amendments to a plan, appeal against a decision, send their views before a
 * review, say which school they prefer at a phase transfer. What the council is waiting for comes after, elsewhere.
 * Pure: the caller passes today.
 */
import { longDate } from './calendar.ts';

export type FamilyTaskKind =
  'views' | 'draft-comments' | 'proposal-comments' | 'appeal' | 'review-views' | 'transfer-preference';

export interface FamilyTask {
  readonly kind: FamilyTaskKind;
  /** The child's first name (the young person's own tasks speak to "you"). */
  readonly childName: string;
  /** The last day, 'YYYY-MM-DD'; null when there is none. */
  readonly by: string | null;
  /** Asked by a date that is a request, not a legal time limit (the family's own views, D4): never "late". */
  readonly requestOnly: boolean;
  readonly href: string;
  /** For an appeal: the decision, in words (for example "Zofia's final plan"). */
  readonly what?: string;
}

/** What the caller knows of one child: each field is what is open today, or null. */
export interface FamilyFacts {
  readonly childName: string;
  /** The council asked for the family's own views and they have not been sent. */
  readonly viewsAsked?: { readonly by: string; readonly href: string } | null;
  /** A draft plan (a first plan's, or a reassessment's) is open for comment until `to`. */
  readonly draftComments?: { readonly to: string; readonly href: string } | null;
  /** Proposed amendments to the issued plan are open for comment until `to` (reg 22(2): 15 days). */
  readonly proposalComments?: { readonly to: string; readonly href: string } | null;
  /** A decision the family can appeal against, with the last day to appeal. */
  readonly appeal?: { readonly by: string; readonly what: string; readonly href: string } | null;
  /** A review meeting is arranged and the family's views are not sent yet. */
  readonly reviewViews?: { readonly by: string; readonly href: string } | null;
  /** A phase transfer: the family's preference is asked for and not given yet. */
  readonly transferPreference?: { readonly by: string | null; readonly href: string } | null;
}

const order = (a: FamilyTask, b: FamilyTask) =>
  (a.by ?? '9999-12-31').localeCompare(b.by ?? '9999-12-31') || a.kind.localeCompare(b.kind);

/** Every task asked of the family today, soonest first; a closed window (its last day before today) is left out. */
export function familyTasks(children: readonly FamilyFacts[], asOf: string): FamilyTask[] {
  const out: FamilyTask[] = [];
  for (const c of children) {
    const add = (
      kind: FamilyTaskKind,
      by: string | null,
      href: string,
      requestOnly = false,
      what?: string,
    ) => {
      // A request's date may pass (it is not a time limit); a legal window closes on its last day.
      if (!requestOnly && by !== null && by < asOf) return;
      out.push({ kind, childName: c.childName, by, requestOnly, href, ...(what ? { what } : {}) });
    };
    if (c.viewsAsked) add('views', c.viewsAsked.by, c.viewsAsked.href, true);
    if (c.draftComments) add('draft-comments', c.draftComments.to, c.draftComments.href);
    if (c.proposalComments) add('proposal-comments', c.proposalComments.to, c.proposalComments.href);
    // While a draft is open for comment there is nothing yet to appeal against.
    if (c.appeal && !c.draftComments) add('appeal', c.appeal.by, c.appeal.href, false, c.appeal.what);
    if (c.reviewViews) add('review-views', c.reviewViews.by, c.reviewViews.href, true);
    // The latest day for a transfer preference is a planning date (docs/transfers.md), not a legal time limit: the
    // family can still state one after it, so it stays on the list, never "late".
    if (c.transferPreference)
      add('transfer-preference', c.transferPreference.by, c.transferPreference.href, true);
  }
  return out.sort(order);
}

/**
 * The task as one sentence to the person signed in: a parent reads their child's name, a young person reads "you"
 * and "your". `what` names the decision for an appeal (for example "the final plan").
 */
export function familyTaskSentence(task: FamilyTask, self: boolean, asOf: string): string {
  const whose = self ? 'your' : `${task.childName}'s`;
  const about = self ? 'you' : task.childName;
  const by = task.by ? longDate(task.by) : null;
  switch (task.kind) {
    case 'views':
      return by && task.by! < asOf
        ? `Send your views about ${self ? 'yourself' : about}. The council asked for them by ${by}: you can still send them.`
        : `Send your views about ${self ? 'yourself' : about}${by ? ` by ${by}` : ''}.`;
    case 'draft-comments':
      return `Comment on ${whose} draft plan by ${by}. You can also ask for a meeting and say which school or college you want named.`;
    case 'proposal-comments':
      return `Comment on the changes the council proposes to ${whose} plan by ${by}. You can also ask for a meeting and say which school or college you want named.`;
    case 'appeal':
      return `If you disagree with ${task.what ?? 'the decision'}, you can appeal to the tribunal by ${by}.`;
    case 'review-views':
      return by && task.by! < asOf
        ? `Send your views for ${whose} annual review. The council asked for them by ${by}: you can still send them before the meeting.`
        : `Send your views for ${whose} annual review${by ? ` by ${by}` : ''}, so everyone can read them before the meeting.`;
    case 'transfer-preference':
      return by && task.by! < asOf
        ? `Tell the council which school or college you want${self ? '' : ` for ${about}`}. The council asked by ${by}: you can still tell them, and the sooner the better.`
        : `Tell the council which school or college you want${self ? '' : ` for ${about}`}${by ? ` by ${by}` : ''}.`;
  }
}
