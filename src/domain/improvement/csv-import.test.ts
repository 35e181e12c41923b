import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerColumn, parsePlanCsv } from './csv-import.ts';
import { generatePlanCsv } from './generate.ts';
import { COLUMNS } from './types.ts';

const HEADER = 'ref,action,owner,start,end,status,evidence_of_impact';

function csv(...rows: string[]): string {
  return `${[HEADER, ...rows].join('\n')}\n`;
}

describe('parsePlanCsv: columns', () => {
  it('reads columns in any order and case, with spaced headers, a BOM and CRLF', () => {
    const text =
      '\uFEFF Status ,REF,Action, Focus Area ,area,End,Start\r\nGreen,9a,"Agree the charter, with families",1.2,1,Mar 22,Jan 22\r\n\r\n\r\n';
    const plan = parsePlanCsv(text);
    expect(plan.problems).toEqual([]);
    expect(plan.actions).toEqual([
      {
        row: 2,
        ref: '9 A',
        area: '1',
        focusArea: '1.2',
        action: 'Agree the charter, with families',
        owners: [],
        start: '2022-01-01',
        end: '2022-03-31',
        startNote: null,
        endNote: null,
        ongoing: false,
        status: 'on-track',
        evidenceOfImpact: '',
        evidenceTypes: [],
        overallImpact: '',
      },
    ]);
  });

  it('reports missing required columns on row 1 and reads no rows; notes a column it does not know', () => {
    const plan = parsePlanCsv('number,owner\n9 A,Head of SEND\n');
    expect(plan.actions).toEqual([]);
    expect(plan.notes).toEqual([
      {
        row: 1,
        column: null,
        message:
          'the column "number" is not one we know (area, area_title, focus_area, focus_area_title, ref, action, owner, start, end, status, evidence_of_impact, overall_impact); it is not read',
      },
    ]);
    expect(plan.problems).toEqual([
      { row: 1, column: 'ref', message: 'the required column "ref" is missing' },
      { row: 1, column: 'action', message: 'the required column "action" is missing' },
      { row: 1, column: null, message: 'no rows were read because required columns are missing' },
    ]);
  });

  it('reports an empty file', () => {
    expect(parsePlanCsv('').problems).toEqual([
      { row: 1, column: null, message: 'the file is empty: it needs a header row naming the columns' },
    ]);
  });

  it('notes a repeated column and reads the first', () => {
    const plan = parsePlanCsv('ref,action,Reference\n1 A,Do it,2 B\n');
    expect(plan.problems).toEqual([]);
    expect(plan.notes).toEqual([
      {
        row: 1,
        column: 'ref',
        message: 'the column "Reference" is a second ref column; only the first is read',
      },
    ]);
    expect(plan.actions.map((a) => a.ref)).toEqual(['1 A']);
  });

  it("recognises the real plan's headers and their variants", () => {
    // The seed plan's tables, as a spreadsheet saves them: "Milestone Action(s)", "Accountable Officer" (or "Lead",
    // or "Accountabl e Officer" where a word was split), "RAG", "Overall Impact of Focus (Area)"; and other plans'.
    const variants: [string, string][] = [
      ['Ref', 'ref'],
      ['Reference', 'ref'],
      ['Milestone Actions', 'action'],
      ['Milestone Action', 'action'],
      ['Accountable Officer', 'owner'],
      ['Accountabl e Officer', 'owner'],
      ['Accountable Lead', 'owner'],
      ['Lead officer', 'owner'],
      ['Milestone Start Date', 'start'],
      ['Milestone start date', 'start'],
      ['Milestone End date', 'end'],
      ['Deadline', 'end'],
      ['RAG', 'status'],
      ['BRAG', 'status'],
      ['Progress (BRAG)', 'status'],
      ['Evidence of Impact', 'evidence_of_impact'],
      ['Overall Impact of Focus Area', 'overall_impact'],
      ['Overall impact of Focus', 'overall_impact'],
      ['Area for improvement', 'area'],
      ['Focus Area', 'focus_area'],
      ['focus-area title', 'focus_area_title'],
    ];
    for (const [header, column] of variants) expect(headerColumn(header), header).toBe(column);
    const plan = parsePlanCsv(
      [
        'Ref,Milestone Actions,Accountabl e Officer,Milestone start date,Milestone End Date,RAG,Evidence of Impact,Overall Impact of Focus',
        '1 A,Agree the values,Head of SEND,Jan 22,Mar 22,Blue,Board agrees (Minutes),Values are shared',
      ].join('\n'),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.notes).toEqual([]);
    expect(plan.actions[0]).toMatchObject({
      ref: '1 A',
      action: 'Agree the values',
      owners: ['Head of SEND'],
      start: '2022-01-01',
      end: '2022-03-31',
      status: 'complete',
      evidenceTypes: ['Minutes'],
      overallImpact: 'Values are shared',
    });
  });
});

