/** The family's preference, the destination recorded by the council, and what the family is told (S2). */
import { describe, expect, it } from 'vitest';
import { cohortEntry } from './cohort.ts';
import {
  checkDestination,
  checkPreference,
  familyStartSentence,
  familySteps,
  OTHER_SETTING,
} from './family.ts';

const CHOICES = ['s1', 's2'];

describe('checkPreference', () => {
  it('takes a setting from the list, with reasons trimmed (empty reasons are none)', () => {
    expect(checkPreference({ settingId: 's2', reasons: '  near home ' }, CHOICES)).toEqual({
      ok: true,
      value: { settingId: 's2', settingText: null, reasons: 'near home' },
    });
    expect(checkPreference({ settingId: 's1', reasons: '   ' }, CHOICES)).toMatchObject({
      ok: true,
      value: { reasons: null },
    });
  });

  it('takes a setting not in the list by its name, and ignores a name typed beside a listed setting', () => {
    expect(checkPreference({ settingId: OTHER_SETTING, settingText: ' Fernhill College ' }, CHOICES)).toEqual(
      {
        ok: true,
        value: { settingId: null, settingText: 'Fernhill College', reasons: null },
      },
    );
    expect(checkPreference({ settingId: 's1', settingText: 'Fernhill' }, CHOICES)).toMatchObject({
      ok: true,
      value: { settingId: 's1', settingText: null },
    });
  });

  it('says what is wrong with each field, all at once', () => {
    expect(checkPreference({}, CHOICES)).toEqual({
      ok: false,
      errors: [{ field: 'settingId', message: 'Choose the school, college or setting you want' }],
    });
    expect(checkPreference({ settingId: 's9' }, CHOICES)).toMatchObject({
      ok: false,
      errors: [{ field: 'settingId', message: 'Choose a school, college or setting from the list' }],
    });
    const both = checkPreference(
      { settingId: OTHER_SETTING, settingText: ' ', reasons: 'x'.repeat(2001) },
      CHOICES,
    );
    expect(both.ok ? [] : both.errors.map((e) => e.field)).toEqual(['settingText', 'reasons']);
    const long = checkPreference({ settingId: OTHER_SETTING, settingText: 'x'.repeat(201) }, CHOICES);
    expect(long.ok ? '' : long.errors[0]!.message).toBe('The name must be 200 characters or fewer');
    expect(checkPreference({ settingId: 's1', reasons: 'x'.repeat(2000) }, CHOICES).ok).toBe(true);
  });
});

describe('checkDestination', () => {
  const today = '2026-06-01';
  it('takes a destination, and a move date only for a post-16 institution, today or later', () => {
    expect(checkDestination({ destination: 'school-sixth-form', moveDate: null }, today)).toEqual({
      ok: true,
      value: { destination: 'school-sixth-form', moveDate: null },
    });
    expect(checkDestination({ destination: 'post-16-institution', moveDate: '2027-01-04' }, today)).toEqual({
      ok: true,
      value: { destination: 'post-16-institution', moveDate: '2027-01-04' },
    });
    expect(checkDestination({ destination: 'post-16-institution', moveDate: today }, today).ok).toBe(true);
  });

  it('refuses a missing destination, a date for a school, a past or unreal date', () => {
    const fields = (r: ReturnType<typeof checkDestination>) => (r.ok ? [] : r.errors.map((e) => e.field));
    expect(fields(checkDestination({ moveDate: null }, today))).toEqual(['destination']);
    expect(fields(checkDestination({ destination: 'elsewhere', moveDate: 'invalid' }, today))).toEqual([
      'destination',
      'moveDate',
    ]);
    expect(fields(checkDestination({ destination: 'school', moveDate: '2027-01-04' }, today))).toEqual([
      'moveDate',
    ]);
    expect(
      fields(checkDestination({ destination: 'post-16-institution', moveDate: '2026-05-31' }, today)),
    ).toEqual(['moveDate']);
  });
});

describe('what the family is told at the start of the cohort', () => {
  const entry = cohortEntry({
    dateOfBirth: '2015-03-01',
    on: '2025-10-01',
    setting: { kind: 'school', firstYear: 0, lastYear: 6 },
  });
  if (!entry.inCohort) throw new Error('in the cohort');

  it('lists the steps in order, the last the legal deadline (15 February 2026)', () => {
    const steps = familySteps(entry.dates);
    expect(steps.map((s) => s.by)).toEqual([
      '2026-01-02',
      '2026-01-15',
      '2026-01-30',
      '2026-01-30',
      '2026-02-14',
    ]);
    expect(steps.map((s) => s.legal)).toEqual([false, false, false, false, true]);
  });

  it('says the deadline and the latest day for the preference in one sentence', () => {
    expect(familyStartSentence(entry.dates)).toBe(
      'We will review the plan and amend it to name the next school or college by 14 February 2026 (the legal deadline). Please tell us which school or college you want by 15 January 2026.',
    );
  });
});
