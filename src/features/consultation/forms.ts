/** The consultation forms' schemas: the messages are the ones users read. */
import { z } from 'zod';
import { readDateInput, requiredText, type Parsed, fieldErrors } from '../../platform/web/forms.ts';
import {
  ANSWERS,
  PREFERENCE_KINDS,
  S39_GROUNDS,
  SETTING_TYPES,
  type Answer,
  type PreferenceKind,
  type S39Ground,
} from '../../domain/placement/placement.ts';

const token = z.string().optional();

export const PREFERENCE_FIELDS = ['kind', 'settingId', 'settingType', 'received'] as const;

/** The family's preference as a caseworker records it (the date it was received, today by default). */
export function parsePreference(values: Record<string, string>): Parsed<{
  kind: PreferenceKind;
  settingId: string | undefined;
  settingType: string | undefined;
  received: string;
  token: string | undefined;
}> {
  const errors: Array<[string, string]> = [];
  const kind = z.enum(PREFERENCE_KINDS).safeParse(values.kind);
  if (!kind.success) errors.push(['kind', 'Select what the family asked for']);
  if (kind.success && kind.data === 'setting' && !values.settingId)
    errors.push(['settingId', 'Choose a school, college or nursery from the list']);
  const type = z.enum(SETTING_TYPES).safeParse(values.settingType);
  if (kind.success && kind.data === 'type' && !type.success)
    errors.push(['settingType', 'Choose the type of school or setting']);
  const received = readDateInput(values, 'received', 'The date the family asked');
  if (received.error) errors.push(['received', received.error]);
  else if (!received.value) errors.push(['received', 'Enter the date the family asked']);
  if (errors.length || !kind.success || !received.value) {
    return {
      ok: false,
      errors: fieldErrors(
        errors.map(([field, message]) => ({ field, message })),
        { dateFields: ['received'] },
      ),
    };
  }
  return {
    ok: true,
    data: {
      kind: kind.data,
      settingId: kind.data === 'setting' ? values.settingId : undefined,
      settingType: kind.data === 'type' && type.success ? type.data : undefined,
      received: received.value,
      token: values.formToken,
    },
  };
}

export const consultSchema = z.object({
  consultSettingId: z.string({ error: 'Choose a school, college or nursery to consult' }).min(1, {
    error: 'Choose a school, college or nursery to consult',
  }),
  formToken: token,
});

const reasons = requiredText(
  { empty: 'Give your reasons', tooLong: 'Reasons must be 5,000 characters or fewer' },
  5000,
);

export const refuseSchema = z.object({
  ground: z.enum(S39_GROUNDS, { error: 'Select the legal ground' }),
  reasons,
  formToken: token,
});

export const REFUSE_FIELDS = ['ground', 'reasons'] as const;

/** The school's answer: "can meet the needs", or a legal ground with reasons. */
export function parseAnswer(values: Record<string, string>): Parsed<{
  answer: Answer;
  ground: S39Ground | undefined;
  reasons: string | undefined;
  token: string | undefined;
}> {
  const errors: Array<[string, string]> = [];
  const answer = z.enum(ANSWERS).safeParse(values.answer);
  if (!answer.success) errors.push(['answer', 'Select whether the school can meet the needs']);
  const ground = z.enum(S39_GROUNDS).safeParse(values.ground);
  const text = (values.reasons ?? '').trim();
  if (answer.success && answer.data === 'cannot-meet') {
    if (!ground.success) errors.push(['ground', 'Select the legal ground']);
    if (!text) errors.push(['reasons', 'Give your reasons']);
  }
  if (text.length > 5000) errors.push(['reasons', 'Reasons must be 5,000 characters or fewer']);
  if (errors.length || !answer.success) {
    return {
      ok: false,
      errors: fieldErrors(
        errors.map(([field, message]) => ({ field, message })),
        { dateFields: ['received'] },
      ),
    };
  }
  const cannot = answer.data === 'cannot-meet';
  return {
    ok: true,
    data: {
      answer: answer.data,
      ground: cannot && ground.success ? ground.data : undefined,
      reasons: text || undefined,
      token: values.formToken,
    },
  };
}
