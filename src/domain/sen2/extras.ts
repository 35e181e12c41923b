/**
 * SEN2 items the casework does not hold yet, kept per child when a return is read in (docs/sen2.md, "Items kept
 * beside the casework"): the keys they are kept under, and how settings are named in a return.
 */
import { isCode } from './codes.ts';
import type { Sen2Need, Sen2PlanDetail } from './model.ts';

/** childId's extras: key -> value ('' is a value: the file said blank). */
export type Extras = ReadonlyMap<string, string>;

export const requestExtraKey = (received: string, item: string) => `request.${received}.${item}`;
export const planExtraKey = (item: string) => `plan.${item}`;
export const placementExtraKey = (s: { urn: string; ukprn: string; settingCode: string }, entry: string) =>
  `placement.${s.urn}|${s.ukprn}|${s.settingCode}.${entry}`;

/** The plan's details after the first (kept as a list). */
export function extraDetails(extras: Extras): Sen2PlanDetail[] {
  return parseList<Sen2PlanDetail>(extras.get(planExtraKey('details')));
}

/** The needs after the primary need the casework holds (kept as a list). */
export function extraNeeds(extras: Extras): Sen2Need[] {
  return parseList<Sen2Need>(extras.get(planExtraKey('needs')));
}

function parseList<T>(text: string | undefined): T[] {
  if (!text) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** How a setting is named in a return: its URN; else a UKPRN; else a setting code (docs/sen2.md). */
export function settingKeyOf(setting: { urn: string | null; type: string }): {
  urn: string;
  ukprn: string;
  code: string;
} {
  if (setting.urn) return { urn: setting.urn, ukprn: '', code: '' };
  if (setting.type.startsWith('UKPRN ')) return { urn: '', ukprn: setting.type.slice(6), code: '' };
  return { urn: '', ukprn: '', code: isCode('settingCode', setting.type) ? setting.type : 'OTH' };
}

/** The setting type the casework keeps for a setting named only by a UKPRN or a code (inverse of settingKeyOf). */
export function settingTypeFor(key: { urn: string; ukprn: string; settingCode: string }): string {
  if (key.urn) return 'school';
  if (key.ukprn) return `UKPRN ${key.ukprn}`;
  return key.settingCode;
}
