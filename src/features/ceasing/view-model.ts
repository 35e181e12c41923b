/** The ceasing page's view model, a pure function of the service's answer and the form's values (tested alone). */
import {
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES,
  CEASE_GROUND_INFO,
  CEASE_GROUNDS,
  CESSATION_STATE_LABELS,
} from '../../domain/review/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import type { PlanEnding } from './service.ts';

const STATUS_TEXT = {
  met: { text: 'Sent on time', colour: 'green' },
  late: { text: 'Sent late', colour: 'red' },
  open: { text: 'Not sent yet', colour: 'grey' },
  overdue: { text: 'Overdue', colour: 'red' },
} as const;

/** The transfer form filled from the move on record, until the user has typed something. */
function transferValues(view: PlanEnding, values: Record<string, string>): Record<string, string> {
  const t = view.transferOut?.row;
  if (!t || Object.keys(values).length > 0) return values;
  return {
    toAuthority: t.to_authority,
    toAuthorityCode: t.to_authority_code ?? '',
    ...dateInputValues('learnedOn', t.learned_on),
    ...dateInputValues('moveDate', t.move_date),
    ...dateInputValues('sentOn', t.sent_on),
    ...dateInputValues('healthToldOn', t.health_told_on),
  };
}

export function ceasingPageModel(view: PlanEnding, submitted: Record<string, string>) {
  const values = transferValues(view, submitted);
  const under18Grounds = new Set(CEASE_GROUNDS.filter((g) => CEASE_GROUND_INFO[g].under18));
  return {
    view,
    values,
    stateLabels: CESSATION_STATE_LABELS,
    appealOutcomeLabels: APPEAL_OUTCOME_LABELS,
    ceased: view.planStatus === 'ceased',
    /** Which procedure the step forms act on (the one going on). */
    current: view.open,
    groundItems: CEASE_GROUNDS.map((g) => ({
      value: g,
      text: CEASE_GROUND_INFO[g].label,
      hint: {
        text: `SEN2 reason ${CEASE_GROUND_INFO[g].sen2}.${under18Grounds.has(g) ? '' : ' Only for a young person aged 18 or over.'}`,
      },
      checked: values.ground === g,
    })),
    outcomeItems: [
      {
        value: 'cease',
        text: 'Stop the plan',
        hint: {
          text: 'The plan stays in force until the family can no longer appeal, or their appeal ends.',
        },
        checked: values.outcome === 'cease',
      },
      {
        value: 'not-cease',
        text: 'Keep the plan',
        hint: { text: 'After consulting, the council decided not to stop it.' },
        checked: values.outcome === 'not-cease',
      },
    ],
    appealOutcomeItems: [
      { value: '', text: 'Not ended yet', selected: !values.appealOutcome },
      ...APPEAL_OUTCOMES.map((o) => ({
        value: o,
        text: APPEAL_OUTCOME_LABELS[o],
        selected: values.appealOutcome === o,
      })),
    ],
    reviewItems: [
      { value: '', text: 'Not from a review', checked: !values.reviewId },
      ...view.reviewsAwaitingDecision.map((r) => ({
        value: r.id,
        text: `Review ${r.number}, held ${longDate(r.held)}`,
        checked: values.reviewId === r.id,
      })),
    ],
    transferStatus: view.transferOut ? STATUS_TEXT[view.transferOut.status] : null,
  };
}
