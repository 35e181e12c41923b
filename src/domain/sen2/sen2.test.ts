import { describe, expect, it } from 'vitest';
import {
  buildSen2Return,
  censusDateOf,
  checkSen2Return,
  CSV_COLUMNS,
  isCode,
  parseCsv,
  planImport,
  readSen2Csv,
  readSen2Xml,
  settingKeyText,
  upnUnknownCode,
  writeSen2Csv,
  writeSen2Xml,
  type Casework,
  type CaseworkChild,
  type CaseworkRequest,
  type ImportPlan,
  type Sen2Return,
} from './index.ts';

const CENSUS = '2027-01-21';
const options = { census: CENSUS, generatedAt: '2027-01-22T09:00:00Z', softwareCode: 'GOLDTHREAD' };

function child(o: Partial<CaseworkChild> & { id: string; reference: string }): CaseworkChild {
  return {
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
    ...o,
  };
}

function request(
  o: Partial<CaseworkRequest> & { id: string; childId: string; received: string },
): CaseworkRequest {
  return { requestedBy: 'parent', decision: null, outcome: null, finalIssued: null, exceptions: false, ...o };
}

function casework(o: Partial<Casework> = {}): Casework {
  return {
    laCode: '999',
    children: [child({ id: 'c1', reference: 'GT-000001' })],
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
    settings: [
      { id: 's1', urn: '100001', name: 'Hill School', type: 'community', phase: 'primary' },
      { id: 's2', urn: null, name: 'Home', type: 'EHE', phase: 'none' },
    ],
    extras: new Map(),
    ...o,
  };
}

/** What the feature does with an import plan, done in memory: the casework the import would leave. */
function caseworkFrom(plan: ImportPlan): Casework {
  const settings = [...plan.settings.entries()].map(([key, s], i) => ({
    id: `set-${i}-${key}`,
    urn: s.urn || null,
    name: key,
    type: s.type,
    phase: 'unknown',
  }));
  const settingId = (k: { urn: string; ukprn: string; settingCode: string }) =>
    settings.find(
      (s) =>
        s.name ===
        settingKeyText({
          urn: k.urn,
          ukprn: k.urn ? '' : k.ukprn,
          settingCode: k.urn || k.ukprn ? '' : k.settingCode,
        }),
    )!.id;
  const out: Casework = {
    laCode: plan.laCode,
    children: [],
    requests: [],
    plans: [],
    placements: [],
    settings,
    extras: new Map(),
  };
  plan.persons.forEach((p, i) => {
    const id = `child-${i}`;
    (out.children as CaseworkChild[]).push({
      id,
      reference: p.reference,
      knownToSocialCare: false,
      ...p.child,
    });
    p.requests.forEach((r, j) =>
      (out.requests as CaseworkRequest[]).push({ id: `${id}-r${j}`, childId: id, exceptions: false, ...r }),
    );
    if (p.plan) {
      (out.plans as Casework['plans'][number][]).push({
        id: `${id}-plan`,
        childId: id,
        caseId: p.plan.requestIndex === null ? null : `${id}-r${p.plan.requestIndex}`,
        status: 'final',
        finalIssued: p.plan.startDate,
        placementSettingId: p.plan.placement ? settingId(p.plan.placement) : null,
        latestIssued: p.plan.startDate,
      });
    }
    for (const pl of p.placements)
      (out.placements as Casework['placements'][number][]).push({
        childId: id,
        settingId: settingId(pl.setting),
        start: pl.start,
        end: pl.end,
        attendance: pl.attendance,
      });
    (out.extras as Map<string, Map<string, string>>).set(id, new Map(Object.entries(p.extras)));
  });
  return out;
}

