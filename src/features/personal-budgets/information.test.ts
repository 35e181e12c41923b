/**
 * Reg 3 of the Personal Budgets Regulations (statutory-work.md S8): every message that sends the family a draft plan
 * or an amendment proposal carries the personal budget paragraph; a message without it fails here.
 */
import { describe, expect, it } from 'vitest';
import { amendmentsFeature } from '../amendments/index.ts';
import { assessmentsFeature } from '../assessments/index.ts';
import { plansFeature } from '../plans/index.ts';
import { hasPersonalBudgetInformation } from '../../domain/personal-budget/index.ts';

const DRAFTS_AND_PROPOSALS: Array<[string, Record<string, { body: string }>]> = [
  ['assessment-draft-served', assessmentsFeature.templates],
  ['plan-draft-shared-family', plansFeature.templates],
  ['amendment-proposed', amendmentsFeature.templates],
];

describe('information about personal budgets with every draft and proposal (reg 3)', () => {
  it.each(DRAFTS_AND_PROPOSALS)('%s carries the paragraph', (name, templates) => {
    const template = templates[name];
    expect(template, name).toBeDefined();
    expect(hasPersonalBudgetInformation(template!.body)).toBe(true);
  });

  it('a message to the family that is not a draft or proposal is not checked, and the check can fail', () => {
    expect(hasPersonalBudgetInformation(plansFeature.templates['plan-issued'].body)).toBe(false);
  });
});
