/** A whole-number setting from 0 to `max` (a port, a delay in ms): `fallback` when unset or empty; anything else is an error naming it. */
export function wholeNumber(name: string, raw: string | number | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
  }
  return value;
}

/** A count of at least one (rounds, lanes, processes side by side), given on a command line: anything else is an error naming it. */
export function countOfOneOrMore(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 1) throw new Error(`${name}: a whole number ≥ 1, not ${raw}`);
  return value;
}