describe('parsePlanCsv: quoting', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, counting rows as a spreadsheet does', () => {
    const plan = parsePlanCsv(
      csv(
        '1 A,"Publish a ""plain English"" guide, with families","Head of SEND\nLocal Offer lead",Jan 22,Feb 22,,"Guide read\n(PI)"',
        '1 B,Second,,Mar 22,Smarch 22,,',
      ),
    );
    expect(plan.actions[0]).toMatchObject({
      row: 2,
      action: 'Publish a "plain English" guide, with families',
      owners: ['Head of SEND', 'Local Offer lead'],
      evidenceOfImpact: 'Guide read\n(PI)',
      evidenceTypes: ['PI'],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.notes).toEqual([
      {
        row: 3,
        column: 'end',
        message:
          '"Smarch 22" is not a month and year such as "Mar 22" or "Sept 2022"; it is kept as written, and the action has no end date until it is corrected',
      },
    ]);
  });

  it('reports a quote that is never closed, from the row where it opens', () => {
    const plan = parsePlanCsv(csv('1 A,Fine,,,,,', '1 B,"Never closed,,,,,,', '1 C,Swallowed,,,,,'));
    expect(plan.actions.map((a) => a.ref)).toEqual(['1 A']);
    expect(plan.problems).toEqual([
      { row: 3, column: null, message: 'this row could not be read: a quoted cell is never closed' },
    ]);
  });

  it('accepts a stray quote inside an unquoted cell', () => {
    const plan = parsePlanCsv(csv('1 A,The 6" rule,,,,,'));
    expect(plan.actions[0]?.action).toBe('The 6" rule');
  });
});

