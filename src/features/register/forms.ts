/**
 * The register's forms: each returns every problem at once, in the form's field order, with GOV.UK messages.
 * Dates through the platform's readDateInput; the service checks what depends on today and the item.
 */
import type { RegisterTheme } from '../../platform/db/schema/index.ts';
import { readDateInput, type FormErrors, type Parsed, fieldErrors } from '../../platform/web/forms.ts';
import {
  ACTIONS,
  COMMENT_MAX,
  ITEM_KINDS,
  LISTENED,
  OVERALL,
  OUTCOMES,
  POLICY_LIMITS,
  STAFF_CHANNELS,
  THEMES,
  type Action,
  type ItemKind,
  type Listened,
  type Outcome,
  type Overall,
  type RegisterPolicy,
} from '../../domain/register/index.ts';
import type { ActionInput, NewItemInput } from './items.ts';
import type { SurveyAnswer } from './survey-service.ts';

type Problems = Array<{ field: string; message: string }>;

function errorsFrom(problems: Problems, order: readonly string[]): FormErrors {
  return fieldErrors(problems, { order, dateFields: ['receivedOn', 'on'] });
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): v is T =>
  (list as readonly string[]).includes(v ?? '');

function text(
  values: Record<string, string>,
  name: string,
  max: number,
  problems: Problems,
  messages: { empty?: string; tooLong: string },
): string | undefined {
  const v = (values[name] ?? '').trim();
  if (!v) {
    if (messages.empty) problems.push({ field: name, message: messages.empty });
    return undefined;
  }
  if (v.length > max) problems.push({ field: name, message: messages.tooLong });
  return v;
}

/** Themes from a checkbox list: only known ones. */
export function themesFrom(body: unknown): RegisterTheme[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).themes : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(list.filter((t): t is RegisterTheme => oneOf(THEMES, t as string)))];
}

export const STAFF_FIELDS = [
  'kind',
  'channel',
  'receivedOn',
  'raiserName',
  'raiserContact',
  'childReference',
  'summary',
  'provision',
  'themes',
] as const;

/** Staff recording from a call, letter, email or visit. */
export function parseStaffItem(
  values: Record<string, string>,
  body: unknown,
): Parsed<NewItemInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const kind = values.kind;
  if (!oneOf(ITEM_KINDS, kind)) problems.push({ field: 'kind', message: 'Select what they raised' });
  const channel = values.channel;
  if (!oneOf(STAFF_CHANNELS, channel))
    problems.push({ field: 'channel', message: 'Select how it reached us' });
  const received = readDateInput(values, 'receivedOn', 'The date received');
  if (received.error) problems.push({ field: 'receivedOn', message: received.error });
  else if (!received.value) problems.push({ field: 'receivedOn', message: 'Enter the date it was received' });
  const raiserName = text(values, 'raiserName', 200, problems, {
    empty: 'Enter the name of the person who raised it',
    tooLong: 'The name must be 200 characters or fewer',
  });
  const raiserContact = text(values, 'raiserContact', 200, problems, {
    tooLong: 'The contact details must be 200 characters or fewer',
  });
  const childReference = text(values, 'childReference', 40, problems, {
    empty:
      kind === 'provision-not-delivered'
        ? 'Enter the reference of the child whose provision is not being made'
        : undefined,
    tooLong: 'The reference must be 40 characters or fewer',
  });
  const summary = text(values, 'summary', 5000, problems, {
    empty: 'Enter what they raised',
    tooLong: 'What they raised must be 5000 characters or fewer',
  });
  const provision = text(values, 'provision', 1000, problems, {
    empty:
      kind === 'provision-not-delivered' ? 'Enter which provision in section F is not being made' : undefined,
    tooLong: 'The provision must be 1000 characters or fewer',
  });
  const themes = themesFrom(body);
  if (!themes.length) problems.push({ field: 'themes', message: 'Select at least one theme' });
  if (problems.length) return { ok: false, errors: errorsFrom(problems, STAFF_FIELDS) };
  return {
    ok: true,
    data: {
      kind: kind as ItemKind,
      channel: channel as (typeof STAFF_CHANNELS)[number],
      receivedOn: received.value!,
      raiserName: raiserName!,
      raiserContact,
      childReference,
      summary: summary!,
      provision,
      themes,
      formToken: values.formToken,
    },
  };
}

