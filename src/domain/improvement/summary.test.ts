import { describe, expect, it } from 'vitest';
import { parsePlanCsv } from './csv-import.ts';
import { summarise } from './summary.ts';

describe('summarise', () => {
  it('counts, lists refs in plan order and keeps the documented key order', () => {
    const plan = parsePlanCsv(
      [
        'area,area_title,focus_area,focus_area_title,ref,action,start,end,status,overall_impact',
        '3,Co-production,3.1,Charter,9 A,Statement,Dec 21,Jan 22,Complete,Equal partners',
        '3,,3.1,,9 B,Leads,Jan 22,Feb 22,,Families shape services',
        '3,,3.1,,9 H,Framework,Sept 22,Jan 23 and on-going,Amber,',
        '2,Evaluation,2.1,Reviews,6 C,Quarterly,Feb 2022,and onward every 3 months,Green,',
        '2,,2.1,,6 D,Act,Mar 22,and then following board decisions,Red,',
        '2,,2.1,,6 E,Sideways status,Mar 22,Apr 22,Sideways,',
        '2,,2.1,,,No reference,Mar 22,Apr 22,,',
      ].join('\n'),
    );
    const summary = summarise(plan, '2022-03-01');
    expect(JSON.stringify(summary)).toBe(
      JSON.stringify({
        areas: 2,
        focusAreas: 2,
        actions: 6,
        byStatus: { complete: 1, 'on-track': 1, 'significant-risk': 1, 'high-risk': 1, 'not-started': 2 },
        overdue: ['9 B'],
        undatedEnd: ['6 C', '6 D'],
        ongoing: ['9 H', '6 C'],
        problems: [{ row: 8, column: 'ref', message: 'this action has no reference' }],
        notes: [
          {
            row: 3,
            column: 'overall_impact',
            message:
              "focus area 3.1 was given a different overall impact in row 2; each action keeps its own row's text and the focus area keeps every different text",
          },
          {
            row: 7,
            column: 'status',
            message:
              '"Sideways" is not a status we know (complete, on track, significant risk, high risk, not started, or blue, green, amber, red); the action is imported as not started, as a blank status is, until someone posts an update',
          },
        ],
      }),
    );
  });
});