describe('code lists', () => {
  it('census dates are the third Thursday of January (15 January 2026, 21 January 2027)', () => {
    expect(censusDateOf(2026)).toBe('2026-01-15');
    expect(censusDateOf(2027)).toBe('2027-01-21');
    expect(censusDateOf(2025)).toBe('2025-01-16');
  });
  it('holds the lists of reporting.md', () => {
    for (const need of [
      'SPLD',
      'MLD',
      'SLD',
      'PMLD',
      'SEMH',
      'SLCN',
      'HI',
      'VI',
      'MSI',
      'PD',
      'ASD',
      'DS',
      'OTH',
    ])
      expect(isCode('needType', need)).toBe(true);
    for (const code of ['OLA', 'OPA', 'EHE', 'EYP', 'OTH', 'NEET', 'NIEC', 'NIEO'])
      expect(isCode('settingCode', code)).toBe(true);
    expect(['1', '2', '3', '4', '5', '6', '7', '8', '9'].every((c) => isCode('ceasedReason', c))).toBe(true);
    expect(
      isCode('reviewDecision', 'A') && isCode('reviewDecision', 'C') && isCode('reviewDecision', 'M'),
    ).toBe(true);
    expect(isCode('needType', 'XYZ')).toBe(false);
    expect(isCode('settingCode', 'toString')).toBe(false);
  });
  it('turns a reason for a missing UPN into a code', () => {
    expect(upnUnknownCode('')).toBe('');
    expect(upnUnknownCode('un3')).toBe('UN3');
    expect(upnUnknownCode('Not yet of school age')).toBe('UN1');
    expect(upnUnknownCode('Not yet supplied by the setting')).toBe('UN9');
  });
});

