/**
 * The tribunal feature's forms: each returns every problem at once, in the form's field order, with GOV.UK
 * messages. Dates through the platform's readDateInput; the service checks what depends on today and the facts.
 */
import {
  arrayValue,
  readDateInput,
  type FormErrors,
  type Parsed,
  fieldErrors,
} from '../../platform/web/forms.ts';
import {
  CONCESSION_KINDS,
  ORDER_KINDS,
  type ConcessionKind,
  type OrderKind,
} from '../../domain/clock/index.ts';
import {
  DECISION_KINDS,
  GROUNDS,
  OUTCOMES,
  SECTIONS,
  type DecisionKind,
  type Ground,
  type Outcome,
  type Section,
} from '../../domain/tribunal/index.ts';
import type { AppealInput } from './appeal.ts';
import type { ExceptionInput } from './compliance.ts';
import type { NewDisagreement } from './disagreements.ts';
import type { AgreementInput, MediationInput } from './mediation.ts';

type Problems = Array<{ field: string; message: string }>;
type Values = Record<string, string>;

export const DATE_FIELDS = new Set([
  'decisionSent',
  'adviserContacted',
  'declinedMediationOn',
  'mediationRequestedOn',
  'commissionerToldOn',
  'mediationHeldOn',
  'certificateIssuedOn',
  'agreedOn',
  'registeredOn',
  'responseDue',
  'responseSentOn',
  'hearingOn',
  'decidedOn',
  'concededOn',
  'on',
  'fromOn',
  'toOn',
]);

function errorsFrom(problems: Problems, order: readonly string[]): FormErrors {
  return fieldErrors(problems, { order, dateFields: DATE_FIELDS });
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): v is T =>
  (list as readonly string[]).includes(v ?? '');

function date(values: Values, name: string, label: string, problems: Problems, required = false) {
  const r = readDateInput(values, name, label);
  if (r.error) problems.push({ field: name, message: r.error });
  else if (!r.value && required)
    problems.push({ field: name, message: `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}` });
  return r.value;
}

function text(
  values: Values,
  name: string,
  max: number,
  problems: Problems,
  empty: string | null,
  tooLong: string,
) {
  const v = (values[name] ?? '').trim();
  if (!v) {
    if (empty) problems.push({ field: name, message: empty });
    return undefined;
  }
  if (v.length > max) problems.push({ field: name, message: tooLong });
  return v;
}

const done = <T>(problems: Problems, order: readonly string[], data: () => T): Parsed<T> =>
  problems.length ? { ok: false, errors: errorsFrom(problems, order) } : { ok: true, data: data() };

export const NEW_FIELDS = ['childReference', 'decisionKind', 'decisionSent', 'adviserContacted'] as const;

export function parseNew(values: Values): Parsed<NewDisagreement & { formToken: string | undefined }> {
  const problems: Problems = [];
  const childReference = text(
    values,
    'childReference',
    40,
    problems,
    "Enter the child's reference",
    "The child's reference must be 40 characters or fewer",
  );
  const kind = values.decisionKind;
  if (!oneOf(DECISION_KINDS, kind))
    problems.push({ field: 'decisionKind', message: 'Select the decision the family disagrees with' });
  const decisionSent = date(values, 'decisionSent', 'The date the decision was sent', problems, true);
  const adviserContacted = date(
    values,
    'adviserContacted',
    'The date the family contacted the mediation adviser',
    problems,
  );
  return done(problems, NEW_FIELDS, () => ({
    childReference: childReference!,
    decisionKind: kind as DecisionKind,
    decisionSent: decisionSent!,
    adviserContacted,
    formToken: values.formToken,
  }));
}

export const MEDIATION_FIELDS = [
  'adviserContacted',
  'declinedMediationOn',
  'mediationRequestedOn',
  'mediationIssues',
  'healthIssues',
  'commissionerToldOn',
  'mediationHeldOn',
  'certificateIssuedOn',
] as const;

export function parseMediation(values: Values, body: unknown): Parsed<MediationInput> {
  const problems: Problems = [];
  const health = arrayValue(body, 'health');
  const out = {
    adviserContacted: date(
      values,
      'adviserContacted',
      'The date the family contacted the mediation adviser',
      problems,
    ),
    declinedMediationOn: date(
      values,
      'declinedMediationOn',
      'The date the family said they do not want mediation',
      problems,
    ),
    mediationRequestedOn: date(
      values,
      'mediationRequestedOn',
      'The date the council was told the family wants mediation',
      problems,
    ),
    mediationIssues: text(
      values,
      'mediationIssues',
      2000,
      problems,
      null,
      'The issues must be 2000 characters or fewer',
    ),
    healthIssues: health.includes('issues'),
    healthOnly: health.includes('only'),
    commissionerToldOn: date(
      values,
      'commissionerToldOn',
      'The date the health commissioning body was told',
      problems,
    ),
    mediationHeldOn: date(values, 'mediationHeldOn', 'The date of the mediation', problems),
    certificateIssuedOn: date(
      values,
      'certificateIssuedOn',
      'The date on the mediation certificate',
      problems,
    ),
  };
  return done(problems, MEDIATION_FIELDS, () => out);
}

