/**
 * The personal budget forms, each a list of fields: the same list renders the page (_form.njk) and reads the
 * answers, so a field's label, hint and message live in one place. Every problem is reported at once, in the
 * form's order, with GOV.UK messages; the service checks what depends on the records and today (the domain's rules).
 */
import {
  arrayValue,
  readDateInput,
  type FormErrors,
  type Parsed,
  fieldErrors,
} from '../../platform/web/forms.ts';
import {
  ARRANGEMENT_LABELS,
  ARRANGEMENTS,
  CHANGE_KINDS,
  ELEMENT_LABELS,
  ELEMENTS,
  MONITORING_LABELS,
  MONITORING_OUTCOMES,
  RECONSIDERATION_OUTCOMES,
  REVIEW_OUTCOMES,
  STAGE_LABELS,
  STAGES,
  type ChangeKind,
  type Element,
  type MonitoringOutcome,
  type ReconsiderationOutcome,
  type ReviewOutcome,
  type Stage,
} from '../../domain/personal-budget/index.ts';
import type { DecisionInput, RefusalReviewInput } from './decisions.ts';
import type {
  AgreementInput,
  ChangeInput,
  MonitoringInput,
  ReconsiderationInput,
} from './direct-payments.ts';
import type { NewRequest } from './requests.ts';

type Values = Record<string, string>;
export interface Option {
  readonly value: string;
  readonly text: string;
}
export interface Field {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'date' | 'radios' | 'checkboxes' | 'select' | 'money';
  readonly hint?: string;
  /** The message when it is left empty; absent: optional. */
  readonly required?: string;
  readonly max?: number;
  readonly options?: readonly Option[];
  /** Where the page gives the options at render time (a direct payment, a change). */
  readonly optionsFrom?: string;
}
type Answer = string | string[] | number | undefined;

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>): Option[] =>
  codes.map((value) => ({ value, text: labels[value] }));
const money = (name: string, label: string, hint?: string, required?: string): Field => ({
  name,
  label,
  kind: 'money',
  hint: hint ?? 'A year, in pounds, for example 1200 or 1200.50',
  ...(required ? { required } : {}),
});