describe('the return from the casework', () => {
  it('writes the header, the person, the plan, its detail, placements and need', () => {
    const ret = buildSen2Return(casework(), options);
    expect(ret.header).toMatchObject({
      collection: 'SEN2',
      year: '2027',
      referenceDate: CENSUS,
      laCode: '999',
    });
    expect(ret.persons).toHaveLength(1);
    const [p] = ret.persons;
    expect(p).toMatchObject({
      personId: 'GT-000001',
      surname: 'Lovegood',
      forename: 'Ada',
      upn: 'A123456789012',
      upnUnknown: '',
    });
    expect(p!.plans[0]).toMatchObject({ planNo: '1', requestNo: '', startDate: '2024-03-01' });
    expect(p!.plans[0]!.details).toEqual([
      { urn: '100001', ukprn: '', settingCode: '', placementRank: '1', senUnit: '', resourcedProvision: '' },
    ]);
    expect(p!.plans[0]!.active!.placements).toEqual([
      expect.objectContaining({
        urn: '100001',
        placementRank: '1',
        entryDate: '2023-09-01',
        leavingDate: '',
      }),
    ]);
    expect(p!.plans[0]!.active!.needs).toEqual([{ needType: 'ASD', needRank: '1' }]);
  });

  it('S6: a request received 2025-12-20 and decided 2026-01-30 is in the return for activity in 2026 with its outcome', () => {
    const cw = casework({
      children: [child({ id: 'c1', reference: 'GT-1', planStatus: 'assessment', planFirstIssued: null })],
      plans: [],
      requests: [
        request({
          id: 'r1',
          childId: 'c1',
          received: '2025-12-20',
          decision: { date: '2026-01-30', outcome: 'assess' },
        }),
      ],
    });
    const ret = buildSen2Return(cw, options);
    expect(ret.persons[0]!.requests).toEqual([
      expect.objectContaining({
        requestNo: '1',
        receivedDate: '2025-12-20',
        requestOutcome: 'A',
        requestOutcomeDate: '2026-01-30',
      }),
    ]);
    // In the previous year's return (census 15 January 2026) it is there, received, with no outcome yet.
    const earlier = buildSen2Return(cw, { ...options, census: '2026-01-15' });
    expect(earlier.persons[0]!.requests[0]).toMatchObject({
      receivedDate: '2025-12-20',
      requestOutcome: '',
      requestOutcomeDate: '',
    });
  });

  it('leaves out requests concluded before the activity year and after the census, and children with nothing in it', () => {
    const cw = casework({
      children: [child({ id: 'c1', reference: 'GT-1', planStatus: 'none', planFirstIssued: null })],
      plans: [],
      requests: [
        request({
          id: 'old',
          childId: 'c1',
          received: '2024-02-01',
          decision: { date: '2024-03-01', outcome: 'not-assess' },
        }),
        request({ id: 'late', childId: 'c1', received: '2027-02-01' }),
      ],
    });
    expect(buildSen2Return(cw, options).persons).toEqual([]);
  });

  it('keeps an open request from before the year, and writes the assessment and the exceptions flag', () => {
    const cw = casework({
      requests: [
        request({
          id: 'r1',
          childId: 'c1',
          received: '2025-11-01',
          requestedBy: 'school',
          decision: { date: '2025-12-01', outcome: 'assess' },
          outcome: { date: '2026-03-10', outcome: 'issue-plan' },
          finalIssued: '2026-03-10',
          exceptions: true,
        }),
      ],
      plans: [
        {
          id: 'p1',
          childId: 'c1',
          caseId: 'r1',
          status: 'final',
          finalIssued: '2026-03-10',
          placementSettingId: 's1',
          latestIssued: null,
        },
      ],
      children: [child({ id: 'c1', reference: 'GT-1', planFirstIssued: '2026-03-10' })],
    });
    const p = buildSen2Return(cw, options).persons[0]!;
    expect(p.requests[0]).toMatchObject({
      requestSource: 'S',
      requestOutcome: 'A',
      requestOutcomeDate: '2025-12-01',
    });
    expect(p.requests[0]!.assessment).toEqual({
      assessmentOutcome: 'I',
      assessmentOutcomeDate: '2026-03-10',
      assessmentMediation: '',
      assessmentTribunal: '',
      exceptionsApply: 'Y',
    });
    expect(p.plans[0]!.requestNo).toBe('1');
  });

  it('a ceased plan has no active plan; one ceased before the year is left out', () => {
    const ceasedIn = casework({
      children: [child({ id: 'c1', reference: 'GT-1', planStatus: 'ceased' })],
      extras: new Map([
        [
          'c1',
          new Map([
            ['plan.ceasedDate', '2026-07-01'],
            ['plan.ceasedReason', '4'],
          ]),
        ],
      ]),
    });
    const plan = buildSen2Return(ceasedIn, options).persons[0]!.plans[0]!;
    expect(plan).toMatchObject({ ceasedDate: '2026-07-01', ceasedReason: '4', active: null });
    const ceasedBefore = casework({
      children: [child({ id: 'c1', reference: 'GT-1', planStatus: 'ceased' })],
      extras: new Map([['c1', new Map([['plan.ceasedDate', '2025-07-01']])]]),
    });
    expect(buildSen2Return(ceasedBefore, options).persons).toEqual([]);
  });

  it('a dual registration is the secondary placement; a child without a plan row takes the current placement', () => {
    const cw = casework({
      plans: [],
      placements: [
        { childId: 'c1', settingId: 's1', start: '2023-09-01', end: null, attendance: 'full-time' },
        { childId: 'c1', settingId: 's2', start: '2026-01-05', end: null, attendance: 'dual-registered' },
        { childId: 'c1', settingId: 's1', start: '2020-09-01', end: '2022-07-20', attendance: 'full-time' },
      ],
    });
    const plan = buildSen2Return(cw, options).persons[0]!.plans[0]!;
    expect(plan.details.map((d) => d.urn)).toEqual(['100001']);
    expect(plan.active!.placements.map((p) => [p.urn, p.settingCode, p.placementRank])).toEqual([
      ['100001', '', '1'],
      ['', 'EHE', '2'],
    ]);
  });
});

