import { describe, expect, it } from 'vitest';
import { lowerFirst } from './text.ts';

describe('lowerFirst', () => {
  it('lower-cases only the first letter of an ordinary label', () => {
    expect(lowerFirst('Educational psychology')).toBe('educational psychology');
    expect(lowerFirst('Health: Speech and language therapy')).toBe('health: Speech and language therapy');
    expect(lowerFirst('A change of school, college or other setting')).toBe(
      'a change of school, college or other setting',
    );
  });
  it('leaves a label that starts with an acronym as it is', () => {
    expect(lowerFirst('EHC needs assessment')).toBe('EHC needs assessment');
    expect(lowerFirst('SEN support')).toBe('SEN support');
    expect(lowerFirst('SENCO advice')).toBe('SENCO advice');
    expect(lowerFirst('EHC-plan review')).toBe('EHC-plan review');
  });
  it('keeps acronyms later in the label, and copes with one letter and nothing', () => {
    expect(lowerFirst('Child missing education (CME)')).toBe('child missing education (CME)');
    expect(lowerFirst('The EHC plan')).toBe('the EHC plan');
    expect(lowerFirst('A')).toBe('a');
    expect(lowerFirst('I have not been involved')).toBe('I have not been involved');
    expect(lowerFirst('')).toBe('');
  });
});
