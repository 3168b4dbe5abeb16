import type { FrameTerms } from '../browser/messages';

// "On this page" counts an entity's marks across the tab's frames; the kth choice of it
// goes to the kth mark overall (wrapping), which lives in one frame as its nth mark.

export interface PageTerm {
  id: string;
  count: number;
}

/** Every entity marked in the tab, with its count across frames, most frequent first. */
export function pageTerms(frames: readonly FrameTerms[]): PageTerm[] {
  const counts = new Map<string, number>();
  for (const frame of frames) for (const t of frame.terms) counts.set(t.id, (counts.get(t.id) ?? 0) + t.count);
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** Which frame holds the kth (0-based, wrapping) mark of an entity, and its index there. */
export function occurrence(
  frames: readonly FrameTerms[],
  entityId: string,
  k: number,
): { frameId: number; n: number } | undefined {
  const per = frames
    .map((f) => ({ frameId: f.frameId, count: f.terms.find((t) => t.id === entityId)?.count ?? 0 }))
    .filter((f) => f.count > 0);
  const total = per.reduce((sum, f) => sum + f.count, 0);
  if (total === 0) return undefined;
  let rest = ((k % total) + total) % total;
  for (const f of per) {
    if (rest < f.count) return { frameId: f.frameId, n: rest };
    rest -= f.count;
  }
  return undefined;
}
