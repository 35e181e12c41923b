import { describe, expect, it } from 'vitest';
import {
  endText,
  evidenceTypes,
  normaliseRef,
  parseDateCell,
  parseStatus,
  readStatus,
  splitOwners,
} from './cells.ts';

describe('parseDateCell', () => {
  it.each([
    ['Jan 22', 'start', '2022-01-01'],
    ['Jan 22', 'end', '2022-01-31'],
    ['January 2022', 'end', '2022-01-31'],
    ['Mar 22', 'start', '2022-03-01'],
    ['March 2022', 'end', '2022-03-31'],
    ['Apr 22', 'end', '2022-04-30'],
    ['April 23', 'start', '2023-04-01'],
    ['May 22', 'end', '2022-05-31'],
    ['June 22', 'end', '2022-06-30'],
    ['Jun 2022', 'start', '2022-06-01'],
    ['July 22', 'end', '2022-07-31'],
    ['Jul 22', 'start', '2022-07-01'],
    ['Aug 22', 'end', '2022-08-31'],
    ['Sept 22', 'start', '2022-09-01'],
    ['Sept 2022', 'end', '2022-09-30'],
    ['Sep 22', 'end', '2022-09-30'],
    ['September 2022', 'start', '2022-09-01'],
    ['Oct 22', 'end', '2022-10-31'],
    ['Nov 21', 'end', '2021-11-30'],
    ['Dec 21', 'start', '2021-12-01'],
    ['December 2021', 'end', '2021-12-31'],
    ['  sept.  22 ', 'start', '2022-09-01'],
    ["Mar '22", 'start', '2022-03-01'],
    ['Mar-22', 'end', '2022-03-31'],
    ['Feb 22', 'end', '2022-02-28'],
    ['Feb 24', 'end', '2024-02-29'],
    ['February 2000', 'end', '2000-02-29'],
    ['Feb 2100', 'end', null],
    ['2022-03-15', 'start', '2022-03-15'],
    ['15/03/2022', 'end', '2022-03-15'],
    ['15 March 2022', 'end', '2022-03-15'],
  ] as const)('%j as %s reads %j', (text, edge, date) => {
    const cell = parseDateCell(text, edge);
    if (date === null) expect(cell.kind).toBe('unreadable');
    else expect(cell).toEqual({ kind: 'date', date, ongoing: false });
  });

  it('reads 2- and 4-digit years alike', () => {
    expect(parseDateCell('Mar 22', 'start')).toEqual(parseDateCell('Mar 2022', 'start'));
  });

  it('reads a month with an ongoing word as a dated, ongoing cell', () => {
    expect(parseDateCell('Jan 23 and on-going', 'end')).toEqual({
      kind: 'date',
      date: '2023-01-31',
      ongoing: true,
    });
    expect(parseDateCell('Jul 22 and then ongoing', 'end')).toEqual({
      kind: 'date',
      date: '2022-07-31',
      ongoing: true,
    });
  });

  it.each([
    ['Underway', true],
    ['On-going', true],
    ['ongoing', true],
    ['On going', true],
    ['and onward every 3 months', true],
    ['onwards', true],
    ['Implementation then on-going', true],
    ['and then following board decisions', false],
    ['TBC', false],
  ])('%j has no date and is recorded, not a problem (ongoing %s)', (text, ongoing) => {
    expect(parseDateCell(text, 'end')).toEqual({ kind: 'undated', ongoing, note: text });
  });

  it('reads a blank cell as undated with no note', () => {
    expect(parseDateCell('  ', 'start')).toEqual({ kind: 'undated', ongoing: false, note: null });
  });

  it.each([
    ['Smarch 22', '"Smarch 22" is not a month and year such as "Mar 22" or "Sept 2022"'],
    ['March', '"March" is not a month and year such as "Mar 22" or "Sept 2022"'],
    ['Q3 2022', '"Q3 2022" is not a month and year such as "Mar 22" or "Sept 2022"'],
    ['within 12 weeks', '"within 12 weeks" is not a month and year such as "Mar 22" or "Sept 2022"'],
    ['31/02/2022', '"31/02/2022" is not a real date'],
    ['2022-13-01', '"2022-13-01" is not a real date'],
    ['Jan 22 - Mar 22', '"Jan 22 - Mar 22" holds more than one date'],
  ])('%j is unreadable', (text, message) => {
    expect(parseDateCell(text, 'start')).toMatchObject({ kind: 'unreadable', message });
  });

  it('keeps the ongoing word of an unreadable cell', () => {
    expect(parseDateCell('Smarch 22 and on-going', 'end')).toMatchObject({
      kind: 'unreadable',
      ongoing: true,
    });
  });

  it('does not take "may" as an ordinary word for a month without a year', () => {
    expect(parseDateCell('as the board may decide', 'end')).toEqual({
      kind: 'undated',
      ongoing: false,
      note: 'as the board may decide',
    });
  });
});