export const FAMILY_FIELDS = ['kind', 'childId', 'summary', 'provision', 'themes'] as const;
export const FAMILY_KINDS = ['concern', 'complaint', 'provision-not-delivered', 'compliment'] as const;

/** A family raising an item, signed in. */
export function parseFamilyItem(
  values: Record<string, string>,
  body: unknown,
): Parsed<NewItemInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const kind = values.kind;
  if (!oneOf(FAMILY_KINDS, kind))
    problems.push({ field: 'kind', message: 'Select what you want to tell us' });
  const childId = (values.childId ?? '').trim() || undefined;
  if (kind === 'provision-not-delivered' && !childId)
    problems.push({ field: 'childId', message: 'Select the child whose support is not being given' });
  const summary = text(values, 'summary', 5000, problems, {
    empty: 'Enter what you want to tell us',
    tooLong: 'What you tell us must be 5000 characters or fewer',
  });
  const provision = text(values, 'provision', 1000, problems, {
    empty:
      kind === 'provision-not-delivered' ? 'Enter which support in the plan is not being given' : undefined,
    tooLong: 'The support must be 1000 characters or fewer',
  });
  const themes = themesFrom(body);
  if (problems.length) return { ok: false, errors: errorsFrom(problems, FAMILY_FIELDS) };
  return {
    ok: true,
    data: {
      kind: kind as ItemKind,
      channel: 'online',
      childId,
      raiserName: '',
      summary: summary!,
      provision,
      receivedOn: '',
      themes:
        kind === 'provision-not-delivered' && !themes.includes('provision-not-delivered')
          ? [...themes, 'provision-not-delivered']
          : themes,
      formToken: values.formToken,
    },
  };
}

export const PUBLIC_FIELDS = [
  'kind',
  'raiserName',
  'raiserContact',
  'summary',
  'themes',
  'ethnicity',
  'firstLanguage',
] as const;
export const PUBLIC_KINDS = ['concern', 'complaint', 'compliment'] as const;

/** Someone without an account: a general concern, complaint or compliment. */
export function parsePublicItem(
  values: Record<string, string>,
  body: unknown,
): Parsed<NewItemInput & { formToken: string | undefined }> {
  const problems: Problems = [];
  const kind = values.kind;
  if (!oneOf(PUBLIC_KINDS, kind))
    problems.push({ field: 'kind', message: 'Select what you want to tell us' });
  const raiserName = text(values, 'raiserName', 200, problems, {
    empty: 'Enter your name',
    tooLong: 'Your name must be 200 characters or fewer',
  });
  const raiserContact = text(values, 'raiserContact', 200, problems, {
    empty: kind === 'compliment' ? undefined : 'Enter an email address or phone number so we can reply',
    tooLong: 'Your email address or phone number must be 200 characters or fewer',
  });
  const summary = text(values, 'summary', 5000, problems, {
    empty: 'Enter what you want to tell us',
    tooLong: 'What you tell us must be 5000 characters or fewer',
  });
  const ethnicity = text(values, 'ethnicity', 100, problems, {
    tooLong: 'Ethnic group must be 100 characters or fewer',
  });
  const firstLanguage = text(values, 'firstLanguage', 100, problems, {
    tooLong: 'First language must be 100 characters or fewer',
  });
  if (problems.length) return { ok: false, errors: errorsFrom(problems, PUBLIC_FIELDS) };
  return {
    ok: true,
    data: {
      kind: kind as ItemKind,
      channel: 'online-public',
      raiserName: raiserName!,
      raiserContact,
      summary: summary!,
      receivedOn: '',
      themes: themesFrom(body),
      ethnicity,
      firstLanguage,
      formToken: values.formToken,
    },
  };
}

export const ACTION_FIELDS = ['on', 'outcome', 'text'] as const;

/** A move on an item: its date, and for an answer the outcome and what was said. */
export function parseAction(action: Action, values: Record<string, string>): Parsed<ActionInput> {
  const problems: Problems = [];
  const on = readDateInput(values, 'on', 'The date');
  if (on.error) problems.push({ field: 'on', message: on.error });
  else if (!on.value) problems.push({ field: 'on', message: 'Enter the date' });
  const answering = action === 'answer' || action === 'answer-stage-2';
  const outcome = values.outcome;
  if (answering && outcome && !oneOf(OUTCOMES, outcome))
    problems.push({ field: 'outcome', message: 'Select the outcome' });
  const said = answering
    ? text(values, 'text', 5000, problems, {
        empty: 'Enter a summary of the answer given',
        tooLong: 'The answer must be 5000 characters or fewer',
      })
    : undefined;
  if (problems.length) return { ok: false, errors: errorsFrom(problems, ACTION_FIELDS) };
  return {
    ok: true,
    data: { on: on.value!, outcome: (outcome || undefined) as Outcome | undefined, text: said },
  };
}