describe('parsePlanCsv: rows', () => {
  it('keeps rows with the wrong number of cells: a short one read as blank, a long one naming what is not read', () => {
    const plan = parsePlanCsv(csv('1 A,Too few', '1 B,Too many,,,,,,extra', '1 C,Trailing blanks,,,,,,,'));
    expect(plan.problems).toEqual([]);
    expect(plan.notes).toEqual([
      {
        row: 2,
        column: null,
        message: 'this row has 2 cells but the header has 7; the missing cells at the end are read as blank',
      },
      {
        row: 3,
        column: null,
        message:
          'this row has 8 cells but the header has 7; the cells past the last column are not read: "extra"',
      },
    ]);
    expect(plan.actions.map((a) => [a.row, a.ref, a.action, a.status])).toEqual([
      [2, '1 A', 'Too few', 'not-started'],
      [3, '1 B', 'Too many', 'not-started'],
      [4, '1 C', 'Trailing blanks', 'not-started'],
    ]);
  });

  it('does not count blank header cells at the end as columns', () => {
    const plan = parsePlanCsv('ref,action,,\n1 A,Two cells\n');
    expect(plan.notes).toEqual([]);
    expect(plan.actions.map((a) => a.ref)).toEqual(['1 A']);
  });

  it('skips blank rows but keeps counting them', () => {
    const plan = parsePlanCsv(csv('1 A,One,,,,,', ',,,,,,', '', '1 B,Two,,,,,'));
    expect(plan.actions.map((a) => [a.row, a.ref])).toEqual([
      [2, '1 A'],
      [5, '1 B'],
    ]);
  });

  it('keeps a repeated reference apart with a number and notes it, comparing normalised references', () => {
    const plan = parsePlanCsv(
      csv('9 A,First,,,,,', '9a,Second,,,,,', '9 B,Third,,,,,', '9 A (2),Written so,,,,,', '9-a,Fourth,,,,,'),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.ref, a.action])).toEqual([
      ['9 A', 'First'],
      ['9 A (2)', 'Second'],
      ['9 B', 'Third'],
      ['9 A (2) (2)', 'Written so'],
      ['9 A (3)', 'Fourth'],
    ]);
    expect(plan.notes).toEqual([
      {
        row: 3,
        column: 'ref',
        message: 'reference 9 A is already used in row 2; this action is imported as "9 A (2)"',
      },
      {
        row: 5,
        column: 'ref',
        message: 'reference 9 A (2) is already used in row 3; this action is imported as "9 A (2) (2)"',
      },
      {
        row: 6,
        column: 'ref',
        message: 'reference 9 A is already used in row 2; this action is imported as "9 A (3)"',
      },
    ]);
  });

  it('keeps an end before its start as written, not as a date, with a note', () => {
    const plan = parsePlanCsv(csv('1 A,Backwards,,Jun 22,Mar 22,,'));
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.start, a.end, a.endNote])).toEqual([['2022-06-01', null, 'Mar 22']]);
    expect(plan.notes).toEqual([
      {
        row: 2,
        column: 'end',
        message:
          'the end (2022-03-31) is before the start (2022-06-01); the end is kept as written ("Mar 22"), not as a date, until it is corrected',
      },
    ]);
  });

  it('accepts a start and end in the same month', () => {
    expect(parsePlanCsv(csv('1 A,Same month,,Jun 22,June 2022,,')).actions[0]).toMatchObject({
      start: '2022-06-01',
      end: '2022-06-30',
    });
  });

  it('reports a reference with no action and an action with no reference', () => {
    const plan = parsePlanCsv(csv('1 A,,Head of SEND,,,,', ',An action,,,,,'));
    expect(plan.actions).toEqual([]);
    expect(plan.problems).toEqual([
      { row: 2, column: 'action', message: 'reference 1 A has no action' },
      { row: 3, column: 'ref', message: 'this action has no reference' },
    ]);
  });

  it('reports a row with neither reference nor action that fills in other cells', () => {
    expect(parsePlanCsv(csv(',,Head of SEND,,,Green,')).problems).toEqual([
      { row: 2, column: null, message: 'this row has no reference and no action but fills in owner, status' },
    ]);
  });

  it('imports an unknown status as not started with a note, and reads other words as a person would', () => {
    const plan = parsePlanCsv(
      csv(
        '1 A,Fine,,,,Purple,',
        '1 B,Done,,,,Done,',
        '1 C,Amber with words,,,,Amber: recruitment delayed,',
        '1 D,Two colours,,,,Red/Amber,',
        '1 E,Complete with words,,,,Complete - see board minutes,',
        '1 F,On target,,,,On target,',
        '1 G,Mixed,,,,On track but at risk,',
      ),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.ref, a.status])).toEqual([
      ['1 A', 'not-started'],
      ['1 B', 'complete'],
      ['1 C', 'significant-risk'],
      ['1 D', 'not-started'],
      ['1 E', 'complete'],
      ['1 F', 'on-track'],
      ['1 G', 'not-started'],
    ]);
    const unknown = (text: string) =>
      `"${text}" is not a status we know (complete, on track, significant risk, high risk, not started, or blue, green, amber, red); the action is imported as not started, as a blank status is, until someone posts an update`;
    expect(plan.notes).toEqual([
      { row: 2, column: 'status', message: unknown('Purple') },
      { row: 3, column: 'status', message: '"Done" is read as complete' },
      {
        row: 4,
        column: 'status',
        message: '"Amber: recruitment delayed" is read as significant risk - plan in place',
      },
      { row: 5, column: 'status', message: unknown('Red/Amber') },
      { row: 6, column: 'status', message: '"Complete - see board minutes" is read as complete' },
      { row: 7, column: 'status', message: '"On target" is read as on track' },
      { row: 8, column: 'status', message: unknown('On track but at risk') },
    ]);
  });

  it('keeps a row with many problems, noting each, and refuses only a row with no reference or no action', () => {
    const plan = parsePlanCsv(csv('1 A,Fine,,Smarch 22,March,Purple,', ',No reference,,Smarch 22,,Purple,'));
    expect(plan.notes.map((p) => [p.row, p.column])).toEqual([
      [2, 'status'],
      [2, 'start'],
      [2, 'end'],
    ]);
    expect(plan.actions.map((a) => [a.ref, a.start, a.startNote, a.end, a.endNote, a.status])).toEqual([
      ['1 A', null, 'Smarch 22', null, 'March', 'not-started'],
    ]);
    expect(plan.problems).toEqual([{ row: 3, column: 'ref', message: 'this action has no reference' }]);
  });

  it('records undated and ongoing cells without a problem', () => {
    const plan = parsePlanCsv(
      csv(
        '6 C,Review every quarter,,Feb 2022,and onward every 3 months,,',
        '6 D,Act on it,,Mar 22,and then following board decisions,,',
        '9 H,Review framework,,Sept 22,Jan 23 and on-going,,',
        '17 A,Already going,,Underway,Apr 22,,',
        '18 C,Implement,,,Implementation then on-going,,',
      ),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.ref, a.start, a.end, a.startNote, a.endNote, a.ongoing])).toEqual([
      ['6 C', '2022-02-01', null, null, 'and onward every 3 months', true],
      ['6 D', '2022-03-01', null, null, 'and then following board decisions', false],
      ['9 H', '2022-09-01', '2023-01-31', null, null, true],
      ['17 A', null, '2022-04-30', 'Underway', null, true],
      ['18 C', null, null, null, 'Implementation then on-going', true],
    ]);
  });

  it('reads every status word', () => {
    const words = [
      'complete',
      'Completed',
      'blue',
      'On track',
      'green',
      'Significant risk',
      'Significant risk - plan in place',
      'Amber',
      'High risk',
      'High risk, escalation required',
      'RED',
      'Not started',
      '',
    ];
    const plan = parsePlanCsv(csv(...words.map((w, i) => `${i + 1} A,Action,,,,${w},`)));
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => a.status)).toEqual([
      'complete',
      'complete',
      'complete',
      'on-track',
      'on-track',
      'significant-risk',
      'significant-risk',
      'significant-risk',
      'high-risk',
      'high-risk',
      'high-risk',
      'not-started',
      'not-started',
    ]);
  });
});

