/**
 * Where a user may be sent back to (`returnTo` after sign-in): only a path on this site. Browsers strip tab, CR and LF
 * from URLs and read a backslash as a slash, so `/\t/evil.example` or `/\evil.example` leave the site; and the value
 * may arrive encoded once or more (`%2F%2F`, `%252F%252F`). So the value is refused when it, or any decoding of it,
 * holds a control character or a backslash, does not start with a single `/`, or resolves (WHATWG URL rules, as
 * browsers do) to another origin. What is returned is the parsed path and query, percent-encoded, so a redirect's
 * Location header never holds a character that could break it.
 */
import { paths } from './paths.ts';

const BASE = 'https://goldthread.invalid';
const MAX_LENGTH = 500;

/** The value and each decoding of it, until decoding changes nothing (at most 5 times); null if one is malformed. */
function decodings(value: string): string[] | null {
  const all = [value];
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return all;
    all.push(next);
    current = next;
  }
  return null;
}

function onSite(candidate: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return false;
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return false;
  try {
    return new URL(candidate, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/** A same-site path to go to, or `fallback` (the home page) for anything else. */
export function safeReturnTo(value: unknown, fallback: string = paths.home): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_LENGTH) return fallback;
  const all = decodings(value);
  if (!all?.every(onSite)) return fallback;
  const url = new URL(value, BASE);
  const path = url.pathname + url.search;
  if (path.startsWith(paths.signIn) || path.startsWith(paths.signOut)) return fallback;
  return path;
}
