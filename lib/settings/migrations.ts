// How stored settings of an older version become the current version. Each step
// takes the value as version N-1 stored it and returns it as version N; a step must
// accept anything (a corrupt value is validated field by field afterwards).

type Migration = (old: unknown) => unknown;

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

export const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2: reader feedback ("Don't mark this term on this site") arrived as `muted`.
  2: (old) => (isRecord(old) ? { ...old, muted: Array.isArray(old.muted) ? old.muted : [] } : old),
  // 2 → 3: a subdomain switched back on (or off) inside a listed site is an exception.
  3: (old) => (isRecord(old) ? { ...old, exceptions: Array.isArray(old.exceptions) ? old.exceptions : [] } : old),
};

/** Runs the steps from version `from` up to `to` (for imported files; storage runs them itself). */
export function migrate(value: unknown, from: number, to: number): unknown {
  let v = value;
  for (let n = from + 1; n <= to; n++) v = MIGRATIONS[n]?.(v) ?? v;
  return v;
}