describe('parsePlanCsv: areas and focus areas', () => {
  const header = 'area,area_title,focus_area,focus_area_title,ref,action,overall_impact';

  it('takes titles from the first row that names them; later rows may leave them blank', () => {
    const plan = parsePlanCsv(
      [
        header,
        '1,Culture,1.1,Shared values,1 A,Draft values,Families feel respected',
        '1,,1.1,,1 B,Publish values,',
        '1,,1.2,Accountability,2 A,Terms of reference,Decisions followed through',
        '2,Evaluation,A,Feedback,5 A,Survey,Views inform evaluation',
        '3,Co-production,A,Charter,9 A,Charter,Equal partners',
      ].join('\n'),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.areas).toEqual([
      { key: '1', title: 'Culture', row: 2 },
      { key: '2', title: 'Evaluation', row: 5 },
      { key: '3', title: 'Co-production', row: 6 },
    ]);
    expect(plan.focusAreas).toEqual([
      { area: '1', key: '1.1', title: 'Shared values', overallImpact: 'Families feel respected', row: 2 },
      { area: '1', key: '1.2', title: 'Accountability', overallImpact: 'Decisions followed through', row: 4 },
      { area: '2', key: 'A', title: 'Feedback', overallImpact: 'Views inform evaluation', row: 5 },
      { area: '3', key: 'A', title: 'Charter', overallImpact: 'Equal partners', row: 6 },
    ]);
    expect(plan.actions.map((a) => [a.ref, a.area, a.focusArea])).toEqual([
      ['1 A', '1', '1.1'],
      ['1 B', '1', '1.1'],
      ['2 A', '1', '1.2'],
      ['5 A', '2', 'A'],
      ['9 A', '3', 'A'],
    ]);
  });

  it('derives a blank area from a "1.2" focus area, else from the reference number', () => {
    const plan = parsePlanCsv([header, ',,4.2,Caseloads,7 A,Limit,', ',,,,9 B,Something,'].join('\n'));
    expect(plan.actions.map((a) => [a.ref, a.area, a.focusArea])).toEqual([
      ['7 A', '4', '4.2'],
      ['9 B', '9', null],
    ]);
    expect(plan.areas.map((a) => a.key)).toEqual(['4', '9']);
  });

  it('accepts heading rows that name an area or focus area with no action', () => {
    const plan = parsePlanCsv(
      [header, '1,Culture,,,,,', '1,,1.1,Values,,,Respect', '1,,1.1,,1 A,Draft,'].join('\n'),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.areas).toEqual([{ key: '1', title: 'Culture', row: 2 }]);
    expect(plan.focusAreas).toEqual([
      { area: '1', key: '1.1', title: 'Values', overallImpact: 'Respect', row: 3 },
    ]);
    expect(plan.actions).toHaveLength(1);
  });

  it('notes a later row that gives a different title, keeps the first, and imports the row', () => {
    const plan = parsePlanCsv(
      [
        header,
        '1,Culture,1.1,Values,1 A,Draft,',
        '1,Kultur,1.1,values ,1 B,Publish,',
        '1,,1.1,Shared values,1 C,Train,',
      ].join('\n'),
    );
    expect(plan.areas[0]?.title).toBe('Culture');
    expect(plan.focusAreas[0]?.title).toBe('Values');
    expect(plan.problems).toEqual([]);
    expect(plan.notes).toEqual([
      {
        row: 3,
        column: 'area_title',
        message: 'area 1 was given a different title in row 2; the first title is kept',
      },
      {
        row: 4,
        column: 'focus_area_title',
        message: 'focus area 1.1 was given a different title in row 2; the first title is kept',
      },
    ]);
    expect(plan.actions.map((a) => a.ref)).toEqual(['1 A', '1 B', '1 C']);
  });

  it('keeps every action when the overall impact differs row to row: each keeps its own, the focus area keeps all', () => {
    const plan = parsePlanCsv(
      [
        header,
        '1,,1.1,,,,Set on a heading row',
        '1,Culture,1.1,Values,1 A,Draft,Families feel respected',
        '1,,1.1,,1 B,Publish,',
        '1,,1.1,,1 C,Train,Staff use the values',
        '1,,1.1,,1 D,Check,families  feel RESPECTED',
        '1,,1.1,,1 E,Report,Staff use the values',
        '1,,1.2,Accountability,2 A,Agree,Partners hold each other to account',
        '1,,1.2,,2 B,Review,Decisions are followed through',
      ].join('\n'),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.ref, a.overallImpact])).toEqual([
      ['1 A', 'Families feel respected'],
      ['1 B', ''],
      ['1 C', 'Staff use the values'],
      ['1 D', 'families  feel RESPECTED'],
      ['1 E', 'Staff use the values'],
      ['2 A', 'Partners hold each other to account'],
      ['2 B', 'Decisions are followed through'],
    ]);
    expect(plan.focusAreas.map((f) => f.overallImpact)).toEqual([
      'Set on a heading row\n\nFamilies feel respected\n\nStaff use the values',
      'Partners hold each other to account\n\nDecisions are followed through',
    ]);
    // One note per focus area, where its second text first appears.
    expect(plan.notes).toEqual([
      {
        row: 3,
        column: 'overall_impact',
        message:
          "focus area 1.1 was given a different overall impact in row 2; each action keeps its own row's text and the focus area keeps every different text",
      },
      {
        row: 9,
        column: 'overall_impact',
        message:
          "focus area 1.2 was given a different overall impact in row 8; each action keeps its own row's text and the focus area keeps every different text",
      },
    ]);
  });
});