describe('the pre-submission check', () => {
  const base = (): Sen2Return => buildSen2Return(casework(), options);
  const codes = (ret: Sen2Return) => checkSen2Return(ret).map((p) => p.code);

  it('finds nothing in a complete return', () => {
    expect(checkSen2Return(base())).toEqual([]);
  });
  it('a missing UPN with no reason, linked to the child', () => {
    const ret = buildSen2Return(
      casework({ children: [child({ id: 'c1', reference: 'GT-1', upn: null })] }),
      options,
    );
    expect(checkSen2Return(ret)).toEqual([
      expect.objectContaining({
        code: 'upn-missing',
        personId: 'GT-1',
        module: '1',
        item: 'UPN',
        links: { childId: 'c1' },
      }),
    ]);
    const reasoned = buildSen2Return(
      casework({ children: [child({ id: 'c1', reference: 'GT-1', upn: null, upnMissingReason: 'UN2' })] }),
      options,
    );
    expect(checkSen2Return(reasoned)).toEqual([]);
  });
  it('impossible dates', () => {
    const ret = base();
    const p = ret.persons[0]!;
    p.dateOfBirth = '2027-02-01';
    expect(codes(ret)).toContain('impossible-date');
    const r2 = base();
    r2.persons[0]!.plans[0]!.ceasedDate = '2020-01-01';
    r2.persons[0]!.plans[0]!.ceasedReason = '9';
    expect(codes(r2)).toEqual(['impossible-date']);
    const r3 = base();
    r3.persons[0]!.plans[0]!.active!.placements[0]!.leavingDate = '2020-01-01';
    expect(checkSen2Return(r3)[0]).toMatchObject({
      code: 'impossible-date',
      module: '5b',
      item: 'LeavingDate',
    });
  });
  it('an outcome without a date, and a date without an outcome', () => {
    const ret = buildSen2Return(
      casework({
        requests: [
          request({
            id: 'r1',
            childId: 'c1',
            received: '2026-02-01',
            decision: { date: '2026-03-01', outcome: 'assess' },
          }),
        ],
      }),
      options,
    );
    ret.persons[0]!.requests[0]!.requestOutcomeDate = '';
    expect(checkSen2Return(ret)).toEqual([
      expect.objectContaining({
        code: 'outcome-without-date',
        module: '2',
        links: { childId: 'c1', caseId: 'r1' },
      }),
    ]);
    ret.persons[0]!.requests[0]!.requestOutcome = '';
    ret.persons[0]!.requests[0]!.requestOutcomeDate = '2026-03-01';
    expect(codes(ret)).toEqual(['date-without-outcome']);
  });
  it('a plan without a placement, and without a need', () => {
    const ret = buildSen2Return(
      casework({
        plans: [],
        placements: [],
        children: [child({ id: 'c1', reference: 'GT-1', primaryNeed: null })],
      }),
      options,
    );
    expect(codes(ret)).toEqual(['plan-without-placement', 'plan-without-need']);
  });
  it('a need without a rank', () => {
    const ret = base();
    ret.persons[0]!.plans[0]!.active!.needs.push({ needType: 'SEMH', needRank: '' });
    expect(checkSen2Return(ret)).toEqual([
      expect.objectContaining({ code: 'need-without-rank', item: 'SENtypeRank' }),
    ]);
  });
});

function rich(): Sen2Return {
  const cw = casework({
    children: [
      child({ id: 'c1', reference: 'GT-000001' }),
      child({
        id: 'c2',
        reference: 'GT-000002',
        familyName: 'O\'Brien, "Jr"',
        givenName: '=SUM(A1)',
        upn: null,
        upnMissingReason: 'UN3',
        planStatus: 'assessment',
        planFirstIssued: null,
      }),
    ],
    requests: [
      request({
        id: 'r1',
        childId: 'c2',
        received: '2026-02-01',
        decision: { date: '2026-03-01', outcome: 'assess' },
      }),
      request({
        id: 'r0',
        childId: 'c2',
        received: '2026-01-10',
        decision: { date: '2026-01-20', outcome: 'not-assess' },
        requestedBy: 'young-person',
      }),
    ],
    extras: new Map([
      [
        'c1',
        new Map([
          ['plan.needs', JSON.stringify([{ needType: 'DS', needRank: '2' }])],
          ['plan.reviewMeeting', '2026-05-01'],
          ['plan.reviewDecision', 'M'],
        ]),
      ],
      ['c2', new Map([['request.2026-02-01.requestMediation', 'Y']])],
    ]),
  });
  return buildSen2Return(cw, options);
}

