/**
 * Where the demo's children are placed: the settings indexed by name and by the year groups they take, the kind of
 * provision a child of a year group and need attends, the setting drawn among those that fit, and the year group at
 * which children usually join a phase.
 */
import type { PrimaryNeed } from '../platform/db/schema/index.ts';
import type { DemoSetting } from './build.ts';
import type { Random } from './random.ts';
import { SENCO_SCHOOL, type SettingCategory, type SettingSpec } from './settings.ts';

export interface Placement {
  setting: DemoSetting;
  spec: SettingSpec;
}

export interface SettingIndex {
  all: Placement[];
  byName: Map<string, Placement>;
  fitting(category: SettingCategory | null, yg: number): Placement[];
}

export function indexSettings(settings: DemoSetting[], specs: readonly SettingSpec[]): SettingIndex {
  const all = settings.map((setting, i) => ({ setting, spec: specs[i]! }));
  const byName = new Map(all.map((p) => [p.spec.name, p]));
  const memo = new Map<string, Placement[]>();
  return {
    all,
    byName,
    fitting(category, yg) {
      const key = `${category ?? '*'}:${yg}`;
      let list = memo.get(key);
      if (!list) {
        list = all.filter(
          (p) =>
            (category === null || p.spec.category === category) && p.spec.first <= yg && yg <= p.spec.last,
        );
        memo.set(key, list);
      }
      return list;
    },
  };
}

/** The kind of provision a child in year group yg with this need attends; null: none. */
export function chooseCategory(rng: Random, yg: number, need: PrimaryNeed): SettingCategory | null {
  if (yg <= -3) return null;
  if (yg < 0) {
    if (!rng.chance(0.75)) return null;
    return rng.weighted<SettingCategory>([
      ['early-years', 70],
      ['mainstream', 15],
      ['special', 15],
    ]);
  }
  if (yg <= 11) {
    if (rng.chance(0.015)) return null; // electively home educated or missing education
    switch (need) {
      case 'SLD':
      case 'PMLD':
      case 'MSI':
        return rng.weighted<SettingCategory>([
          ['special', 85],
          ['mainstream', 5],
          ['independent-special', 10],
        ]);
      case 'ASD':
        return rng.weighted<SettingCategory>([
          ['mainstream', 50],
          ['special', 35],
          ['independent-special', 12],
          ['alternative', 3],
        ]);
      case 'SEMH':
        return rng.weighted<SettingCategory>([
          ['mainstream', 45],
          ['special', 25],
          ['independent-special', 15],
          ['alternative', 15],
        ]);
      case 'MLD':
        return rng.weighted<SettingCategory>([
          ['mainstream', 50],
          ['special', 47],
          ['independent-special', 3],
        ]);
      default:
        return rng.weighted<SettingCategory>([
          ['mainstream', 75],
          ['special', 20],
          ['independent-special', 5],
        ]);
    }
  }
  if (yg <= 14) {
    return rng.weighted<SettingCategory | null>([
      ['college', yg === 14 ? 65 : 50],
      ['special', yg === 14 ? 15 : 25],
      ['mainstream', yg === 14 ? 0 : 12],
      ['independent-special', 8],
      [null, yg === 14 ? 12 : 5],
    ]);
  }
  return rng.chance(0.6) ? 'college' : null;
}

export function pickPlacement(
  rng: Random,
  index: SettingIndex,
  category: SettingCategory,
  yg: number,
): Placement | null {
  const order: SettingCategory[] = [category, 'mainstream', 'special', 'college', 'early-years'];
  for (const c of order) {
    const fitting = index.fitting(c, yg);
    if (fitting.length > 0) {
      return rng.weighted(
        fitting.map((p) => [p, p.spec.name === SENCO_SCHOOL ? p.spec.weight * 4 : p.spec.weight]),
      );
    }
  }
  return null;
}

/** The year group at which children usually join a setting of this phase. */
export function phaseStart(yg: number): number {
  if (yg < 0) return -2;
  if (yg <= 6) return 0;
  if (yg <= 11) return 7;
  return 12;
}
