/**
 * Disagreement resolution's pure rules (ADR 0047): every outcome against every combination of a meeting date, an
 * agreement and an obligation; the order of dates against today; where an obligation stands.
 */
import { describe, expect, it } from 'vitest';
import {
  hasAgreement,
  obligationStatus,
  RESOLUTION_OUTCOMES,
  resolutionProblems,
  type ResolutionFacts,
} from './resolution.ts';

const TODAY = '2026-05-20';
const base: ResolutionFacts = {
  requestedOn: '2026-04-01',
  heldOn: '2026-04-20',
  outcome: 'agreed',
  agreement: 'Ten hours a week',
  obligations: [{ what: 'Fund the hours', due: '2026-05-01' }],
};
const fields = (f: Partial<ResolutionFacts>) =>
  resolutionProblems({ ...base, ...f }, TODAY).map((p) => p.field);

describe('resolutionProblems', () => {
  it('accepts a complete agreement, and an obligation due on the day of the meeting', () => {
    expect(resolutionProblems(base, TODAY)).toEqual([]);
    expect(fields({ obligations: [{ what: 'x', due: '2026-04-20' }] })).toEqual([]);
    expect(fields({ obligations: [] })).toEqual([]);
  });

  it('a meeting on the day it was asked for, and everything on today, is allowed', () => {
    expect(fields({ requestedOn: TODAY, heldOn: TODAY, obligations: [{ what: 'x', due: TODAY }] })).toEqual(
      [],
    );
  });

  it('nothing in the future: the request, the meeting', () => {
    expect(
      fields({
        requestedOn: '2026-05-21',
        heldOn: null,
        outcome: 'not-held',
        agreement: null,
        obligations: [],
      }),
    ).toEqual(['requestedOn']);
    expect(resolutionProblems({ ...base, heldOn: '2026-05-21', obligations: [] }, TODAY)).toEqual([
      { field: 'heldOn', message: 'The date of the meeting must be today or in the past' },
    ]);
  });

  it('the meeting not before it was asked for', () => {
    expect(resolutionProblems({ ...base, heldOn: '2026-03-31', obligations: [] }, TODAY)).toEqual([
      {
        field: 'heldOn',
        message: 'The date of the meeting must be the same as or after the date it was asked for',
      },
    ]);
  });

  // every outcome × meeting date given or not × agreement given or not × obligation given or not
  const cases = RESOLUTION_OUTCOMES.flatMap((outcome) =>
    [true, false].flatMap((held) =>
      [true, false].flatMap((agreed) => [true, false].map((obliges) => ({ outcome, held, agreed, obliges }))),
    ),
  );
  it.each(cases)('%j', ({ outcome, held, agreed, obliges }) => {
    const expected: string[] = [];
    if (outcome === 'not-held' ? held : !held) expected.push('heldOn');
    if (hasAgreement(outcome) !== agreed) expected.push('agreement');
    if (obliges && !hasAgreement(outcome)) expected.push('obligationWhat');
    expect(
      fields({
        outcome,
        heldOn: held ? base.heldOn : null,
        agreement: agreed ? base.agreement : null,
        obligations: obliges ? base.obligations : [],
      }),
    ).toEqual(expected);
  });

  it('an obligation due before the meeting, once for each such obligation', () => {
    expect(
      fields({
        obligations: [
          { what: 'a', due: '2026-04-19' },
          { what: 'b', due: '2026-04-21' },
          { what: 'c', due: '2026-01-01' },
        ],
      }),
    ).toEqual(['obligationDue', 'obligationDue']);
  });

  it('only agreed and partly agreed outcomes carry an agreement', () => {
    expect(RESOLUTION_OUTCOMES.filter(hasAgreement)).toEqual(['agreed', 'partly-agreed']);
  });
});

describe('obligationStatus', () => {
  it.each([
    [{ due: '2026-05-20', doneOn: null }, 'open'],
    [{ due: '2026-05-19', doneOn: null }, 'overdue'],
    [{ due: '2026-05-21', doneOn: null }, 'open'],
    [{ due: '2026-05-20', doneOn: '2026-05-20' }, 'done'],
    [{ due: '2026-05-20', doneOn: '2026-05-01' }, 'done'],
    [{ due: '2026-05-19', doneOn: '2026-05-20' }, 'done-late'],
  ] as const)('%j on 20 May 2026 is %s', (o, status) => {
    expect(obligationStatus(o, TODAY)).toBe(status);
  });
});
