/**
 * Items for GOV.UK select, radios and checkboxes, with the user's choice marked, from one list of options. A list of
 * codes becomes options with `labelled(codes, labels)`.
 */

export interface Option {
  readonly value: string;
  readonly text: string;
}

/** Options from codes and their labels, in the codes' order. */
export function labelled<C extends string>(
  codes: readonly C[],
  labels: Readonly<Record<C, string>>,
): Option[] {
  return codes.map((value) => ({ value, text: labels[value] }));
}

/**
 * govukSelect items with `selected` marked. `any` puts a first item with the empty value (for example 'Any' in a
 * filter, or 'No team'): chosen when nothing else is.
 */
export function selectItems(
  options: readonly Option[],
  selected: string | undefined,
  settings: { any?: string } = {},
): Array<Option & { selected?: boolean }> {
  const items = options.map((o) => ({ value: o.value, text: o.text, selected: o.value === selected }));
  return settings.any === undefined ? items : [{ value: '', text: settings.any }, ...items];
}

/** govukRadios items with `checked` marked. */
export function radioItems(
  options: readonly Option[],
  checked: string | undefined,
): Array<Option & { checked: boolean }> {
  return options.map((o) => ({ value: o.value, text: o.text, checked: o.value === checked }));
}

/** govukCheckboxes items with every chosen value `checked`. */
export function checkboxItems(
  options: readonly Option[],
  checked: readonly string[],
): Array<Option & { checked: boolean }> {
  const chosen = new Set(checked);
  return options.map((o) => ({ value: o.value, text: o.text, checked: chosen.has(o.value) }));
}
