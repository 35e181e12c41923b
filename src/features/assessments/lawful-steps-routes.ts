/**
 * The case forms for the lawful steps (issue 10 items 2 and 3): reusing existing advice with the family's agreement
 * (J3), confirming that an exception caused the delay (J10), and closing a request as withdrawn or moved out of the
 * area. Each is a caseForm (routes.ts): validate, run the change in one transaction, back to the case.
 */
import { z } from 'zod';
import { ADVICE_AGENCIES } from '../../platform/db/schema/index.ts';
import { EXCEPTION_LABELS, stepLabel } from '../../domain/assessment/journey.ts';
import { CLOSED_REASON_LABELS, REQUIRED_ADVICE } from '../../domain/assessment/lawful-steps.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { optional, text } from './forms.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { closeRequest, confirmException, recordAdviceReuse } from './lawful-steps.ts';
import type { CaseForm } from './routes.ts';
import type { CaseView } from './case-view.ts';

const token = z.string().trim().min(8).max(100);

export const reuseSchema = z.object({
  agency: z.enum(ADVICE_AGENCIES, { error: 'Select which advice is reused' }),
  existingAdvice: text('Enter the existing advice being reused, with its date', 2000, 'Existing advice'),
  agreed: z.literal('yes', { error: 'Confirm that the family agreed the existing advice is enough' }),
  token,
});

export const confirmSchema = z.object({
  exception: z.uuid({ error: 'Select the exception to confirm' }),
  reason: text('Enter how this held up the step, in words the family will read', 2000, 'Reason'),
  token,
});

export const closeSchema = z.object({
  reason: z.enum(['withdrawn', 'moved-out'], { error: 'Select why the request is closing' }),
  notes: optional(2000, 'Notes'),
  token,
});

/** Each recorded exception with what the clock says about it for every step it could relieve. */
export function exceptionsForView(view: Pick<CaseView, 'exceptions' | 'timeline' | 'adviceLabels'>) {
  return view.exceptions.map((e) => {
    const checks = view.timeline.steps.flatMap((s) =>
      s.exceptionChecks
        .filter((c) => c.id === e.id)
        .map((c) => ({
          step: stepLabel(s.id, view.adviceLabels),
          canQualify: c.canQualify,
          reason: c.reason,
        })),
    );
    return {
      ...e,
      label: EXCEPTION_LABELS[e.kind],
      checks,
      canConfirm: e.confirmed_at === null && checks.some((c) => c.canQualify),
    };
  });
}

export function lawfulStepForms(caseForm: CaseForm): void {
  caseForm({
    action: 'reuse-advice',
    template: 'assessments/reuse-advice.njk',
    title: 'Record advice reused with the family’s agreement',
    schema: reuseSchema,
    dates: [{ name: 'familyAgreed', label: 'The date the family agreed', required: true }],
    order: ['agency', 'existingAdvice', 'familyAgreed', 'agreed'],
    defaults: () => dateInputValues('familyAgreed', todayInLondon()),
    extra: () => ({
      agencyItems: REQUIRED_ADVICE.map((r) => ({ value: r.agencies[0]!, text: `${r.label} (${r.cite})` })),
    }),
    change: (ctx, caseId, data, dates) =>
      recordAdviceReuse(ctx, caseId, {
        agency: data.agency,
        existingAdvice: data.existingAdvice,
        familyAgreed: dates.familyAgreed!,
        token: data.token,
      }),
    done: 'reuse-advice',
  });

  caseForm({
    action: 'confirm-exception',
    template: 'assessments/confirm-exception.njk',
    title: 'Confirm an exception caused the delay',
    schema: confirmSchema,
    order: ['exception', 'reason'],
    defaults: () => ({}),
    extra: (view) => ({ exceptionRows: exceptionsForView(view).filter((e) => e.canConfirm) }),
    change: (ctx, caseId, data) =>
      confirmException(ctx, caseId, data.exception, { reason: data.reason, token: data.token }),
    done: 'exception-confirmed',
  });

  caseForm({
    action: 'close',
    template: 'assessments/close.njk',
    title: 'Close the request',
    schema: closeSchema,
    dates: [{ name: 'date', label: 'The date', required: true }],
    order: ['reason', 'date', 'notes'],
    extra: () => ({ reasonLabels: CLOSED_REASON_LABELS }),
    change: (ctx, caseId, data, dates) =>
      closeRequest(ctx, caseId, {
        reason: data.reason,
        date: dates.date!,
        notes: data.notes ?? '',
        token: data.token,
      }),
    done: 'closed',
  });
}
