/**
 * S9 (statutory-work.md): whether a plan may be ceased on a ground, and what must be on record first. The dates
 * (in force until the appeal window closes, or the appeal ends) are the clock's ceaseDates.
 * Grounds (CFA s45; regs 29-31): (a) the authority is no longer responsible: the young person moved on to higher
 * education or paid employment, is 18 or over and left education and does not wish to return, reached the end of
 * the academic year of their 25th birthday, or left England (a move to another English authority is a transfer,
 * S11); (b) the plan is no longer necessary. For an under-18: only (b) (reg 29(1), as the specification reads it;
 * the child's moving out of England or death end the plan without a cease decision on a ground), and leaving
 * education is never a ground: review and amend instead (reg 29(2)).
 */
import { ageOn } from '../school-year.ts';
import { checkedDate } from './dates.ts';
import type { FieldError } from './lifecycle.ts';

export const CEASE_GROUNDS = [
  'no-longer-necessary',
  'higher-education',
  'paid-employment',
  'left-education',
  'maximum-age',
  'left-england',
] as const;
export type CeaseGround = (typeof CEASE_GROUNDS)[number];

/** Each ground's words and its SEN2 module 4a "reason ceased" code (reporting.md). */
export const CEASE_GROUND_INFO: Readonly<
  Record<CeaseGround, { label: string; sen2: string; under18: boolean }>
> = {
  'no-longer-necessary': {
    label: 'The plan is no longer necessary: needs can be met without it',
    sen2: '2',
    under18: true,
  },
  'higher-education': {
    label: 'The young person has moved on to higher education',
    sen2: '3',
    under18: false,
  },
  'paid-employment': { label: 'The young person has moved on to paid employment', sen2: '4', under18: false },
  'left-education': {
    label: 'The young person (18 or over) has left education and does not wish to return',
    sen2: '6',
    under18: false,
  },
  'maximum-age': { label: 'The end of the academic year of their 25th birthday', sen2: '1', under18: false },
  'left-england': { label: 'They have moved out of England', sen2: '7', under18: true },
};

export const REG_29_MESSAGE =
  'A plan for a child or young person under 18 cannot be stopped because they have left education: review the plan and amend it so they get the education they need instead (SEND Regulations 2014, reg 29).';

export interface CeaseDecisionInput {
  readonly dateOfBirth: string;
  /** The day of the decision. */
  readonly decisionDate: string;
  readonly ground: string | null | undefined;
  /** When the family was consulted (reg 31(1)(a)). */
  readonly familyConsulted: string | null | undefined;
  /** When the head or principal of the named institution was consulted (reg 31(1)(b)); not asked with none named. */
  readonly institutionConsulted: string | null | undefined;
  readonly hasNamedInstitution: boolean;
  /** For `left-education` (18+): the date of the review that established they do not wish to return (reg 30). */
  readonly reviewEstablishingNoReturn?: string | null;
}

/** Whether a decision to cease may be saved. Refused with messages for the error summary; nothing else is inferred. */
export function checkCeaseDecision(
  input: CeaseDecisionInput,
): { ok: true; ground: CeaseGround; sen2Reason: string } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const decision = checkedDate(input.decisionDate, 'decisionDate');
  const ground = input.ground ?? '';
  if (!(CEASE_GROUNDS as readonly string[]).includes(ground)) {
    return { ok: false, errors: [{ field: 'ground', message: 'Select the reason for stopping the plan' }] };
  }
  const g = ground as CeaseGround;
  const under18 = ageOn(input.dateOfBirth, input.decisionDate) < 18;
  if (under18 && g === 'left-education') {
    errors.push({ field: 'ground', message: REG_29_MESSAGE });
  } else if (under18 && !CEASE_GROUND_INFO[g].under18) {
    errors.push({
      field: 'ground',
      message:
        'For a child or young person under 18 a plan can only be stopped because it is no longer necessary (SEND Regulations 2014, reg 29(1)).',
    });
  }
  if (g === 'left-education' && !under18 && !input.reviewEstablishingNoReturn) {
    errors.push({
      field: 'reviewEstablishingNoReturn',
      message:
        'Record the review that found the young person does not wish to return to education, or that returning is not appropriate; otherwise amend the plan (SEND Regulations 2014, reg 30).',
    });
  }
  const consulted = (value: string | null | undefined, field: string, who: string) => {
    if (!value) {
      errors.push({
        field,
        message: `Record when you consulted ${who} before deciding (SEND Regulations 2014, reg 31(1))`,
      });
      return;
    }
    if (checkedDate(value, field) > decision) {
      errors.push({ field, message: `You must consult ${who} before the decision, not after it` });
    }
  };
  consulted(input.familyConsulted, 'familyConsulted', 'the family');
  if (input.hasNamedInstitution) {
    consulted(
      input.institutionConsulted,
      'institutionConsulted',
      'the head or principal of the school or college named in the plan',
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ground: g, sen2Reason: CEASE_GROUND_INFO[g].sen2 };
}