export const isAction = (v: string | undefined): v is Action => oneOf(ACTIONS, v);

export const POLICY_FIELDS = [
  'acknowledgeDays',
  'concernDays',
  'stage1Days',
  'stage2Days',
  'provisionTaskDays',
] as const;

export function parsePolicy(values: Record<string, string>): Parsed<RegisterPolicy> {
  const problems: Problems = [];
  const out: Record<string, number> = {};
  for (const f of POLICY_FIELDS) {
    const v = (values[f] ?? '').trim();
    const n = Number(v);
    if (!/^\d{1,2}$/.test(v) || n < POLICY_LIMITS.min || n > POLICY_LIMITS.max)
      problems.push({
        field: f,
        message: `Enter a whole number of working days from ${POLICY_LIMITS.min} to ${POLICY_LIMITS.max}`,
      });
    else out[f] = n;
  }
  if (problems.length) return { ok: false, errors: errorsFrom(problems, POLICY_FIELDS) };
  return { ok: true, data: out as unknown as RegisterPolicy };
}

export const YOU_SAID_FIELDS = ['theme', 'youSaid', 'weDid', 'publish'] as const;

export function parseYouSaid(values: Record<string, string>): Parsed<{
  theme: RegisterTheme;
  youSaid: string;
  weDid: string;
  publish: boolean;
  formToken: string | undefined;
}> {
  const problems: Problems = [];
  if (!oneOf(THEMES, values.theme)) problems.push({ field: 'theme', message: 'Select the theme' });
  const youSaid = text(values, 'youSaid', 2000, problems, {
    empty: 'Enter what families said',
    tooLong: 'What families said must be 2000 characters or fewer',
  });
  const weDid = text(values, 'weDid', 2000, problems, {
    empty: 'Enter what the service did',
    tooLong: 'What the service did must be 2000 characters or fewer',
  });
  if (values.publish !== 'yes' && values.publish !== 'no')
    problems.push({ field: 'publish', message: 'Select whether to publish it now' });
  if (problems.length) return { ok: false, errors: errorsFrom(problems, YOU_SAID_FIELDS) };
  return {
    ok: true,
    data: {
      theme: values.theme as RegisterTheme,
      youSaid: youSaid!,
      weDid: weDid!,
      publish: values.publish === 'yes',
      formToken: values.formToken,
    },
  };
}

export const SURVEY_FIELDS = ['overall', 'listened', 'comment', 'contactName', 'contact'] as const;

/** The family's survey: two answers, anything else they want to say, and a name only if they want to be contacted. */
export function parseSurvey(
  values: Record<string, string>,
): Parsed<SurveyAnswer & { formToken: string | undefined }> {
  const problems: Problems = [];
  if (!oneOf(OVERALL, values.overall))
    problems.push({ field: 'overall', message: 'Select how we did overall' });
  if (!oneOf(LISTENED, values.listened))
    problems.push({ field: 'listened', message: 'Select whether you felt listened to' });
  const comment = text(values, 'comment', COMMENT_MAX, problems, {
    tooLong: `What you tell us must be ${COMMENT_MAX} characters or fewer`,
  });
  const named = values.contactMe === 'yes';
  const contactName = named
    ? text(values, 'contactName', 200, problems, {
        empty: 'Enter your name, or untick “Contact me about what I said”',
        tooLong: 'Your name must be 200 characters or fewer',
      })
    : undefined;
  const contact = named
    ? text(values, 'contact', 200, problems, {
        empty: 'Enter an email address or phone number, or untick “Contact me about what I said”',
        tooLong: 'The email address or phone number must be 200 characters or fewer',
      })
    : undefined;
  if (problems.length) return { ok: false, errors: errorsFrom(problems, SURVEY_FIELDS) };
  return {
    ok: true,
    data: {
      overall: values.overall as Overall,
      listened: values.listened as Listened,
      comment,
      contactName,
      contact,
      formToken: values.formToken,
    },
  };
}