/** Reads the fields' answers: each problem once, in order. */
export function readFields(
  fields: readonly Field[],
  values: Values,
  body: unknown,
): { answers: Record<string, Answer>; problems: Array<{ field: string; message: string }> } {
  const answers: Record<string, Answer> = {};
  const problems: Array<{ field: string; message: string }> = [];
  for (const f of fields) {
    if (f.kind === 'date') {
      const r = readDateInput(values, f.name, f.label);
      if (r.error) problems.push({ field: f.name, message: r.error });
      else if (!r.value && f.required) problems.push({ field: f.name, message: f.required });
      answers[f.name] = r.value;
      continue;
    }
    if (f.kind === 'checkboxes') {
      const list = arrayValue(body, f.name);
      if (f.options && list.some((v) => !f.options!.some((o) => o.value === v)))
        problems.push({ field: f.name, message: f.required ?? `Select ${f.label.toLowerCase()}` });
      else if (!list.length && f.required) problems.push({ field: f.name, message: f.required });
      answers[f.name] = list;
      continue;
    }
    const v = (values[f.name] ?? '').trim();
    if (!v) {
      if (f.required) problems.push({ field: f.name, message: f.required });
      answers[f.name] = undefined;
    } else if (f.kind === 'money') {
      const m = /^£?\s*(\d{1,7}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(v);
      const pence = m ? Number(m[1]!.replaceAll(',', '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : NaN;
      if (!m || !Number.isSafeInteger(pence) || pence > 100_000_000)
        problems.push({ field: f.name, message: `${f.label} must be an amount in pounds, up to £1,000,000` });
      answers[f.name] = pence;
    } else if (f.options && !f.options.some((o) => o.value === v)) {
      problems.push({ field: f.name, message: f.required ?? `Select ${f.label.toLowerCase()}` });
    } else if (f.max && v.length > f.max) {
      problems.push({ field: f.name, message: `${f.label} must be ${f.max} characters or fewer` });
      answers[f.name] = v;
    } else answers[f.name] = v;
  }
  return { answers, problems };
}

function errorsFrom(
  problems: Array<{ field: string; message: string }>,
  fields: readonly Field[],
): FormErrors {
  return fieldErrors(problems, {
    order: fields.map((f) => f.name),
    dateFields: fields.filter((f) => f.kind === 'date').map((f) => f.name),
  });
}

/** A form: its fields and how its answers become the service's input. */
export interface FormSpec<T> {
  readonly fields: readonly Field[];
  readonly toInput: (a: Record<string, Answer>, values: Values) => T;
}

export function parseWith<T>(spec: FormSpec<T>) {
  return (values: Values, body: unknown): Parsed<T & { formToken: string | undefined }> => {
    const { answers, problems } = readFields(spec.fields, values, body);
    if (problems.length) return { ok: false, errors: errorsFrom(problems, spec.fields) };
    return { ok: true, data: { ...spec.toInput(answers, values), formToken: values.formToken } };
  };
}

/** A FieldError from the service, in the form's terms (for a field the form does not show, the first field). */
export const str = (a: Answer) => (typeof a === 'string' ? a : undefined);
const num = (a: Answer) => (typeof a === 'number' ? a : undefined);
const list = (a: Answer) => (Array.isArray(a) ? a : []);

const stageField: Field = {
  name: 'stage',
  label: 'When is it asked for?',
  kind: 'radios',
  options: options(STAGES, STAGE_LABELS),
  required: 'Select when the personal budget is asked for',
};
const elementsField: Field = {
  name: 'elements',
  label: 'Which support is it for?',
  kind: 'checkboxes',
  hint: 'Select all that apply',
  options: options(ELEMENTS, ELEMENT_LABELS),
  required: 'Select the support the personal budget is for',
};
const directField: Field = {
  name: 'wantsDirectPayment',
  label: 'Is a direct payment wanted (the money paid to the family)?',
  kind: 'radios',
  options: [
    { value: 'yes', text: 'Yes' },
    { value: 'no', text: 'No, or not sure yet' },
  ],
  required: 'Select whether a direct payment is wanted',
};
const detailsField: Field = {
  name: 'details',
  label: 'What would the personal budget pay for? (optional)',
  kind: 'textarea',
  max: 2000,
};

export const NEW_REQUEST: FormSpec<NewRequest> = {
  fields: [
    {
      name: 'childReference',
      label: "Child's reference",
      kind: 'text',
      max: 40,
      required: "Enter the child's reference",
    },
    {
      name: 'requestedOn',
      label: 'Date the family asked',
      kind: 'date',
      required: 'Enter the date the family asked',
    },
    stageField,
    elementsField,
    directField,
    detailsField,
    {
      name: 'planDue',
      label: 'Date the final or amended plan is due (if known)',
      kind: 'date',
      hint: 'The decision is wanted before then',
    },
  ],
  toInput: (a) => ({
    childReference: str(a.childReference),
    requestedOn: str(a.requestedOn)!,
    stage: str(a.stage) as Stage,
    elements: list(a.elements) as Element[],
    wantsDirectPayment: a.wantsDirectPayment === 'yes',
    details: str(a.details),
    planDue: str(a.planDue),
  }),
};

export const FAMILY_REQUEST: FormSpec<NewRequest> = {
  fields: [
    {
      name: 'childId',
      label: 'Which child is it for?',
      kind: 'radios',
      optionsFrom: 'children',
      required: 'Select your child',
    },
    {
      ...stageField,
      label: 'Why are you asking now?',
      hint: 'You can ask while the plan is a draft, at a review or at a reassessment',
    },
    elementsField,
    { ...directField, label: 'Would you like the money paid to you (a direct payment)?' },
    { ...detailsField, label: 'What would you like it to pay for? (optional)' },
  ],
  toInput: (a) => ({
    childId: str(a.childId),
    requestedOn: '',
    stage: str(a.stage) as Stage,
    elements: list(a.elements) as Element[],
    wantsDirectPayment: a.wantsDirectPayment === 'yes',
    details: str(a.details),
  }),
};

const arrangementField = (e: Element): Field => ({
  name: `${e}Arrangement`,
  label: `How is the ${e === 'social-care' ? 'social care' : e} money held?`,
  kind: 'radios',
  options: options(ARRANGEMENTS, ARRANGEMENT_LABELS),
});

export const DECISION: FormSpec<DecisionInput> = {
  fields: [
    {
      name: 'decidedOn',
      label: 'Date of the decision',
      kind: 'date',
      required: 'Enter the date of the decision',
    },
    ...ELEMENTS.flatMap((e) => [
      money(
        `${e}Pence`,
        `${ELEMENT_LABELS[e]}: amount identified`,
        'A year, in pounds; leave empty if not agreed',
      ),
      arrangementField(e),
    ]),
    {
      name: 'reasons',
      label: 'Reasons for refusing anything asked for',
      kind: 'textarea',
      hint: 'Needed when an element or a direct payment asked for is refused. The family is told them with their right to a review.',
      max: 4000,
    },
  ],
  toInput: (a) => ({
    decidedOn: str(a.decidedOn)!,
    elements: ELEMENTS.map((element) => ({
      element,
      pence: num(a[`${element}Pence`]) ?? null,
      arrangement: (str(a[`${element}Arrangement`]) as (typeof ARRANGEMENTS)[number] | undefined) ?? null,
    })),
    reasons: str(a.reasons),
  }),
};

export const REFUSAL_REVIEW: FormSpec<RefusalReviewInput> = {
  fields: [
    {
      name: 'reviewRequestedOn',
      label: 'Date the family asked for a review',
      kind: 'date',
      required: 'Enter the date the family asked for a review',
    },
    { name: 'reviewedOn', label: 'Date of the review (once held)', kind: 'date' },
    {
      name: 'reviewOutcome',
      label: 'Outcome of the review',
      kind: 'radios',
      options: options(REVIEW_OUTCOMES, {
        upheld: 'Refusal upheld',
        changed: 'Decision changed (record the new decision next)',
      }),
    },
    { name: 'reviewNotes', label: 'Notes (optional)', kind: 'textarea', max: 4000 },
  ],
  toInput: (a) => ({
    reviewRequestedOn: str(a.reviewRequestedOn)!,
    reviewedOn: str(a.reviewedOn),
    reviewOutcome: str(a.reviewOutcome) as ReviewOutcome | undefined,
    reviewNotes: str(a.reviewNotes),
  }),
};

export const AGREEMENT: FormSpec<AgreementInput> = {
  fields: [
    {
      name: 'element',
      label: 'Which element is paid by direct payment?',
      kind: 'radios',
      options: options(ELEMENTS, ELEMENT_LABELS),
      required: 'Select the element',
    },
    {
      name: 'recipient',
      label: 'Who receives the payment',
      kind: 'text',
      max: 200,
      required: 'Enter who receives the direct payment',
    },
    { name: 'nominee', label: 'Nominee, if someone else manages it (optional)', kind: 'text', max: 200 },
    {
      name: 'provision',
      label: 'The support it pays for',
      kind: 'textarea',
      max: 2000,
      required: 'Enter the support the direct payment pays for',
    },
    money('pence', 'Amount', undefined, 'Enter the amount of the direct payment'),
    { name: 'startOn', label: 'Start date', kind: 'date', required: 'Enter the start date' },
    {
      name: 'onPremises',
      label: 'Is the support given on a school’s or college’s premises?',
      kind: 'radios',
      options: [
        { value: 'yes', text: 'Yes: the head or principal must agree' },
        { value: 'no', text: 'No' },
      ],
      required: 'Select whether the support is on a school’s or college’s premises',
    },
    { name: 'settingName', label: 'The school or college (if on its premises)', kind: 'text', max: 200 },
    {
      name: 'settingAgreedOn',
      label: 'Date the head or principal agreed (if on its premises)',
      kind: 'date',
    },
    {
      name: 'confirm',
      label: 'Conditions',
      kind: 'checkboxes',
      options: [
        {
          value: 'conditions',
          text: 'The recipient agrees, and the council is satisfied they will use the payment for the agreed support (reg 6)',
        },
        { value: 'not-place', text: 'The payment is not for the school or college place itself' },
      ],
    },
  ],
  toInput: (a) => ({
    element: str(a.element) as Element,
    recipient: str(a.recipient)!,
    nominee: str(a.nominee),
    provision: str(a.provision)!,
    pence: num(a.pence)!,
    startOn: str(a.startOn)!,
    onPremises: a.onPremises === 'yes',
    settingName: str(a.settingName),
    settingAgreedOn: str(a.settingAgreedOn),
    conditionsMet: list(a.confirm).includes('conditions'),
    notForPlace: list(a.confirm).includes('not-place'),
  }),
};

export const MONITORING: FormSpec<MonitoringInput> = {
  fields: [
    {
      name: 'agreementId',
      label: 'Which direct payment?',
      kind: 'radios',
      optionsFrom: 'agreements',
      required: 'Select the direct payment',
    },
    {
      name: 'reviewedOn',
      label: 'Date of the review',
      kind: 'date',
      required: 'Enter the date of the review',
    },
    {
      name: 'outcome',
      label: 'Outcome',
      kind: 'radios',
      options: options(MONITORING_OUTCOMES, MONITORING_LABELS),
      required: 'Select the outcome of the review',
    },
    {
      name: 'notes',
      label: 'What the review found',
      kind: 'textarea',
      max: 4000,
      required: 'Say what the review found',
    },
  ],
  toInput: (a) => ({
    agreementId: str(a.agreementId)!,
    reviewedOn: str(a.reviewedOn)!,
    outcome: str(a.outcome) as MonitoringOutcome,
    notes: str(a.notes)!,
  }),
};

export const CHANGE: FormSpec<ChangeInput> = {
  fields: [
    {
      name: 'agreementId',
      label: 'Which direct payment?',
      kind: 'radios',
      optionsFrom: 'agreements',
      required: 'Select the direct payment',
    },
    {
      name: 'kind',
      label: 'Reduce or stop?',
      kind: 'radios',
      options: options(CHANGE_KINDS, { reduce: 'Reduce the payment', stop: 'Stop the payment' }),
      required: 'Select whether the payment is reduced or stopped',
    },
    money('newPence', 'The reduced amount (for a reduction)'),
    {
      name: 'noticeOn',
      label: 'Date notice was given',
      kind: 'date',
      required: 'Enter the date notice was given',
    },
    {
      name: 'effectiveOn',
      label: 'Date the change takes effect',
      kind: 'date',
      hint: 'At least 28 days after the notice',
      required: 'Enter the date the change takes effect',
    },
    {
      name: 'reasons',
      label: 'Reasons',
      kind: 'textarea',
      max: 4000,
      required: 'Give the reasons: the family is told them with the notice',
    },
  ],
  toInput: (a) => ({
    agreementId: str(a.agreementId)!,
    kind: str(a.kind) as ChangeKind,
    newPence: num(a.newPence),
    noticeOn: str(a.noticeOn)!,
    effectiveOn: str(a.effectiveOn)!,
    reasons: str(a.reasons)!,
  }),
};

export const RECONSIDERATION: FormSpec<ReconsiderationInput> = {
  fields: [
    {
      name: 'changeId',
      label: 'Which reduction or stop?',
      kind: 'radios',
      optionsFrom: 'changes',
      required: 'Select the reduction or stop',
    },
    {
      name: 'reconsiderationRequestedOn',
      label: 'Date the family asked for it to be reconsidered',
      kind: 'date',
      required: 'Enter the date the family asked',
    },
    { name: 'reconsiderationDecidedOn', label: 'Date of the reconsideration (once made)', kind: 'date' },
    {
      name: 'reconsiderationOutcome',
      label: 'Outcome',
      kind: 'radios',
      options: options(RECONSIDERATION_OUTCOMES, {
        confirmed: 'The change stands',
        withdrawn: 'The change is withdrawn',
      }),
    },
  ],
  toInput: (a) => ({
    changeId: str(a.changeId)!,
    reconsiderationRequestedOn: str(a.reconsiderationRequestedOn)!,
    reconsiderationDecidedOn: str(a.reconsiderationDecidedOn),
    reconsiderationOutcome: str(a.reconsiderationOutcome) as ReconsiderationOutcome | undefined,
  }),
};
