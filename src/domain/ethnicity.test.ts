import { describe, expect, it } from 'vitest';
import { ETHNICITY_LABELS, ethnicityLabel } from './ethnicity.ts';

describe('ethnicity labels', () => {
  it('gives words for each of the DfE main codes', () => {
    expect(Object.keys(ETHNICITY_LABELS)).toHaveLength(20);
    expect(ethnicityLabel('WBRI')).toBe('White British');
    expect(ethnicityLabel('apkn ')).toBe('Pakistani');
    expect(ethnicityLabel('REFU')).toBe('Prefers not to say');
  });

  it('shows an unknown code as it is, and nothing for none', () => {
    expect(ethnicityLabel('WENG')).toBe('WENG');
    expect(ethnicityLabel(null)).toBeNull();
    expect(ethnicityLabel('')).toBeNull();
  });

  it('never shows a family a code for one of the codes the demo uses', () => {
    for (const label of Object.values(ETHNICITY_LABELS)) expect(label).not.toMatch(/^[A-Z]{4}$/);
  });
});
