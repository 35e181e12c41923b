/**
 * The contract children: the three children the demo's family accounts are linked to (parent@'s son with a plan,
 * parent2@'s daughter with none yet, and the young person himself), built at fixed positions of the caseload with
 * fixed stories, which the demo's tests and browser journeys rely on.
 */
import { demoAccount } from './accounts.ts';
import type { ChildOverrides } from './child.ts';
import { PARENT2_SETTING, PARENT_DUAL_SETTING, SENCO_SCHOOL, YOUNG_PERSON_SETTING } from './settings.ts';

/** The three children the family accounts are linked to, built at fixed positions with fixed stories. */
export function specialChildren(
  n: number,
): Map<number, { email: string; overrides: Partial<ChildOverrides> }> {
  const parent = demoAccount('parent@demo.example').displayName.split(' ');
  const parent2 = demoAccount('parent2@demo.example').displayName.split(' ');
  const youngPerson = demoAccount('youngperson@demo.example').displayName.split(' ');
  const positions = n >= 300 ? [17, 142, 263] : [0, 1, 2];
  return new Map([
    [
      positions[0]!,
      {
        email: 'parent@demo.example',
        overrides: {
          yearGroup: 4,
          sex: 'M',
          ethnicity: 'WBRI',
          origin: 'english',
          firstLanguage: 'English',
          householdLanguage: 'English',
          need: 'ASD',
          status: 'plan',
          given: 'Oliver',
          family: parent[1]!,
          lookedAfter: false,
          knownToSocialCare: false,
          setting: SENCO_SCHOOL,
          joinedAt: 0,
          previousSetting: 'Little Acorns Day Nursery',
          dualSetting: PARENT_DUAL_SETTING,
          parent: {
            given: parent[0]!,
            family: parent[1]!,
            relationship: 'mother',
            sex: 'F',
            email: 'parent@demo.example',
          },
          secondParent: { given: 'Mark', family: parent[1]!, relationship: 'father', sex: 'M' },
        },
      },
    ],
    [
      positions[1]!,
      {
        email: 'parent2@demo.example',
        overrides: {
          yearGroup: 2,
          sex: 'F',
          ethnicity: 'WOTH',
          origin: 'polish',
          firstLanguage: 'Polish',
          householdLanguage: 'Polish',
          need: 'SLCN',
          status: 'none',
          given: 'Zofia',
          family: parent2[1]!,
          lookedAfter: false,
          knownToSocialCare: false,
          setting: PARENT2_SETTING,
          joinedAt: 0,
          parent: {
            given: parent2[0]!,
            family: parent2[1]!,
            relationship: 'mother',
            sex: 'F',
            email: 'parent2@demo.example',
          },
          secondParent: { given: 'Tomasz', family: parent2[1]!, relationship: 'father', sex: 'M' },
        },
      },
    ],
    [
      positions[2]!,
      {
        email: 'youngperson@demo.example',
        overrides: {
          yearGroup: 13,
          sex: 'M',
          ethnicity: 'MWBC',
          origin: 'english',
          firstLanguage: 'English',
          householdLanguage: 'English',
          need: 'SEMH',
          status: 'plan',
          given: youngPerson[0]!,
          family: youngPerson[1]!,
          lookedAfter: false,
          knownToSocialCare: true,
          setting: YOUNG_PERSON_SETTING,
          joinedAt: 12,
          previousSetting: 'Moorside Academy',
          parent: {
            given: 'Simone',
            family: youngPerson[1]!,
            relationship: 'mother',
            sex: 'F',
            email: 'simone.ellison7@example.com',
          },
          secondParent: null,
        },
      },
    ],
  ]);
}