describe('CSV', () => {
  it('writes one row per record with the keys, and reads it back to the same return', () => {
    const ret = rich();
    const text = writeSen2Csv(ret);
    const lines = parseCsv(text);
    expect(lines[0]!.cells).toEqual(CSV_COLUMNS);
    expect(lines.map((l) => l.cells[0])).toEqual([
      'Module',
      '0',
      '1',
      '4a',
      '4b',
      '5a',
      '5b',
      '5c',
      '5c',
      '1',
      '2',
      '2',
      '3',
    ]);
    const back = readSen2Csv(text);
    expect(back.problems).toEqual([]);
    expect(writeSen2Csv(back.ret!)).toBe(text);
    expect(text.endsWith('\r\n')).toBe(true);
  });
  it('neutralises formula cells (the one CSV writer) and restores them when reading', () => {
    const text = writeSen2Csv(rich());
    expect(text).toContain(",'=SUM(A1),");
    expect(readSen2Csv(text).ret!.persons[1]!.forename).toBe('=SUM(A1)');
  });
  it('reports every row it cannot use, with its line and reason, and what hangs from it', () => {
    const text = writeSen2Csv(rich())
      .replace('2026-02-01', '2026-02-30')
      .replace(',ASD,1', ',ASD,')
      .concat('9,GT-1,,,\r\n');
    const { ret, problems } = readSen2Csv(text);
    expect(problems.map((p) => [p.where, p.module, p.reason])).toEqual([
      ['line 12', '2', 'ReceivedDate "2026-02-30" is not a date (YYYY-MM-DD)'],
      ['line 13', '3', 'request 2 of GT-000002 has no usable request row before this'],
      ['line 14', '9', `the row has 5 cells, not ${CSV_COLUMNS.length}`],
    ]);
    // A need without a rank is read, and the pre-submission check names it.
    expect(checkSen2Return(ret!).map((p) => p.code)).toEqual(['need-without-rank']);
    expect(ret!.persons[1]!.requests).toHaveLength(1);
  });
  it('refuses a file without the SEN2 columns or header', () => {
    expect(readSen2Csv('a,b\r\n1,2\r\n').ret).toBeNull();
    expect(readSen2Csv('').problems[0]!.reason).toBe('the file is empty');
    const noHeader = writeSen2Csv(rich())
      .split('\r\n')
      .filter((l) => !l.startsWith('0,'))
      .join('\r\n');
    expect(readSen2Csv(noHeader)).toMatchObject({
      ret: null,
      problems: [expect.objectContaining({ reason: 'there is no header row (module 0)' })],
    });
    expect(readSen2Csv('"unclosed').problems[0]!.reason).toMatch(/not closed/);
  });
  it('parses quoted cells with commas, quotes and line breaks, LF or CRLF, and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,"b,c","d""e"\n"f\ng",h\r\n\r\n').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b,c', 'd"e']],
      [2, ['f\ng', 'h']],
    ]);
  });
});

describe('XML', () => {
  it('writes the modules nested and reads them back to the same return', () => {
    const ret = rich();
    const xml = writeSen2Xml(ret);
    expect(xml).toContain('<Surname>O&apos;Brien, &quot;Jr&quot;</Surname>'.replace('&apos;', "'"));
    expect(xml).toMatch(/<Request>\s*<RequestNo>2<\/RequestNo>[\s\S]*<Assessment>/);
    const back = readSen2Xml(xml);
    expect(back.problems).toEqual([]);
    expect(writeSen2Xml(back.ret!)).toBe(xml);
    expect(writeSen2Csv(back.ret!)).toBe(writeSen2Csv(ret));
  });
  it('reports bad records and bad documents', () => {
    const xml = writeSen2Xml(rich()).replace('<SENtype>DS</SENtype>', '<SENtype>XX</SENtype>');
    const problems = readSen2Xml(xml).problems;
    expect(problems.map((p) => p.where)).toEqual(['Person 1 (GT-000001), NamedPlan 1, SENneed 2']);
    expect(problems[0]!.reason).toContain('"XX" is not one of');
    expect(readSen2Xml('<Message><Header>').problems[0]!.reason).toMatch(/not closed/);
    expect(readSen2Xml('<Other/>').ret).toBeNull();
    expect(readSen2Xml('<Message><A>&bogus;</A></Message>').problems[0]!.reason).toMatch(/unknown entity/);
  });
});