describe('parseStatus', () => {
  it.each([
    ['complete', 'complete'],
    ['Complete', 'complete'],
    ['Completed.', 'complete'],
    ['BLUE', 'complete'],
    ['On track', 'on-track'],
    ['on-track', 'on-track'],
    ['On track running to plan', 'on-track'],
    ['Green', 'on-track'],
    ['Significant risk', 'significant-risk'],
    ['Significant risk - plan in place', 'significant-risk'],
    ['Significant risk, plan in place', 'significant-risk'],
    ['Significant risk – plan is in place', 'significant-risk'],
    ['amber', 'significant-risk'],
    ['High risk', 'high-risk'],
    ['High risk, escalation required', 'high-risk'],
    ['HIGH RISK - ESCALATION REQUIRED', 'high-risk'],
    ['Red', 'high-risk'],
    ['Not started', 'not-started'],
    ['not-started', 'not-started'],
    ['', 'not-started'],
    ['   ', 'not-started'],
  ])('%j is %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each(['Done', 'purple', 'on track?? maybe', 'risk'])('%j is not a status', (text) => {
    expect(parseStatus(text)).toBeNull();
  });
});

describe('normaliseRef', () => {
  it.each([
    ['9A', '9 A'],
    ['9 a', '9 A'],
    ['9 A', '9 A'],
    [' 9   A ', '9 A'],
    ['09-a', '9 A'],
    ['12.b', '12 B'],
    ['10 AA', '10 AA'],
    ['PAP 1.3', 'PAP 1.3'],
    ['', null],
  ])('%j becomes %j', (text, ref) => {
    expect(normaliseRef(text)).toBe(ref);
  });
});

describe('splitOwners', () => {
  it('splits on slash, ampersand, semicolon and line breaks', () => {
    expect(splitOwners('Head of SEND / Designated Clinical Officer')).toEqual([
      'Head of SEND',
      'Designated Clinical Officer',
    ]);
    expect(splitOwners('Head of SEND & Local Offer lead; Co-production lead\r\nVirtual school head')).toEqual(
      ['Head of SEND', 'Local Offer lead', 'Co-production lead', 'Virtual school head'],
    );
  });

  it('does not split job titles on "and" or commas', () => {
    expect(splitOwners('Head of SEND and Inclusion')).toEqual(['Head of SEND and Inclusion']);
    expect(splitOwners('Associate director of commissioning, integrated care board')).toEqual([
      'Associate director of commissioning, integrated care board',
    ]);
  });

  it('drops blanks and repeats', () => {
    expect(splitOwners(' / Head of SEND //  Head of SEND ')).toEqual(['Head of SEND']);
    expect(splitOwners('')).toEqual([]);
  });
});

describe('evidenceTypes', () => {
  it.each([
    ['SIB agree the values and priorities (Minutes)', ['Minutes']],
    ['Feedback (survey and voice); partners hold each other to account (Audit).', ['Audit', 'Voice']],
    ['Shortcomings addressed (Review and Audit) and agreed (minutes)', ['Audit', 'Review', 'Minutes']],
    ['(PI, survey)', ['PI']],
    ['Performance indicators improve; KPI met', ['PI']],
    ['Decisions minuted; reviewed annually; audited', ['Audit', 'Review', 'Minutes']],
    ['Families report a difference', []],
  ])('%j names %j', (text, types) => {
    expect(evidenceTypes(text)).toEqual(types);
  });
});

describe('readStatus', () => {
  it.each([
    ['Green', 'exact', 'on-track'],
    ['', 'exact', 'not-started'],
    ['Done', 'read-as', 'complete'],
    ['Finished.', 'read-as', 'complete'],
    ['On target', 'read-as', 'on-track'],
    ['At risk', 'read-as', 'significant-risk'],
    ['Escalated', 'read-as', 'high-risk'],
    ['Not yet started', 'read-as', 'not-started'],
    ['Complete - see board minutes', 'read-as', 'complete'],
    ['Amber: recruitment delayed', 'read-as', 'significant-risk'],
    ['Green - on track', 'read-as', 'on-track'],
    ['Red/Amber', 'unknown', 'not-started'],
    ['On track but at risk', 'unknown', 'not-started'],
    ['In progress', 'unknown', 'not-started'],
    ['Purple', 'unknown', 'not-started'],
    ['TBC', 'unknown', 'not-started'],
  ] as const)('"%s" is %s: %s', (text, kind, status) => {
    expect(readStatus(text)).toEqual({ kind, status });
  });
});

describe('endText', () => {
  const long = (d: string) => `long ${d}`;
  it('says ongoing once, whatever the cell said (never "On-going, ongoing")', () => {
    expect(endText({ end: null, endNote: 'On-going', ongoing: true }, long)).toBe('On-going');
    expect(endText({ end: null, endNote: 'ongoing from Sept', ongoing: true }, long)).toBe(
      'ongoing from Sept',
    );
    expect(endText({ end: null, endNote: 'Underway', ongoing: true }, long)).toBe('Underway');
    expect(endText({ end: null, endNote: 'After the board', ongoing: true }, long)).toBe(
      'After the board, ongoing',
    );
    expect(endText({ end: '2027-03-31', endNote: null, ongoing: true }, long)).toBe(
      'long 2027-03-31, ongoing',
    );
    expect(endText({ end: '2027-03-31', endNote: null, ongoing: false }, long)).toBe('long 2027-03-31');
    expect(endText({ end: null, endNote: null, ongoing: true }, long)).toBe('Ongoing');
    expect(endText({ end: null, endNote: null, ongoing: false }, long)).toBe('No end date');
    expect(endText({ end: null, endNote: 'Mar 22', ongoing: false }, long)).toBe('Mar 22');
  });
});
