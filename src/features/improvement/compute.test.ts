/** The views' arithmetic, over hand-made plans: counts, complete on time, changes since a report, quarters. */
import { describe, expect, it } from 'vitest';
import {
  changesBetween,
  lastReportBefore,
  onTime,
  overview,
  quarterOf,
  quarterlyProgress,
  timeline,
} from './compute.ts';
import type { ActionData, PlanData, UpdateData } from './store.ts';

let n = 0;
function update(date: string, status: UpdateData['status'], evidence = 0): UpdateData {
  n += 1;
  return {
    id: `u${n}`,
    date,
    status,
    body: `update ${n}`,
    authorUserId: null,
    authorName: null,
    authorTitle: 'Head of SEND',
    createdAt: new Date(`${date}T10:00:00Z`),
    evidence: Array.from({ length: evidence }, (_, i) => ({
      id: `e${n}-${i}`,
      updateId: `u${n}`,
      kind: 'text' as const,
      description: 'evidence',
      url: null,
      fileName: null,
      meeting: null,
      meetingDate: null,
      indicatorName: null,
      indicatorValue: null,
    })),
  };
}

function action(ref: string, fields: Partial<ActionData>): ActionData {
  return {
    id: ref,
    ref,
    action: `Action ${ref}`,
    areaId: 'a1',
    focusAreaId: 'f1',
    workstreamId: null,
    start: '2026-01-01',
    end: '2026-03-31',
    startNote: null,
    endNote: null,
    ongoing: false,
    endText: '31 March 2026',
    initialStatus: 'not-started',
    status: 'not-started',
    evidenceExpected: '',
    evidenceTypes: [],
    figure: null,
    overallImpact: '',
    owners: [{ userId: null, name: null, jobTitle: 'Head of SEND' }],
    updates: [],
    ...fields,
  };
}

const plan = (actions: ActionData[], reports: PlanData['reports'] = []): PlanData => ({
  laCode: '901',
  plan: {
    id: 'p',
    kind: 'written-statement-of-action',
    title: 'Plan',
    published: true,
    inspectionDate: null,
    createdAt: new Date(0),
    importNotes: [],
  },
  areas: [
    { id: 'a1', key: '1', title: 'One', findings: '' },
    { id: 'a2', key: '2', title: 'Two', findings: '' },
  ],
  focusAreas: [{ id: 'f1', areaId: 'a1', key: '1.1', title: 'Focus', overallImpact: '' }],
  groups: [],
  actions,
  reports,
});

describe('improvement plan views', () => {
  const onTimeAction = action('1 A', { updates: [update('2026-03-20', 'complete', 1)] });
  const late = action('1 B', { updates: [update('2026-04-10', 'complete', 1)] });
  const notDone = action('1 C', { updates: [update('2026-02-01', 'on-track')] });
  const ongoing = action('1 D', { ongoing: true, end: '2026-02-28' });
  const future = action('2 A', { areaId: 'a2', focusAreaId: null, start: '2026-06-01', end: '2026-09-30' });
  const importedComplete = action('2 B', {
    areaId: 'a2',
    focusAreaId: null,
    initialStatus: 'complete',
    status: 'complete',
  });
  const data = plan([onTimeAction, late, notDone, ongoing, future, importedComplete]);

  it('counts complete on time among actions due by the date, leaving out ongoing ones', () => {
    expect(onTime(data.actions, '2026-05-01')).toEqual({ due: 4, onTime: 2, percent: 50 });
    expect(onTime(data.actions, '2026-01-15')).toEqual({ due: 0, onTime: 0, percent: 0 });
  });

  it('counts statuses as of a date, by area and focus area', () => {
    const before = overview(data, '2026-03-01');
    expect(before.totals).toMatchObject({ complete: 1, 'on-track': 1, 'not-started': 4, total: 6 });
    const after = overview(data, '2026-05-01');
    expect(after.totals).toMatchObject({ complete: 3, 'on-track': 1, 'not-started': 2 });
    expect(after.areas.map((a) => a.counts.total)).toEqual([4, 2]);
    expect(after.areas[0]!.focusAreas[0]!.counts.complete).toBe(2);
  });

  it('lists what changed since a report, counting updates on the meeting day as new', () => {
    const changes = changesBetween(data, '2026-03-20', '2026-04-30');
    expect(changes.map((c) => [c.action.ref, c.from, c.to, c.evidence])).toEqual([
      ['1 A', 'not-started', 'complete', 1],
      ['1 B', 'not-started', 'complete', 1],
    ]);
    expect(changesBetween(data, null, '2026-02-15').map((c) => c.action.ref)).toEqual(['1 C']);
  });

  it('finds the last report before a date, for any audience or one', () => {
    const reports = [
      { id: 'r1', meetingDate: '2026-01-10', audience: 'board' as const, generatedAt: new Date(0) },
      { id: 'r2', meetingDate: '2026-02-10', audience: 'families' as const, generatedAt: new Date(0) },
    ];
    expect(lastReportBefore(reports, '2026-03-01')?.id).toBe('r2');
    expect(lastReportBefore(reports, '2026-03-01', 'board')?.id).toBe('r1');
    expect(lastReportBefore(reports, '2026-02-10')?.id).toBe('r1');
    expect(lastReportBefore(reports, '2026-01-10')).toBeNull();
  });

  it('shows progress each quarter, with what finished in it', () => {
    expect(quarterOf('2026-05-10')).toEqual({
      start: '2026-04-01',
      end: '2026-06-30',
      label: 'April to June 2026',
    });
    expect(quarterOf('2026-12-31').end).toBe('2026-12-31');
    const quarters = quarterlyProgress(data, '2026-05-01');
    expect(quarters.map((q) => [q.label, q.done, q.finished.map((a) => a.ref)])).toEqual([
      ['January to March 2026', 2, ['1 A']],
      ['April to June 2026', 3, ['1 B']],
    ]);
    expect(quarters[1]!.end).toBe('2026-05-01');
  });

  it('lays out a bar for each dated action, open-ended for ongoing ones', () => {
    const chart = timeline(data, '2026-05-01');
    expect(chart.bars).toHaveLength(6);
    expect(chart.bars.find((b) => b.action.ref === '1 D')!.open).toBe(true);
    expect(chart.bars.find((b) => b.action.ref === '1 A')!.open).toBe(false);
    expect(chart.areaLabels.map((a) => a.text)).toEqual(['Area 1', 'Area 2']);
    expect(chart.from).toBe('2026-01-01');
    expect(chart.to).toBe('2026-09-30');
    const onlyTwo = timeline(data, '2026-05-01', 'a2');
    expect(onlyTwo.bars.map((b) => b.action.ref)).toEqual(['2 A', '2 B']);
  });
});
