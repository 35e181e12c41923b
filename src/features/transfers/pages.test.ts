/**
 * The cohort board with a stand-in service over the real board logic (boardOf) and the real views, no database:
 * counts by stage, deadline, school and officer, each opening a list of exactly as many children; what must happen
 * next; filters that cannot be read are dropped. Access and the audit log are tested on the database in
 * transfers.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouteTestApp, testActor, type RouteTestApp } from '../../../test/helpers/route-app.ts';
import {
  cohortEntry,
  namingOf,
  nextAction,
  NO_FACTS,
  transferStage,
  type TransferFacts,
} from '../../domain/transfer/index.ts';
import { transfersFeature } from './index.ts';
import { boardOf, type BoardQuery, type CohortRow, type TransfersService } from './service.ts';

const TODAY = '2026-01-26';
const SCHOOLS = [
  {
    id: '00000000-0000-4000-8000-00000000a001',
    name: 'Northgate Primary',
    kind: 'school',
    firstYear: 0,
    lastYear: 6,
  },
  {
    id: '00000000-0000-4000-8000-00000000a002',
    name: 'Eastfield High',
    kind: 'school',
    firstYear: 7,
    lastYear: 11,
  },
] as const;
const OFFICERS = [
  { id: '00000000-0000-4000-8000-00000000b001', name: 'Olive Officer' },
  { id: null, name: null },
] as const;

const FACTS: ReadonlyArray<Partial<TransferFacts>> = [
  {},
  { reviewHeld: '2025-11-03' },
  { reviewHeld: '2025-11-03', preferenceReceived: '2025-11-10' },
  {
    preferenceReceived: '2025-11-10',
    consultationSent: '2025-11-12',
    consultations: 2,
    consultationsAnswered: 1,
  },
  { consultationSent: '2025-11-12', proposalSent: '2026-01-12' },
  { proposalSent: '2025-12-01', named: '2026-01-05' },
];

function rows(): CohortRow[] {
  const out: CohortRow[] = [];
  for (let i = 0; i < 60; i++) {
    const school = SCHOOLS[i % 2]!;
    const officer = OFFICERS[i % 3 === 0 ? 1 : 0];
    const dateOfBirth = school.lastYear === 6 ? '2014-12-01' : '2009-12-01';
    const entry = cohortEntry({ dateOfBirth, on: TODAY, setting: school });
    if (!entry.inCohort) throw new Error('not in cohort');
    const facts = { ...NO_FACTS, ...FACTS[i % FACTS.length] };
    const { stage, namedLate } = transferStage(entry.dates, facts, TODAY);
    out.push({
      child: {
        id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        reference: `GT-${String(i + 1).padStart(6, '0')}`,
        givenName: `Given${i + 1}`,
        familyName: `Family${i + 1}`,
        dateOfBirth,
        officerId: officer.id,
        officerName: officer.name,
        setting: school,
      },
      yearGroup: school.lastYear === 6 ? 'Year 6' : 'Year 11',
      label: entry.label,
      dates: entry.dates,
      facts,
      stage,
      namedLate,
      naming: namingOf(
        facts.named ? [{ issued: facts.named, namedSettingId: 'the-new-setting' }] : [],
        school.id,
        entry.dates,
        entry.dates.reviewFrom.date,
        TODAY,
      ),
      next: nextAction(entry.dates, facts, stage, TODAY),
      moveYear: entry.moveYear,
      told: i % 4 === 0,
    });
  }
  return out;
}

describe('the phase-transfer board with a stand-in service', () => {
  let app: RouteTestApp;
  const asked: BoardQuery[] = [];
  const all = rows();
  const service: Partial<TransfersService> = {
    today: () => TODAY,
    mayTell: () => true,
    board: (_actor, q) => {
      asked.push(q);
      return Promise.resolve(boardOf(all, TODAY, q));
    },
  };

  beforeAll(async () => {
    app = await createRouteTestApp({
      features: [transfersFeature],
      services: { transfers: service },
      actor: testActor('team-manager'),
    });
  });
  afterAll(() => app?.close());

  it('shows the cohort by stage, deadline, school and officer, with what must happen next', async () => {
    const response = await app.inject('/transfers');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('School year 2025 to 2026');
    expect(body).toContain('Phase transfers');
    expect(body).toContain('60 children, the most urgent first');
    expect(body).toContain('14 February 2026');
    expect(body).toContain('30 March 2026');
    expect(body).toContain('Northgate Primary');
    expect(body).toContain('Olive Officer');
    expect(body).toContain('No lead officer');
    expect(body).toContain('Hold the phase-transfer review');
    expect(body).toContain('Issue the amended plan naming the setting');
    expect(body).toContain('planning date');
    expect(body).toContain('legal deadline');
    expect(body).toContain('Page 2');
    const untold = all.filter((r) => !r.told && r.stage !== 'named' && r.stage !== 'late').length;
    expect(body).toContain(`${untold} children not yet named whose family has not been told`);
    expect(body).toContain('Tell these families');
  });

  it('every number on the board opens a list of exactly that many children', async () => {
    const body = (await app.inject('/transfers')).body;
    const links = [...body.matchAll(/<a class="govuk-link" href="([^"]+#children)">(\d+)<span/g)];
    expect(links.length).toBeGreaterThan(12);
    for (const [, href, n] of links) {
      const url = href!.replaceAll('&amp;', '&');
      const list = (await app.inject(url)).body;
      const shown = /(\d+) child(?:ren)?, the most urgent first/.exec(list)?.[1];
      expect(shown, url).toBe(n);
    }
  });

  it('filters by stage and officer together, and says so', async () => {
    asked.length = 0;
    const body = (await app.inject('/transfers?stage=late&week=overdue')).body;
    expect(asked[0]).toMatchObject({ stage: 'late', week: 'overdue', page: 1 });
    expect(body).toContain('stage late');
    expect(body).toContain('Show every child in the cohort');
  });

  it('drops filters it cannot read instead of failing', async () => {
    asked.length = 0;
    const response = await app.inject(
      '/transfers?stage=nope&school=x&officer=%3Cscript%3E&deadline=2026-02-30&page=-4',
    );
    expect(response.statusCode).toBe(200);
    expect(asked[0]).toEqual({
      page: 1,
      stage: undefined,
      school: undefined,
      officer: undefined,
      deadline: undefined,
      week: undefined,
    });
    expect(response.body).not.toContain('<script>');
  });
});
