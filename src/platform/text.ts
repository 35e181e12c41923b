/** Small text helpers for sentences built from labels. */

/**
 * A label made to run on inside a sentence: its first letter lower-cased ("Educational psychology" → "educational
 * psychology"), unless its first word is an acronym or initialism ("EHC needs assessment", "SEN support", "SENCO
 * advice" stay as they are, and so does "I"). `toLowerCase()` on the whole label turned "EHC" into "ehc".
 */
export function lowerFirst(label: string): string {
  const first = /^\S+/.exec(label)?.[0] ?? '';
  const letters = /^[A-Za-z]*/.exec(first)![0];
  if (first === 'I' || (letters.length >= 2 && letters === letters.toUpperCase())) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
