/**
 * The disagreement resolution forms: every problem at once, in the form's order, with GOV.UK messages. What depends
 * on today and on the meeting (the order of dates, an agreement's obligations) is the domain's
 * `resolutionProblems`, checked here where the form has every fact and again by the service.
 */
import { fieldErrors, readDateInput, type Parsed } from '../../platform/web/forms.ts';
import {
  hasAgreement,
  RESOLUTION_OUTCOMES,
  RESOLUTION_REQUESTERS,
  resolutionProblems,
  type ResolutionOutcome,
  type ResolutionRequester,
} from '../../domain/register/index.ts';
import type { ObligationInput, ResolutionInput } from './resolution-service.ts';

type Problems = Array<{ field: string; message: string }>;

export const RESOLUTION_FIELDS = [
  'childReference',
  'itemReference',
  'requestedBy',
  'requestedOn',
  'provider',
  'parties',
  'about',
  'outcome',
  'heldOn',
  'agreement',
  'obligationWhat',
  'obligationDue',
] as const;

const DATE_FIELDS = ['requestedOn', 'heldOn', 'obligationDue'];

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): v is T =>
  (list as readonly string[]).includes(v ?? '');

function text(
  values: Record<string, string>,
  name: string,
  max: number,
  problems: Problems,
  messages: { empty?: string | undefined; tooLong: string },
): string | undefined {
  const v = (values[name] ?? '').trim();
  if (!v) {
    if (messages.empty) problems.push({ field: name, message: messages.empty });
    return undefined;
  }
  if (v.length > max) problems.push({ field: name, message: messages.tooLong });
  return v;
}

function obligationOf(values: Record<string, string>, problems: Problems, required: boolean) {
  const what = text(values, 'obligationWhat', 1000, problems, {
    empty: required ? 'Enter what the agreement obliges' : undefined,
    tooLong: 'What the agreement obliges must be 1000 characters or fewer',
  });
  const due = readDateInput(values, 'obligationDue', 'The date it must be done by');
  if (due.error) problems.push({ field: 'obligationDue', message: due.error });
  else if (what && !due.value)
    problems.push({ field: 'obligationDue', message: 'Enter the date it must be done by' });
  else if (!what && due.value)
    problems.push({ field: 'obligationWhat', message: 'Enter what the agreement obliges' });
  return what && due.value ? { what, due: due.value } : undefined;
}

/** A meeting recorded by staff, with its first obligation when the agreement makes one. */
export function parseResolution(
  values: Record<string, string>,
  today: string,
): Parsed<ResolutionInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const childReference = text(values, 'childReference', 40, problems, {
    empty: 'Enter the child’s reference',
    tooLong: 'The reference must be 40 characters or fewer',
  });
  const itemReference = text(values, 'itemReference', 20, problems, {
    tooLong: 'The register reference must be 20 characters or fewer',
  });
  if (itemReference && !/^FR-\d{5,}$/.test(itemReference))
    problems.push({ field: 'itemReference', message: 'Enter a register reference like FR-00012' });
  const requestedBy = values.requestedBy;
  if (!oneOf(RESOLUTION_REQUESTERS, requestedBy))
    problems.push({ field: 'requestedBy', message: 'Select who asked for disagreement resolution' });
  const requested = readDateInput(values, 'requestedOn', 'The date it was asked for');
  if (requested.error) problems.push({ field: 'requestedOn', message: requested.error });
  else if (!requested.value)
    problems.push({ field: 'requestedOn', message: 'Enter the date it was asked for' });
  const provider = text(values, 'provider', 200, problems, {
    empty: 'Enter who provided the disagreement resolution service',
    tooLong: 'The provider must be 200 characters or fewer',
  });
  const parties = text(values, 'parties', 1000, problems, {
    empty: 'Enter who took part',
    tooLong: 'Who took part must be 1000 characters or fewer',
  });
  const about = text(values, 'about', 5000, problems, {
    empty: 'Enter what the disagreement was about',
    tooLong: 'What it was about must be 5000 characters or fewer',
  });
  const outcome = values.outcome;
  if (!oneOf(RESOLUTION_OUTCOMES, outcome))
    problems.push({ field: 'outcome', message: 'Select the outcome' });
  const held = readDateInput(values, 'heldOn', 'The date of the meeting');
  if (held.error) problems.push({ field: 'heldOn', message: held.error });
  const agreement = text(values, 'agreement', 5000, problems, {
    tooLong: 'What was agreed must be 5000 characters or fewer',
  });
  const obligation = obligationOf(values, problems, false);
  if (oneOf(RESOLUTION_OUTCOMES, outcome) && requested.value && !held.error) {
    const known = new Set(problems.map((p) => p.field));
    for (const p of resolutionProblems(
      {
        requestedOn: requested.value,
        heldOn: held.value ?? null,
        outcome,
        agreement: agreement ?? null,
        obligations: obligation ? [obligation] : [],
      },
      today,
    ))
      if (!known.has(p.field)) problems.push(p);
  }
  if (problems.length)
    return {
      ok: false,
      errors: fieldErrors(problems, { order: RESOLUTION_FIELDS, dateFields: DATE_FIELDS }),
    };
  return {
    ok: true,
    data: {
      childReference: childReference!,
      itemReference,
      requestedBy: requestedBy as ResolutionRequester,
      requestedOn: requested.value!,
      provider: provider!,
      parties: parties!,
      about: about!,
      heldOn: held.value,
      outcome: outcome as ResolutionOutcome,
      agreement: hasAgreement(outcome as ResolutionOutcome) ? agreement : undefined,
      obligation,
      formToken: values.formToken,
    },
  };
}

/** Another thing an agreement obliges, by a date. */
export function parseObligation(
  values: Record<string, string>,
): Parsed<ObligationInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const obligation = obligationOf(values, problems, true);
  if (problems.length || !obligation)
    return {
      ok: false,
      errors: fieldErrors(
        problems.length
          ? problems
          : [{ field: 'obligationDue', message: 'Enter the date it must be done by' }],
        {
          order: RESOLUTION_FIELDS,
          dateFields: DATE_FIELDS,
        },
      ),
    };
  return { ok: true, data: { ...obligation, formToken: values.formToken } };
}

/** What was done about an obligation. */
export function parseDone(values: Record<string, string>): Parsed<{ note: string }> {
  const problems: Problems = [];
  const note = text(values, 'note', 2000, problems, {
    empty: 'Enter what was done',
    tooLong: 'What was done must be 2000 characters or fewer',
  });
  if (problems.length) return { ok: false, errors: fieldErrors(problems) };
  return { ok: true, data: { note: note! } };
}
