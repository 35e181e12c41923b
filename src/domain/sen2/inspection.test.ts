import { describe, expect, it } from 'vitest';
import { buildInspectionLists, INSPECTION_COLUMNS, type Casework, type CaseworkChild } from './index.ts';

function child(o: Partial<CaseworkChild> & { id: string; reference: string }): CaseworkChild {
  return {
    givenName: 'A',
    familyName: 'B',
    dateOfBirth: '2014-01-01',
    sex: 'M',
    ethnicity: 'WBRI',
    postcode: null,
    upn: 'A100000000001',
    uln: null,
    upnMissingReason: null,
    primaryNeed: 'SEMH',
    planStatus: 'plan',
    planFirstIssued: '2023-01-10',
    knownToSocialCare: true,
    ...o,
  };
}

const casework: Casework = {
  laCode: '999',
  children: [
    child({ id: 'c1', reference: 'GT-3' }),
    child({ id: 'c2', reference: 'GT-1', upn: null, upnMissingReason: 'Not yet of school age' }),
    child({ id: 'c3', reference: 'GT-2', planStatus: 'ceased' }),
    child({ id: 'c4', reference: 'GT-4' }),
    child({
      id: 'c5',
      reference: 'GT-5',
      planStatus: 'none',
      planFirstIssued: null,
      primaryNeed: null,
      knownToSocialCare: false,
    }),
    child({ id: 'c6', reference: 'GT-6', planFirstIssued: '2026-09-01' }),
  ],
  requests: [],
  plans: [
    {
      id: 'p1',
      childId: 'c1',
      caseId: null,
      status: 'amended',
      finalIssued: '2023-01-10',
      placementSettingId: 's1',
      latestIssued: '2025-03-01',
    },
  ],
  placements: [
    { childId: 'c1', settingId: 's1', start: '2022-09-01', end: null, attendance: 'full-time' },
    { childId: 'c1', settingId: 's2', start: '2024-09-01', end: null, attendance: 'dual-registered' },
    { childId: 'c2', settingId: 's3', start: '2024-09-01', end: null, attendance: 'full-time' },
  ],
  settings: [
    { id: 's1', urn: '100001', name: 'Hill', type: 'community', phase: 'Secondary' },
    { id: 's2', urn: '100002', name: 'Unit', type: 'pru', phase: 'Alternative provision' },
    { id: 's3', urn: null, name: 'Home', type: 'EHE', phase: 'None' },
  ],
  extras: new Map([
    ['c4', new Map([['plan.ceasedDate', '2026-01-01']])],
    ['c1', new Map([['plan.reviewMeeting', '2025-11-11']])],
  ]),
};

describe('the inspection lists (S5)', () => {
  const lists = buildInspectionLists(casework, '2026-06-30');
  it('every active plan appears once; a plan ceased before the snapshot does not, nor one issued after it', () => {
    expect(lists.plans.rows.map((r) => r[0])).toEqual(['GT-1', 'GT-3']);
    expect(lists.support.rows.map((r) => r[0])).toEqual(['GT-5']);
  });
  it('has the template columns in order, every row as wide', () => {
    expect(INSPECTION_COLUMNS).toHaveLength(21);
    expect(INSPECTION_COLUMNS.slice(0, 3)).toEqual(['Local ID', 'UPN', 'ULN']);
    for (const r of [...lists.plans.rows, ...lists.support.rows])
      expect(r).toHaveLength(INSPECTION_COLUMNS.length);
  });
  it('fills each column from the casework', () => {
    const row = Object.fromEntries(INSPECTION_COLUMNS.map((c, i) => [c, lists.plans.rows[1]![i]]));
    expect(row).toMatchObject({
      'Local ID': 'GT-3',
      'Date first EHC plan issued': '2023-01-10',
      'Date latest EHC plan issued': '2025-03-01',
      'Date last reviewed': '2025-11-11',
      'Primary need': 'SEMH',
      'Main establishment URN': '100001',
      'Main establishment phase': 'Secondary',
      'Dual registration phase': 'Alternative provision',
      'Elective home education': 'N',
      "Known to children's social care": 'Y',
      Suspensions: '',
    });
    expect(lists.plans.rows[0]![INSPECTION_COLUMNS.indexOf('Elective home education')]).toBe('Y');
  });
  it('the completeness report counts blanks per column and lists every blank UPN with its reason code', () => {
    const upn = lists.plans.completeness.find((c) => c.column === 'UPN')!;
    expect(upn).toEqual({ column: 'UPN', filled: 1, blank: 1, percent: 50 });
    expect(lists.plans.completeness.find((c) => c.column === 'Suspensions')).toMatchObject({
      filled: 0,
      blank: 2,
    });
    expect(lists.plans.blankUpns).toEqual([{ localId: 'GT-1', reason: 'UN1' }]);
    expect(
      buildInspectionLists({ ...casework, children: [] }, '2026-06-30').plans.completeness[0]!.percent,
    ).toBe(0);
  });
});