describe('reading a return into the casework', () => {
  it('export, import, export gives back the same file', () => {
    const ret = rich();
    const plan = planImport(readSen2Csv(writeSen2Csv(ret)).ret!);
    expect(plan.problems).toEqual([]);
    const again = buildSen2Return(caseworkFrom(plan), options);
    expect(writeSen2Csv(again)).toBe(writeSen2Csv(ret));
  });
  it('keeps items the casework does not hold (ceasing, reviews, flags, codes, UKPRNs) and gives them back', () => {
    const text = writeSen2Csv(rich());
    const ret = readSen2Csv(text).ret!;
    const plan1 = ret.persons[0]!.plans[0]!;
    Object.assign(plan1, { planResidential: 'Y', personalBudget: 'Y', directPayments: 'N' });
    plan1.details.push({
      urn: '',
      ukprn: '10012345',
      settingCode: '',
      placementRank: '2',
      senUnit: 'Y',
      resourcedProvision: '',
    });
    plan1.active!.placements.push({
      urn: '',
      ukprn: '',
      settingCode: 'NIEO',
      placementRank: '2',
      entryDate: '2026-09-01',
      leavingDate: '2026-12-01',
      senUnit: '',
      resourcedProvision: '',
      residential: 'N',
      workBased: 'Y',
    });
    Object.assign(ret.persons[1]!.requests[0]!, {
      requestOutcome: 'W',
      requestOutcomeDate: '2025-10-20',
      youthAccommodation: 'N',
      movedOut: 'Y',
    });
    ret.persons[1]!.requests[0]!.assessment = null;
    const expected = writeSen2Csv(ret);
    const plan = planImport(readSen2Csv(expected).ret!);
    expect(plan.problems).toEqual([]);
    expect(writeSen2Csv(buildSen2Return(caseworkFrom(plan), options))).toBe(expected);
  });
  it('turns a person into a child, requests, a plan, placements and a primary need', () => {
    const plan = planImport(rich());
    expect(plan.persons[0]).toMatchObject({
      reference: 'GT-000001',
      child: {
        familyName: 'Lovegood',
        primaryNeed: 'ASD',
        planStatus: 'plan',
        planFirstIssued: '2024-03-01',
      },
      plan: { startDate: '2024-03-01', placement: { urn: '100001' }, requestIndex: null },
      placements: [{ setting: { urn: '100001' }, start: '2023-09-01', end: null, attendance: 'full-time' }],
    });
    expect(plan.persons[1]).toMatchObject({
      child: { planStatus: 'assessment', upnMissingReason: 'UN3' },
      requests: [
        { received: '2026-01-10', requestedBy: 'young-person', decision: { outcome: 'not-assess' } },
        { received: '2026-02-01', requestedBy: 'parent', decision: { outcome: 'assess' }, outcome: null },
      ],
    });
    expect([...plan.settings.keys()]).toEqual(['100001||']);
  });
  it('reports what the casework cannot take', () => {
    const ret = rich();
    ret.persons[0]!.sex = 'U';
    ret.persons[1]!.requests[1]!.receivedDate = ret.persons[1]!.requests[0]!.receivedDate;
    const plan = planImport(ret);
    expect(plan.problems.map((p) => [p.personId, p.module, p.reason])).toEqual([
      ['GT-000001', '1', 'Sex "U" cannot be kept: the casework records F or M'],
      ['GT-000002', '2', 'request 2: a second request received on 2026-01-10 cannot be told apart'],
    ]);
    const placement = rich();
    placement.persons[0]!.plans[0]!.active!.placements[0]!.entryDate = '';
    expect(planImport(placement).problems[0]!.reason).toMatch(/EntryDate is blank/);
  });
});

describe('the CSV reader', () => {
  it('reads plain lines and quoted ones alike, numbering lines across both', () => {
    const text = 'a,b\r\nc,\r\n\r\n"d\ne",f\ng,h\n';
    expect(parseCsv(text).map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['c', '']],
      [4, ['d\ne', 'f']],
      [6, ['g', 'h']],
    ]);
    expect(parseCsv('x,y').map((r) => r.cells)).toEqual([['x', 'y']]);
    expect(parseCsv('')).toEqual([]);
  });
});