describe('parsePlanCsv: fixtures', () => {
  it('keeps every action of a plan in the shape of a real one, whose overall impact differs row to row', () => {
    // 22 action rows, written like a real written statement of action (fictional content): overall impact on many
    // rows, differing within a focus area; one focus area title written differently; one row with no reference and
    // one with no action. Before issue 17 only 10 of the 22 rows were imported.
    const plan = parsePlanCsv(
      readFileSync(new URL('./fixtures/per-row-impact-plan.csv', import.meta.url), 'utf8'),
    );
    expect(plan.actions).toHaveLength(20);
    expect(plan.problems).toEqual([
      { row: 17, column: 'ref', message: 'this action has no reference' },
      { row: 22, column: 'action', message: 'reference 8 B has no action' },
    ]);
    expect(plan.notes.map((n) => [n.row, n.column])).toEqual([
      [4, 'overall_impact'],
      [7, 'overall_impact'],
      [10, 'overall_impact'],
      [14, 'overall_impact'],
      [19, 'overall_impact'],
      [23, 'focus_area_title'],
      [23, 'overall_impact'],
    ]);
    expect(plan.areas).toHaveLength(3);
    expect(plan.focusAreas.map((f) => f.overallImpact.split('\n\n').length)).toEqual([
      3, 2, 1, 3, 3, 1, 3, 2,
    ]);
    expect(plan.actions.find((a) => a.ref === '4 C')?.overallImpact).toBe(
      'Fewer plans are graded good or better by one auditor only',
    );
  });

  it('reads the demo plan with every row imported', () => {
    const plan = parsePlanCsv(readFileSync(new URL('./fixtures/demo-plan.csv', import.meta.url), 'utf8'));
    expect(plan.problems).toEqual([]);
    expect(plan.areas).toHaveLength(8);
    expect(plan.focusAreas).toHaveLength(36);
    expect(plan.actions).toHaveLength(112);
    expect(new Set(plan.actions.map((a) => a.status)).size).toBe(5);
    expect(plan.areas.every((a) => a.title !== '')).toBe(true);
    expect(plan.focusAreas.every((f) => f.title !== '' && f.overallImpact !== '')).toBe(true);
  });

  it('reads a generated 2,000-action plan, the same every time for a seed', () => {
    const text = generatePlanCsv({ actions: 2000, seed: 7 });
    expect(generatePlanCsv({ actions: 2000, seed: 7 })).toBe(text);
    expect(generatePlanCsv({ actions: 2000, seed: 8 })).not.toBe(text);
    const plan = parsePlanCsv(text);
    expect(plan.problems).toEqual([]);
    expect(plan.actions).toHaveLength(2000);
    expect(plan.areas).toHaveLength(8);
  });
});

