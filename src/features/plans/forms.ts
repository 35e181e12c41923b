/** The plan's forms: one zod schema per kind of item, with GOV.UK messages. */
import { z } from 'zod';
import { AREAS_OF_NEED, PFA_AREAS } from '../../domain/plan-quality/model.ts';
import { optionalText, requiredText } from '../../platform/web/forms.ts';

const long = (empty: string, name: string) =>
  requiredText({ empty, tooLong: `${name} must be 2000 characters or fewer` }, 2000);
const short = (name: string) => optionalText(`${name} must be 300 characters or fewer`, 300);

const optionalNumber = (name: string, min: number, max: number, integer = false) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a ${integer ? 'whole ' : ''}number, like 3`,
        });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

export const aspirationSchema = z.object({
  text: long("Enter the child's or family's views, interests or aspirations", 'The views'),
  whose: short('Whose words'),
});

export const needSchema = z.object({
  text: long('Describe the need', 'The need'),
});

export const needBSchema = needSchema.extend({
  area: z.enum(AREAS_OF_NEED, { error: 'Select the area of need' }),
});

export const outcomeSchema = z.object({
  text: long('Describe the outcome: the difference the provision will make', 'The outcome'),
  timescaleText: short('By when'),
  successMeasure: optionalText('How success will be seen must be 1000 characters or fewer', 1000),
  pfaArea: z
    .union([
      z.literal(''),
      z.enum(PFA_AREAS, { error: 'Select a preparing-for-adulthood area from the list' }),
    ])
    .optional()
    .transform((v) => v || undefined),
});

export const provisionSchema = z
  .object({
    text: long('Describe the provision: what will be done', 'What will be done'),
    amountValue: optionalNumber('How much', 0.25, 10000),
    amountUnit: z
      .union([
        z.literal(''),
        z.enum(['minutes', 'hours', 'sessions'], { error: 'Select minutes, hours or sessions' }),
      ])
      .optional()
      .transform((v) => v || undefined),
    frequencyTimes: optionalNumber('How often', 0.25, 100),
    frequencyPer: z
      .union([
        z.literal(''),
        z.enum(['day', 'week', 'half-term', 'term', 'year'], { error: 'Select a period' }),
      ])
      .optional()
      .transform((v) => v || undefined),
    delivererRole: short('Who delivers it'),
    delivererQualification: short('Their qualification or training'),
    groupingKind: z
      .union([
        z.literal(''),
        z.enum(['one-to-one', 'group', 'whole-class'], { error: 'Select how the child is grouped' }),
      ])
      .optional()
      .transform((v) => v || undefined),
    groupingSize: optionalNumber('Group size', 2, 60, true),
    where: short('Where'),
    oversight: short('Who oversees it'),
    review: short('How progress is reviewed'),
    sourceKind: z.enum(['advice', 'authority-decision'], {
      error: "Select whether the provision comes from advice or is the council's own decision",
    }),
    sourceAdviceId: z.string().optional(),
    sourceReason: optionalText('The reason must be 1000 characters or fewer', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.amountValue !== undefined && !v.amountUnit)
      ctx.addIssue({ code: 'custom', path: ['amountUnit'], message: 'Select minutes, hours or sessions' });
    if (v.frequencyTimes !== undefined && !v.frequencyPer)
      ctx.addIssue({
        code: 'custom',
        path: ['frequencyPer'],
        message: 'Select how often: a day, week, half-term, term or year',
      });
    if (v.groupingKind === 'group' && v.groupingSize === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['groupingSize'],
        message: 'Enter the largest size of the group',
      });
    if (v.sourceKind === 'advice' && !v.sourceAdviceId)
      ctx.addIssue({
        code: 'custom',
        path: ['sourceAdviceId'],
        message: 'Select the advice that recommended this provision',
      });
    if (v.sourceKind === 'authority-decision' && !v.sourceReason)
      ctx.addIssue({
        code: 'custom',
        path: ['sourceReason'],
        message: 'Enter why the council decided on this provision',
      });
  });

export const PROVISION_FIELDS = [
  'text',
  'amountValue',
  'amountUnit',
  'frequencyTimes',
  'frequencyPer',
  'delivererRole',
  'delivererQualification',
  'groupingKind',
  'groupingSize',
  'where',
  'oversight',
  'review',
  'needIds',
  'outcomeIds',
  'sourceKind',
  'sourceAdviceId',
  'sourceReason',
];

export const directPaymentSchema = z.object({
  text: long('Describe what the direct payment pays for', 'The description'),
  annualAmount: z
    .string()
    .trim()
    .regex(/^£?\d{1,7}(\.\d{1,2})?$/, { error: 'Enter the amount a year in pounds, like 1200 or 1200.50' }),
});

export const budgetSchema = z.object({
  requested: z.enum(['yes', 'no'], { error: 'Select whether a personal budget was requested' }),
  amount: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^£?\d{1,7}(\.\d{1,2})?$/.test(v), {
      error: 'Enter the amount a year in pounds, like 1200 or 1200.50',
    }),
});

export const poundsToPence = (v: string) => Math.round(Number(v.replace('£', '')) * 100);

export const startSchema = z.object({
  childReference: requiredText(
    {
      empty: 'Enter the child’s reference, like GT-000123',
      tooLong: 'The reference must be 20 characters or fewer',
    },
    20,
  ).regex(/^gt-[a-z0-9]{1,12}$/i, { error: 'Enter the reference in the format GT-000123' }),
});

export const overrideSchema = z.object({
  reason: requiredText(
    {
      empty: 'Enter why the plan should be issued with these errors',
      tooLong: 'The reason must be 2000 characters or fewer',
    },
    2000,
  ).refine((v) => v.length >= 20, {
    error: 'Give the reason in at least 20 characters, so others can understand it',
  }),
});

export const commentSchema = z.object({
  part: z
    .string({ error: 'Select the part of the plan your comment is about' })
    .min(1, { error: 'Select the part of the plan your comment is about' }),
  body: requiredText(
    { empty: 'Enter your comment', tooLong: 'Your comment must be 5000 characters or fewer' },
    5000,
  ),
  token: z.string().max(100).optional(),
});

export const respondSchema = z
  .object({
    response: requiredText(
      { empty: 'Enter your answer to the comment', tooLong: 'The answer must be 5000 characters or fewer' },
      5000,
    ),
    changed: z.enum(['yes', 'no'], { error: 'Select whether the plan was changed' }),
    changeNote: optionalText('What changed must be 1000 characters or fewer', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.changed === 'yes' && !v.changeNote)
      ctx.addIssue({ code: 'custom', path: ['changeNote'], message: 'Say what changed in the plan' });
  });
