/** The journey's pure rules: facts to clock input, next step, status text, family sentences, stages, the question flow. */
import { describe, expect, it } from 'vitest';
import type { Step } from '../clock/types.ts';
import {
  caseTimeline,
  clockInputFor,
  dayOfWindow,
  familySentence,
  nextRequestStep,
  nextStep,
  stageFor,
  statusTag,
  stepAfter,
  type CaseFacts,
  type RequestAnswers,
} from './journey.ts';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  requestReceived: '2026-01-05',
  decision: null,
  advice: [],
  outcome: null,
  draftServed: null,
  finalIssued: null,
  exceptions: [],
  ...over,
});

const step = (over: Partial<Step>): Step => ({
  id: 'decision-to-assess',
  owner: 'local-authority',
  due: '2026-02-16',
  completed: null,
  status: 'open',
  daysLate: 0,
  daysRemaining: 19,
  rule: '',
  explanation: 'The clock explains.',
  exception: null,
  exceptionChecks: [],
  ...over,
});

describe('clock input from case facts', () => {
  it('passes only facts, maps agencies to the clock’s names, and opens the appeal window on a refusal', () => {
    const input = clockInputFor(
      facts({
        decision: { date: '2026-02-10', outcome: 'not-assess' },
        advice: [{ id: 'a1', agency: 'educational', requested: '2026-02-11', received: null }],
        exceptions: [
          {
            kind: 'missed-appointment',
            from: '2026-02-20',
            to: '2026-02-20',
            appliesTo: [],
            confirmed: true,
          },
        ],
      }),
      '2026-03-01',
    );
    expect(input.assessment?.adviceRequests?.[0]?.agency).toBe('education');
    expect(input.appeal).toEqual({ decisionSent: '2026-02-10' });
    expect(input.exceptions?.[0]?.appliesTo).toBeNull();
  });

  it('takes every due date from the clock: decide within 6 weeks of the request (2026-01-05 → 2026-02-16)', () => {
    const timeline = caseTimeline(facts(), '2026-01-28');
    const next = nextStep(timeline)!;
    expect(next.id).toBe('decision-to-assess');
    expect(next.due).toBe('2026-02-16');
    expect(dayOfWindow(next)).toEqual({ day: 23, of: 42 });
  });

  it('chooses the earliest-due step that is not done and not the family’s own appeal', () => {
    const timeline = caseTimeline(
      facts({
        decision: { date: '2026-02-10', outcome: 'assess' },
        advice: [
          { id: 'ep', agency: 'educational-psychology', requested: '2026-02-11', received: null },
          { id: 'school', agency: 'setting', requested: '2026-02-01', received: '2026-02-20' },
        ],
      }),
      '2026-03-01',
    );
    expect(nextStep(timeline)?.id).toBe('advice:ep');
  });
});

describe('status tags always carry text', () => {
  it.each([
    [{ status: 'overdue', daysLate: 1, daysRemaining: null }, 'Overdue by 1 day', 'overdue'],
    [{ status: 'overdue', daysLate: 9, daysRemaining: null }, 'Overdue by 9 days', 'overdue'],
    [{ status: 'open', daysLate: 0, daysRemaining: 0 }, 'Due today', 'soon'],
    [{ status: 'open', daysLate: 0, daysRemaining: 14 }, 'Due in 14 days', 'soon'],
    [{ status: 'open', daysLate: 0, daysRemaining: 15 }, '15 days left', 'on-track'],
    [{ status: 'met', daysLate: 0, daysRemaining: null }, 'Done on time', 'done'],
    [{ status: 'late', daysLate: 3, daysRemaining: null }, 'Done 3 days late', 'late'],
  ] as const)('%o → %s', (s, text, urgency) => {
    const tag = statusTag(s);
    expect(tag.text).toBe(text);
    expect(tag.urgency).toBe(urgency);
  });
});

describe('what the family reads', () => {
  it('says who owes what and by when', () => {
    expect(familySentence(step({}), 'Sam')).toBe(
      'Your council must decide whether to assess Sam by 16 February 2026.',
    );
    expect(familySentence(step({ id: 'final-plan', due: '2026-05-25' }), 'Sam')).toBe(
      "Your council must send you Sam's final plan by 25 May 2026.",
    );
    expect(
      familySentence(
        step({ id: 'advice:ep', owner: 'adviser', due: '2026-03-25' }),
        'Sam',
        'Educational psychology',
      ),
    ).toBe('Educational psychology: due by 25 March 2026.');
  });

  it('says plainly when the council or an adviser is late', () => {
    expect(familySentence(step({ status: 'overdue', daysLate: 5, daysRemaining: null }), 'Sam')).toBe(
      'Your council had to decide whether to assess Sam by 16 February 2026. It is late.',
    );
    expect(
      familySentence(
        step({ id: 'advice:h', owner: 'adviser', status: 'overdue', daysRemaining: null }),
        'Sam',
        'Health',
      ),
    ).toBe('Health: this was due by 16 February 2026 and has not arrived yet.');
  });

  it('counts the day of the legal window only while a step is open', () => {
    expect(dayOfWindow(step({ daysRemaining: 42 }))).toEqual({ day: 1, of: 42 });
    expect(dayOfWindow(step({ status: 'overdue', daysRemaining: null }))).toBeNull();
    expect(dayOfWindow(step({ id: 'review:1' }))).toBeNull();
  });
});

describe('stages', () => {
  it.each([
    [{}, 'request'],
    [{ decision: { date: '2026-02-01', outcome: 'not-assess' } }, 'not-assessed'],
    [{ decision: { date: '2026-02-01', outcome: 'assess' } }, 'assessment'],
    [
      {
        decision: { date: '2026-02-01', outcome: 'assess' },
        outcome: { date: '2026-04-01', outcome: 'no-plan' },
      },
      'no-plan',
    ],
    [
      {
        decision: { date: '2026-02-01', outcome: 'assess' },
        outcome: { date: '2026-04-01', outcome: 'issue-plan' },
      },
      'draft',
    ],
    [
      {
        decision: { date: '2026-02-01', outcome: 'assess' },
        outcome: { date: '2026-04-01', outcome: 'issue-plan' },
        finalIssued: '2026-05-01',
      },
      'final',
    ],
  ] as const)('%o → %s', (f, stage) => {
    expect(stageFor({ decision: null, outcome: null, finalIssued: null, ...f })).toBe(stage);
  });
});

describe('the online request’s question flow', () => {
  it('asks each question in turn, and the new child’s details when the child is not known', () => {
    expect(nextRequestStep({})).toBe('child');
    expect(nextRequestStep({ childId: 'c1' })).toBe('child');
    expect(nextRequestStep({ childId: 'c1', detailsCorrect: 'yes' })).toBe('why');
    expect(nextRequestStep({ childId: 'new' })).toBe('new-child');
    const all: RequestAnswers = {
      childId: 'c1',
      detailsCorrect: 'yes',
      why: 'w',
      support: 's',
      involved: [],
      schoolKind: 'undecided',
      consent: 'yes',
    };
    expect(nextRequestStep(all)).toBe('check');
    expect(nextRequestStep({ ...all, schoolKind: undefined })).toBe('school');
    expect(stepAfter('involved', { ...all, schoolKind: undefined })).toBe('school');
    expect(stepAfter('school', { ...all, consent: undefined })).toBe('consent');
    expect(stepAfter('why', { ...all, support: undefined })).toBe('support');
    expect(stepAfter('consent', all)).toBe('check');
  });
});
