/** A family member's postal address as GOV.UK Notify takes a letter's (ADR 0048). */
import { describe, expect, it } from 'vitest';
import { postalAddress } from './recipients.ts';

describe('postalAddress', () => {
  it('keeps the lines given, trimmed and without blanks, the postcode last', () => {
    expect(postalAddress(['Sam Carter ', '4 Mill Lane', '', ' Denmoor'], ' DN1 2AB ')).toEqual([
      'Sam Carter',
      '4 Mill Lane',
      'Denmoor',
      'DN1 2AB',
    ]);
  });

  it('never gives more than 7 lines: the lines past the sixth are joined to it', () => {
    const lines = ['Name', 'Flat 2', 'Oak House', '9 Oak Road', 'Upper Beck', 'Lower Beck', 'Denmoor'];
    const address = postalAddress(lines, 'DN3 4CD');
    expect(address).toHaveLength(7);
    expect(address[5]).toBe('Lower Beck, Denmoor');
    expect(address[6]).toBe('DN3 4CD');
  });
});
