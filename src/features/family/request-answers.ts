/**
 * The online request's answers (docs/assessments.md, "Asking online"): each step's form read into its answers, with
 * every error at once in the order of the page, and the answers merged into the draft. Pure, except that the child
 * and the school chosen must be ones this person may choose (read from the core records).
 */
import { z } from 'zod';
import type { Actor } from '../../platform/access/access.ts';
import { isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { arrayValue, formValues, readDateInput, toFormErrors } from '../../platform/web/forms.ts';
import { ageOn } from '../../platform/web/views.ts';
import {
  INVOLVED_OPTIONS,
  RELATIONSHIP_OPTIONS,
  type NewChildAnswers,
  type RequestAnswers,
  type RequestStep,
} from '../../domain/assessment/journey.ts';
import { SETTING_TYPES } from '../../domain/placement/placement.ts';
import { settingRegister } from '../assessments/index.ts';

const textField = (empty: string, max: number, name: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `${name} must be ${max.toLocaleString('en-GB')} characters or fewer` });

const STEP_SCHEMAS: Record<RequestStep['id'], z.ZodType> = {
  child: z
    .object({
      childId: z
        .string({ error: 'Select the child or young person' })
        .refine((v) => v === 'new' || isUuid(v), { error: 'Select the child or young person' }),
      detailsCorrect: z.enum(['yes', 'no'], { error: 'Select yes if these details are right' }).optional(),
      corrections: z
        .string()
        .trim()
        .max(2000, { error: 'What is wrong must be 2,000 characters or fewer' })
        .optional(),
    })
    .refine((v) => v.childId === 'new' || v.detailsCorrect, {
      error: 'Select yes if these details are right',
      path: ['detailsCorrect'],
    })
    .refine((v) => v.childId === 'new' || v.detailsCorrect !== 'no' || (v.corrections ?? '').length > 0, {
      error: 'Tell us what is wrong with the details',
      path: ['corrections'],
    }),
  'new-child': z.object({}),
  why: z.object({
    why: textField('Tell us why you are asking for an assessment now', 5000, 'Why you are asking'),
  }),
  support: z.object({
    support: textField(
      'Tell us what help is already in place, or write "none"',
      5000,
      'Help already in place',
    ),
  }),
  involved: z.object({
    involvedDetail: z
      .string()
      .trim()
      .max(2000, { error: 'Names and details must be 2,000 characters or fewer' })
      .optional(),
  }),
  school: z
    .object({
      schoolKind: z.enum(['setting', 'type', 'otherwise', 'undecided'], {
        error: 'Select what you would like, or that you have not decided yet',
      }),
      schoolSettingId: z.string().optional(),
      schoolType: z.string().optional(),
    })
    .refine((v) => v.schoolKind !== 'setting' || isUuid(v.schoolSettingId ?? ''), {
      error: 'Choose the school, college or nursery from the list',
      path: ['schoolSettingId'],
    })
    .refine(
      (v) => v.schoolKind !== 'type' || (SETTING_TYPES as readonly string[]).includes(v.schoolType ?? ''),
      {
        error: 'Choose the type of school from the list',
        path: ['schoolType'],
      },
    )
    .transform((v) => ({
      schoolKind: v.schoolKind,
      ...(v.schoolKind === 'setting' ? { schoolSettingId: v.schoolSettingId } : {}),
      ...(v.schoolKind === 'type' ? { schoolType: v.schoolType } : {}),
    })),
  consent: z.object({
    consent: z.enum(['yes', 'no'], { error: 'Select yes if the council can share information' }),
  }),
};

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

/** The new child's details: every error at once, in the order of the page. */
export async function readNewChild(
  db: Executor,
  actor: Actor,
  values: Record<string, string>,
  today: string,
): Promise<
  | { values: Record<string, string>; errors: FormErrors; data?: undefined }
  | { values: Record<string, string>; errors?: undefined; data: NewChildAnswers }
> {
  const errors: FormErrors = { list: [], fields: {} };
  const add = (field: string, text: string, href = field) => {
    if (errors.fields[field]) return;
    errors.fields[field] = { text };
    errors.list.push({ text, href: `#${href}` });
  };
  const self = actor.role === 'young-person';
  const text = (field: string, empty: string, label: string, max: number) => {
    const v = (values[field] ?? '').trim();
    if (!v) add(field, empty);
    else if (v.length > max) add(field, `${label} must be ${max} characters or fewer`);
    return v;
  };
  const givenName = text(
    'givenName',
    self ? 'Enter your first name' : 'Enter their first name',
    'First name',
    100,
  );
  const familyName = text(
    'familyName',
    self ? 'Enter your last name' : 'Enter their last name',
    'Last name',
    100,
  );
  const dob = readDateInput(values, 'dob', 'Date of birth');
  if (dob.error) add('dob', dob.error, 'dob-day');
  else if (!dob.value) add('dob', 'Enter the date of birth', 'dob-day');
  else if (dob.value > today) add('dob', 'Date of birth must be in the past', 'dob-day');
  else if (ageOn(dob.value, today) > 25)
    add('dob', 'Assessments are for children and young people up to 25 years old', 'dob-day');
  else if (self && ageOn(dob.value, today) < 16)
    add(
      'dob',
      'You can ask for yourself from 16. If you are younger, ask your parent or carer to ask',
      'dob-day',
    );
  const sex = values.sex;
  if (sex !== 'F' && sex !== 'M') add('sex', 'Select their sex', 'sex');
  const addressLine = text('addressLine', 'Enter the address', 'The address', 200);
  const postcode = (values.postcode ?? '').trim().toUpperCase();
  if (!postcode) add('postcode', 'Enter the postcode');
  else if (!POSTCODE.test(postcode)) add('postcode', 'Enter a real postcode, like SW1A 1AA');
  const settingId = values.settingId ?? '';
  if (settingId !== 'none') {
    const known =
      isUuid(settingId) && (await settingRegister(db, actor.laCode)).some((x) => x.id === settingId);
    if (!known) add('settingId', 'Select the school, college or nursery from the list, or "None"');
  }
  let relationship =
    actor.role === 'parent' ? (values.relationship ?? '') : actor.role === 'young-person' ? 'self' : 'school';
  let parentalResponsibility: 'yes' | 'no' | undefined;
  if (actor.role === 'parent') {
    if (!RELATIONSHIP_OPTIONS.some((o) => o.value === relationship)) {
      add('relationship', 'Select how you are related to the child', 'relationship');
      relationship = '';
    }
    const pr = values.parentalResponsibility;
    if (pr !== 'yes' && pr !== 'no')
      add('parentalResponsibility', 'Select yes if you have parental responsibility');
    else parentalResponsibility = pr;
  }
  if (errors.list.length) return { values, errors };
  return {
    values,
    data: {
      givenName,
      familyName,
      dateOfBirth: dob.value!,
      sex: sex as 'F' | 'M',
      addressLine,
      postcode,
      settingId,
      relationship,
      parentalResponsibility,
    },
  };
}