describe('parsePlanCsv: every row of a real plan is imported, or refused only for no reference or no action', () => {
  it('joins a row with no reference that only carries on the text of the action above', () => {
    const plan = parsePlanCsv(
      [
        'focus_area,ref,action,owner,start,evidence_of_impact,overall_impact',
        '1,1 A,Prototype the values in,Head of SEND,Jan 22,Families report a change (survey and,Staff use',
        '1,,one priority service,,,Voice),the values',
        '1,,The register is reviewed each month,Head of SEND,Feb 22,,',
        '1,,A row after a refused row,,,,',
      ].join('\n'),
    );
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({
      action: 'Prototype the values in one priority service',
      evidenceOfImpact: 'Families report a change (survey and Voice)',
      evidenceTypes: ['Voice'],
      overallImpact: 'Staff use the values',
    });
    expect(plan.focusAreas[0]?.overallImpact).toBe('Staff use the values');
    expect(plan.notes).toEqual([
      {
        row: 3,
        column: null,
        message:
          'this row has no reference and only carries on the text of the row above; it is joined to reference 1 A (row 2)',
      },
    ]);
    // A row with its own officer and dates is an action that lost its reference; one after a refused row has
    // nothing to carry on.
    expect(plan.problems).toEqual([
      { row: 4, column: 'ref', message: 'this action has no reference' },
      { row: 5, column: 'ref', message: 'this action has no reference' },
    ]);
  });

  it('imports a plan in the shape of the real one: its headers, blank and odd statuses, dates, references and rows', () => {
    // A fictional plan with the seed plan's column headings and the things real plans do: overall impact differing
    // row to row, a cell that ran onto the next row, a repeated reference, unreadable and backwards dates, statuses
    // written in other words or not at all, a short row and a long one. Before, 6 of its 13 rows with a reference
    // and an action were refused; now only the row with no reference and the one with no action are.
    const text = readFileSync(new URL('./fixtures/wsoa-shape-plan.csv', import.meta.url), 'utf8');
    const plan = parsePlanCsv(text);
    expect(plan.problems).toEqual([
      { row: 13, column: 'ref', message: 'this action has no reference' },
      { row: 14, column: 'action', message: 'reference 4 C has no action' },
    ]);
    expect(plan.actions.map((a) => [a.row, a.ref, a.status])).toEqual([
      [2, '1 A', 'complete'],
      [3, '1 B', 'complete'],
      [4, '1 C', 'not-started'],
      [6, '2 A', 'on-track'],
      [7, '2 B', 'significant-risk'],
      [8, '2 B (2)', 'not-started'],
      [9, '3 A', 'complete'],
      [10, '3 B', 'high-risk'],
      [11, '3 C', 'not-started'],
      [12, '4 A', 'on-track'],
      [15, '4 D', 'not-started'],
    ]);
    expect(plan.notes.map((n) => [n.row, n.column])).toEqual([
      [3, 'status'],
      [4, 'overall_impact'],
      [5, null],
      [7, 'overall_impact'],
      [8, 'ref'],
      [8, 'end'],
      [9, 'status'],
      [10, 'overall_impact'],
      [10, 'end'],
      [11, null],
      [11, 'status'],
      [11, 'start'],
      [12, null],
      [13, 'overall_impact'],
      [15, 'status'],
    ]);
    // Dates that cannot be read are kept as written.
    const byRef = new Map(plan.actions.map((a) => [a.ref, a]));
    expect(byRef.get('2 B (2)')).toMatchObject({ start: '2022-09-01', end: null, endNote: 'Q3 2022' });
    expect(byRef.get('3 B')).toMatchObject({ start: '2022-06-01', end: null, endNote: 'Feb 22' });
    expect(byRef.get('3 C')).toMatchObject({ start: null, startNote: 'Jan 22 - Mar 22' });
    expect(byRef.get('1 C')?.evidenceOfImpact).toBe(
      'Families in the prototype report a positive change in culture (survey and Voice)',
    );
    // Overall impact differs row by row: each action keeps its own, the focus area every distinct text.
    expect(plan.focusAreas.map((f) => f.overallImpact.split('\n\n').length)).toEqual([2, 3, 2, 3]);
    expect(byRef.get('2 B')?.overallImpact).toBe("The board sees every partner's progress each quarter");
  });

  it('never refuses a row that has a reference and an action, whatever else it holds (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        'Jan 22',
        'Smarch 22',
        'Q3 2022',
        '31/02/2022',
        'Purple',
        'Done',
        'Red/Amber',
        '9 A',
      ),
      fc.string({ maxLength: 12 }),
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 14 });
    const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const text = [COLUMNS.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n');
        const plan = parsePlanCsv(text);
        const imported = new Set(plan.actions.map((a) => a.row));
        const joined = new Set(plan.notes.filter((n) => n.message.includes('carries on')).map((n) => n.row));
        rows.forEach((cells, i) => {
          const rowNumber = i + 2;
          const ref = (cells[COLUMNS.indexOf('ref')] ?? '').trim();
          const action = (cells[COLUMNS.indexOf('action')] ?? '').trim();
          if (ref !== '' && action !== '') expect(imported.has(rowNumber)).toBe(true);
          for (const p of plan.problems.filter((x) => x.row === rowNumber)) {
            expect(ref === '' || action === '', p.message).toBe(true);
            expect(imported.has(rowNumber) || joined.has(rowNumber)).toBe(false);
          }
        });
        expect(new Set(plan.actions.map((a) => a.ref.toUpperCase())).size).toBe(plan.actions.length);
      }),
      { numRuns: 300 },
    );
  });
});
