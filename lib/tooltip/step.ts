// Keyboard stepping through marked terms (Alt+Shift+. and Alt+Shift+,).

/**
 * The next (or previous) mark after `from`; with no `from`, the first mark at or
 * below the top of the viewport (or the last above its bottom), wrapping at the ends.
 */
export function stepMark<T>(
  ordered: readonly T[],
  direction: 1 | -1,
  from: T | undefined,
  top: (mark: T) => number,
  viewportHeight: number,
): T | undefined {
  if (ordered.length === 0) return undefined;
  let i: number;
  if (from && ordered.includes(from)) i = ordered.indexOf(from) + direction;
  else if (direction === 1) i = ordered.findIndex((m) => top(m) >= 0);
  else i = ordered.findLastIndex((m) => top(m) < viewportHeight);
  if (i < 0 || i >= ordered.length) i = direction === 1 ? 0 : ordered.length - 1;
  return ordered[i];
}
