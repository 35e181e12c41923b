/** The inbox page's view model: the decisions sent to the user's organisation (docs/rights.md). Pure. */
import { longDate } from '../../domain/calendar.ts';
import type { InboxKind, InboxReason } from '../../platform/db/schema/index.ts';
import { paths } from '../../platform/web/paths.ts';
import { PLAN_LETTER_LABELS, type PlanLetterKind } from './letters.ts';
import { NOTICE_LABELS } from './notice.ts';

export const REASON_LABELS: Record<InboxReason, string> = {
  commissioner: 'Health commissioning body',
  'social-care': 'Social care',
  school: 'The child attends your setting',
  'named-setting': 'The plan names your setting',
};

export interface InboxRow {
  /** An assessment decision's notice: its case and kind. */
  readonly case_id?: string;
  readonly kind?: InboxKind;
  /** Or a letter about a plan (letters.ts). */
  readonly letter?: { readonly kind: PlanLetterKind; readonly recordId: string };
  readonly created?: Date | string;
  readonly decision_date: string;
  readonly reason: InboxReason;
  readonly read_at: Date | string | null;
  readonly child?: { given_name: string; family_name: string; reference: string } | undefined;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function inboxView(organisation: string | null, items: readonly InboxRow[]) {
  return {
    pageTitle: 'Decisions sent to you',
    organisation: organisation ?? 'No organisation',
    rows: items.map((i) => [
      {
        html: `<a class="govuk-link" href="${escape(
          i.letter
            ? paths.notices.letter(i.letter.kind, i.letter.recordId)
            : paths.notices.notice(i.case_id!, i.kind!),
        )}">${escape(
          i.child ? `${i.child.given_name} ${i.child.family_name}` : 'Child',
        )}</a>${i.child ? ` <span class="govuk-hint">${escape(i.child.reference)}</span>` : ''}`,
      },
      { text: i.letter ? PLAN_LETTER_LABELS[i.letter.kind] : NOTICE_LABELS[i.kind!] },
      { text: longDate(i.decision_date) },
      { text: REASON_LABELS[i.reason] },
      {
        html: i.read_at
          ? '<strong class="govuk-tag govuk-tag--grey">Read</strong>'
          : '<strong class="govuk-tag govuk-tag--blue">New</strong>',
      },
    ]),
  };
}
