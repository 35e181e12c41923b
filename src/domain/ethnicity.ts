/**
 * The Department for Education's main ethnicity codes (the four-letter codes of the school census and SEN2), with the
 * words a family uses for them. Staff records and returns keep the code; pages show the words (issue 18: a family's
 * record shows plain words, not staff codes).
 */
export const ETHNICITY_LABELS: Readonly<Record<string, string>> = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy or Roma',
  WOTH: 'Any other White background',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Prefers not to say',
  NOBT: 'Not yet known',
};

/** The words for a code; a code not in the list (an extended local code, say) is shown as it is. */
export function ethnicityLabel(code: string | null | undefined): string | null {
  if (!code) return null;
  return ETHNICITY_LABELS[code.trim().toUpperCase()] ?? code;
}