export const AGREEMENT_FIELDS = ['agreedOn', 'terms', 'obliges'] as const;

export function parseAgreement(
  values: Values,
  body: unknown,
): Parsed<AgreementInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const agreedOn = date(values, 'agreedOn', 'The date of the agreement', problems, true);
  const terms = text(
    values,
    'terms',
    2000,
    problems,
    'Enter what was agreed',
    'What was agreed must be 2000 characters or fewer',
  );
  const obliges = values.obliges ?? '';
  if (obliges !== 'none' && !oneOf(ORDER_KINDS, obliges))
    problems.push({
      field: 'obliges',
      message: 'Select what the agreement obliges on matters that can be appealed',
    });
  const other = arrayValue(body, 'other');
  return done(problems, AGREEMENT_FIELDS, () => ({
    agreedOn: agreedOn!,
    terms: terms!,
    obliges: obliges === 'none' ? null : (obliges as OrderKind),
    nonAppealable: other.includes('non-appealable'),
    commissionerOnly: other.includes('commissioner-only'),
    formToken: values.formToken,
  }));
}

export const APPEAL_FIELDS = [
  'registeredOn',
  'ground',
  'sections',
  'careRecommendations',
  'responseDue',
  'responseSentOn',
  'hearingOn',
  'outcome',
  'decidedOn',
  'orderKind',
  'concededOn',
  'concessionKind',
] as const;

export function parseAppeal(values: Values, body: unknown): Parsed<AppealInput> {
  const problems: Problems = [];
  const registeredOn = date(
    values,
    'registeredOn',
    'The date the tribunal registered the appeal',
    problems,
    true,
  );
  const ground = values.ground;
  if (!oneOf(GROUNDS, ground)) problems.push({ field: 'ground', message: 'Select the ground of the appeal' });
  const sections = arrayValue(body, 'sections').filter((s): s is Section => oneOf(SECTIONS, s));
  const outcome = values.outcome || undefined;
  if (outcome && !oneOf(OUTCOMES, outcome))
    problems.push({ field: 'outcome', message: 'Select the outcome' });
  const orderKind = values.orderKind || undefined;
  if (orderKind && !oneOf(ORDER_KINDS, orderKind))
    problems.push({ field: 'orderKind', message: 'Select what the tribunal ordered' });
  const concessionKind = values.concessionKind || undefined;
  if (concessionKind && !oneOf(CONCESSION_KINDS, concessionKind))
    problems.push({ field: 'concessionKind', message: 'Select what the council conceded' });
  const out = {
    responseDue: date(
      values,
      'responseDue',
      "The date the tribunal set for the council's response",
      problems,
    ),
    responseSentOn: date(values, 'responseSentOn', 'The date the response was sent', problems),
    hearingOn: date(values, 'hearingOn', 'The date of the hearing', problems),
    decidedOn: date(values, 'decidedOn', 'The date of the decision or withdrawal', problems),
    concededOn: date(values, 'concededOn', 'The date the council conceded', problems),
  };
  return done(problems, APPEAL_FIELDS, () => ({
    registeredOn: registeredOn!,
    ground: ground as Ground,
    sections: SECTIONS.filter((s) => sections.includes(s)),
    careRecommendations: values.careRecommendations === 'yes',
    outcome: outcome as Outcome | undefined,
    orderKind: orderKind as OrderKind | undefined,
    concessionKind: concessionKind as ConcessionKind | undefined,
    ...out,
  }));
}

export function parseDone(values: Values): Parsed<{ stepId: string; on: string }> {
  const problems: Problems = [];
  const stepId = (values.stepId ?? '').trim();
  if (!stepId) problems.push({ field: 'stepId', message: 'Select one of the council’s dates' });
  const on = date(values, 'on', 'The date it was done', problems, true);
  return done(problems, ['stepId', 'on'], () => ({ stepId, on: on! }));
}

export const EXCEPTION_FIELDS = ['stepId', 'kind', 'fromOn', 'toOn', 'details'] as const;

export function parseException(
  values: Values,
  body: unknown,
): Parsed<ExceptionInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const stepId = (values.stepId ?? '').trim();
  if (!stepId) problems.push({ field: 'stepId', message: 'Select one of the council’s dates' });
  const kind = values.kind;
  if (kind !== 'personal-circumstances' && kind !== 'absence')
    problems.push({ field: 'kind', message: 'Select what happened' });
  const fromOn = date(values, 'fromOn', 'The start', problems, true);
  const toOn = date(values, 'toOn', 'The end', problems);
  const details = text(
    values,
    'details',
    2000,
    problems,
    null,
    'What it was must be 2000 characters or fewer',
  );
  return done(problems, EXCEPTION_FIELDS, () => ({
    stepId,
    kind: kind as ExceptionInput['kind'],
    fromOn: fromOn!,
    toOn,
    details,
    confirmed: arrayValue(body, 'confirmed').includes('yes'),
    formToken: values.formToken,
  }));
}
