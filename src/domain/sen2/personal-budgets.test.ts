/** S8 acceptance: SEN2 module 4 flags derive from the personal budget decisions (src/domain/personal-budget). */
import { describe, expect, it } from 'vitest';
import { buildSen2Return, type Casework } from './index.ts';

const CENSUS = '2027-01-21';
const options = { census: CENSUS, generatedAt: '2027-01-22T09:00:00Z', softwareCode: 'GOLDTHREAD' };

function casework(o: Partial<Casework> = {}): Casework {
  return {
    laCode: '999',
    children: [
      {
        id: 'c1',
        reference: 'GT-000001',
        givenName: 'Ada',
        familyName: 'Lovegood',
        dateOfBirth: '2015-05-01',
        sex: 'F',
        ethnicity: 'WBRI',
        postcode: 'ZZ99 1AA',
        upn: 'A123456789012',
        uln: null,
        upnMissingReason: null,
        primaryNeed: 'ASD',
        planStatus: 'plan',
        planFirstIssued: '2024-03-01',
        knownToSocialCare: false,
      },
    ],
    requests: [],
    plans: [
      {
        id: 'p1',
        childId: 'c1',
        caseId: null,
        status: 'final',
        finalIssued: '2024-03-01',
        placementSettingId: 's1',
        latestIssued: '2025-06-01',
      },
    ],
    placements: [{ childId: 'c1', settingId: 's1', start: '2023-09-01', end: null, attendance: 'full-time' }],
    settings: [{ id: 's1', urn: '100001', name: 'Hill School', type: 'community', phase: 'primary' }],
    extras: new Map(),
    ...o,
  };
}

const planOf = (c: Casework) => buildSen2Return(c, options).persons[0]!.plans[0]!;

describe('SEN2 module 4a personal budget items', () => {
  it('derive from the decisions at the census date and win over a kept item', () => {
    const kept = new Map([['c1', new Map([['plan.personalBudget', 'N']])]]);
    const plan = planOf(
      casework({
        extras: kept,
        personalBudgets: new Map([
          [
            'c1',
            [
              {
                decidedOn: '2026-09-01',
                elements: [{ element: 'social-care', pence: 300_000, arrangement: 'direct-payment' }],
                payments: [],
              },
            ],
          ],
        ]),
      }),
    );
    expect([plan.personalBudget, plan.organisedArrangements, plan.directPayments]).toEqual(['Y', 'N', 'Y']);
  });

  it('a decision after the census date does not count; a child with no decision keeps what was read in', () => {
    const later = planOf(
      casework({
        personalBudgets: new Map([
          [
            'c1',
            [
              {
                decidedOn: '2027-02-01',
                elements: [{ element: 'health', pence: 5, arrangement: 'notional' }],
                payments: [],
              },
            ],
          ],
        ]),
      }),
    );
    expect(later.personalBudget).toBe('N');
    const kept = planOf(casework({ extras: new Map([['c1', new Map([['plan.personalBudget', 'Y']])]]) }));
    expect(kept.personalBudget).toBe('Y');
  });
});
