/**
 * What a set filter (components/SetFilter.tsx) chooses and how its ticks and search work, apart
 * from React so it is tested on its own. The model is `{ filterType: 'set', values }`, as the
 * server's paging reads it (db/sqlite/paging.ts).
 */

/** A value a set filter can choose: an id, a code, or null for "no value". */
export type SetValue = string | number | null;

/** One choice of a set filter: its value and how the interface names it. */
export interface SetChoice {
  value: SetValue;
  label: string;
}

/** A set filter's model, as AG Grid keeps it and the server reads it. */
export interface SetFilterModel {
  filterType: 'set';
  values: SetValue[];
}

/** Text as the search box compares it: lower case, without Arabic short vowels and other marks. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The choices whose label contains every word searched, as written or without its marks. */
export function matchingChoices(choices: readonly SetChoice[], search: string): SetChoice[] {
  const words = folded(search).split(/\s+/).filter(Boolean);
  return choices.filter((choice) => words.every((word) => folded(choice.label).includes(word)));
}

/**
 * The model after ticking (or unticking) `values`: the values stay in the order they were
 * ticked, and nothing left ticked is no filter at all (null).
 */
export function tickedModel(model: SetFilterModel | null, values: readonly SetValue[], ticked: boolean): SetFilterModel | null {
  const current = model?.values ?? [];
  const next = ticked ? [...current, ...values.filter((v) => !current.includes(v))] : current.filter((v) => !values.includes(v));
  return next.length ? { filterType: 'set', values: next } : null;
}