/**
 * The "who else is involved" answer: some of the options, or "No one else" (value "none") alone; without JavaScript
 * both can be ticked, which is refused with its own message. Undefined when the answer is good.
 */
function involvedError(involved: string[], valid: string[]): string | undefined {
  if (involved.includes('none'))
    return involved.length === 1 ? undefined : 'Select who else is involved, or "No one else", not both';
  if (!involved.length || involved.some((v) => !valid.includes(v)))
    return 'Select who else is involved, or "No one else"';
  return undefined;
}

/** A step's form as the person sent it: the values to show again, and either the errors or the answers to save. */
export type StepForm =
  | { values: Record<string, unknown>; errors: FormErrors; data?: undefined }
  | { values: Record<string, unknown>; errors?: undefined; data: Record<string, unknown> };

/**
 * Reads one step's form (not the new child's: `readNewChild`). `mayChoose` says whether a listed child is one this
 * person may ask about.
 */
export async function readStep(
  db: Executor,
  actor: Actor,
  step: RequestStep,
  body: unknown,
  mayChoose: (childId: string) => Promise<boolean>,
): Promise<StepForm> {
  const values: Record<string, unknown> = { ...formValues(body) };
  if (step.id === 'involved') values.involved = arrayValue(body, 'involved');
  const parsed = STEP_SCHEMAS[step.id].safeParse(values);
  const valid = INVOLVED_OPTIONS.map((o) => o.value);
  let errors: FormErrors | undefined = parsed.success
    ? undefined
    : toFormErrors(parsed.error.issues, ['childId', 'detailsCorrect', 'corrections']);
  if (step.id === 'involved') {
    const text = involvedError(values.involved as string[], valid);
    if (text) errors = { list: [{ text, href: '#involved' }], fields: { involved: { text } } };
  }
  if (
    step.id === 'child' &&
    values.childId !== 'new' &&
    values.detailsCorrect !== 'yes' &&
    values.detailsCorrect !== 'no' &&
    !errors?.fields.detailsCorrect
  ) {
    // Asked about a listed child only; checked here so that it shows with any other error.
    const text = 'Select yes if these details are right';
    errors ??= { list: [], fields: {} };
    errors.fields.detailsCorrect = { text };
    const at = errors.list.findIndex((e) => e.href === '#corrections');
    errors.list.splice(at < 0 ? errors.list.length : at, 0, { text, href: '#detailsCorrect' });
  }
  if (step.id === 'child' && parsed.success && values.childId !== 'new') {
    if (!(await mayChoose(values.childId as string)))
      errors = {
        list: [{ text: 'Select the child or young person', href: '#childId' }],
        fields: { childId: { text: 'Select the child or young person' } },
      };
  }
  if (
    step.id === 'school' &&
    parsed.success &&
    values.schoolKind === 'setting' &&
    !(await settingRegister(db, actor.laCode)).some((x) => x.id === values.schoolSettingId)
  )
    errors = {
      list: [{ text: 'Choose the school, college or nursery from the list', href: '#schoolSettingId' }],
      fields: { schoolSettingId: { text: 'Choose the school, college or nursery from the list' } },
    };
  if (errors) return { values, errors };
  const data = parsed.data as Record<string, unknown>;
  if (step.id === 'involved') data.involved = values.involved;
  return { values, data };
}

/** The draft's answers with one step's answers in, less what the new answers make moot. */
export function mergeAnswers(
  answers: RequestAnswers,
  step: RequestStep,
  data: Record<string, unknown>,
): RequestAnswers {
  const merged: Record<string, unknown> = { ...answers, ...data };
  if (step.id === 'child' && data.detailsCorrect === 'yes') delete merged.corrections;
  if (step.id === 'child' && data.childId === 'new') {
    delete merged.detailsCorrect;
    delete merged.corrections;
  }
  if (step.id === 'child' && data.childId !== 'new') delete merged.newChild;
  if (step.id === 'school') {
    if (data.schoolKind !== 'setting') delete merged.schoolSettingId;
    if (data.schoolKind !== 'type') delete merged.schoolType;
  }
  return merged;
}
