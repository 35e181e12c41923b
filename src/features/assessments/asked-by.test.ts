import { describe, expect, it } from 'vitest';
import { REQUESTERS } from '../../platform/db/schema/assessments.ts';
import { askedBy } from './contacts.ts';

describe('who asked for the assessment, in words', () => {
  it('says each requester in words, never its stored code', () => {
    for (const requester of REQUESTERS) {
      const words = askedBy(requester, null);
      expect(words).not.toContain('-');
      expect(words).toMatch(/^(a|the|someone) /);
    }
    expect(askedBy('young-person', null)).toBe('the young person');
  });
  it('adds the name when given, and starts a line with a capital without lowering the name', () => {
    expect(askedBy('parent', 'Sam McKay')).toBe('a parent or carer, Sam McKay');
    expect(askedBy('school', 'Ms Ode', { start: true })).toBe('The school, college or nursery, Ms Ode');
    expect(askedBy('other', null, { start: true })).toBe('Someone else');
  });
});
