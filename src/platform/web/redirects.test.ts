/** returnTo accepts only same-site paths (issue 16 item 3; the review's D3 and D6e): a test for each trick. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './redirects.ts';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnTo('/children')).toBe('/children');
    expect(safeReturnTo('/children?page=2&q=a%20b')).toBe('/children?page=2&q=a%20b');
    expect(safeReturnTo('/plans/0067dae8-0000-4000-8000-000000000000/items')).toBe(
      '/plans/0067dae8-0000-4000-8000-000000000000/items',
    );
  });

  const tricks: [string, string][] = [
    ['protocol-relative', '//evil.example/x'],
    ['three slashes', '///evil.example/x'],
    ['backslash', '/\\evil.example/x'],
    ['backslashes only', '\\\\evil.example'],
    ['tab (the review D3)', '/\t/evil.example/phish'],
    ['tab, encoded', '/%09/evil.example/phish'],
    ['CR LF (header breaking, D6e)', '/\r\n/evil.example'],
    ['CR LF, encoded', '/%0d%0a/evil.example'],
    ['LF, encoded', '/%0A/x'],
    ['NUL, encoded', '/%00/x'],
    ['slashes, encoded', '/%2F%2Fevil.example'],
    ['slashes encoded from the start', '%2F%2Fevil.example'],
    ['slashes, encoded twice', '/%252F%252Fevil.example'],
    ['tab, encoded twice', '/%2509/evil.example'],
    ['backslash, encoded', '/%5Cevil.example'],
    ['backslash, encoded twice', '/%255Cevil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: after a slash', '/javascript:alert(1)//%0a'],
    ['absolute https', 'https://evil.example/'],
    ['absolute with a tab', 'ht\ttps://evil.example/'],
    ['scheme-relative with a space', ' //evil.example'],
    ['malformed encoding', '/%E0%A4%A'],
    ['sign-in loop', '/sign-in?returnTo=/x'],
    ['sign-out', '/sign-out'],
    ['too long', `/${'a'.repeat(600)}`],
  ];
  for (const [name, value] of tricks)
    it(`refuses ${name}`, () => {
      expect(safeReturnTo(value)).toBe('/');
    });

  it('refuses anything that is not a string', () => {
    for (const v of [undefined, null, 1, ['/x'], { a: 1 }]) expect(safeReturnTo(v)).toBe('/');
  });

  it('never returns anything a browser would take off the site or a header could not carry (property)', () => {
    const unit = fc.constantFrom(
      '/',
      '\\',
      '%',
      '2',
      'F',
      '5',
      'C',
      '0',
      '9',
      'a',
      'D',
      ':',
      '\t',
      '\n',
      '\r',
      '.',
      '@',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (s) => {
        const out = safeReturnTo(s);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f\\]/);
        expect(new URL(out, 'https://goldthread.invalid').origin).toBe('https://goldthread.invalid');
      }),
      { numRuns: 5000 },
    );
  });
});
