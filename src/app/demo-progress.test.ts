import { describe, expect, it } from 'vitest';
import { demoProgressLine, demoSeeders, demoStepNames } from './demo.ts';
import { features } from './features.ts';

describe('the first start’s progress line', () => {
  it('draws the bar, the step, what was built, the time so far and about how long is left', () => {
    expect(demoProgressLine(5, 20, 'plans', 10_000)).toBe(
      'Building the demo [#####...............] 5 of 20 steps (built: plans), 10 s, about 30 s left',
    );
  });

  it('says nothing of time left before the first step or after the last', () => {
    expect(demoProgressLine(0, 20, '', 400)).toBe(
      'Building the demo [....................] 0 of 20 steps (built: ), 0 s',
    );
    expect(demoProgressLine(20, 20, 'figures', 31_600)).toBe(
      'Building the demo [####################] 20 of 20 steps (built: figures), 32 s',
    );
  });

  it('names every step: the core records, then each seeder by its feature, in the order they run', () => {
    expect(demoStepNames).toHaveLength(demoSeeders.length + 2);
    const names = new Set<string>(features.map((f) => f.name.replaceAll('-', ' ')));
    for (const name of demoStepNames.slice(2))
      expect(names.has(name.replace(/ \(finishing\)$/, '')), name).toBe(true);
    expect(demoStepNames).toContain('local offer');
    expect(demoStepNames.at(-1)).toBe('plans (finishing)');
  });
});
