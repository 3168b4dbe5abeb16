import type { HighlightEnv } from '../../lib/page/highlight-marks';

// happy-dom has no CSS.highlights; the registry and Highlight are passed in, so a Map
// and a Set stand in for them with the methods the code uses, and a range is its init.

export type FakeEnv = HighlightEnv & { registry: Map<string, Set<StaticRangeInit>> };

export function fakeHighlightEnv(win: Window & typeof globalThis = window as never): FakeEnv {
  return {
    window: win,
    registry: new Map() as unknown as HighlightRegistry & Map<string, Set<StaticRangeInit>>,
    createHighlight: () => new Set() as unknown as Highlight,
    createRange: (init) => ({ ...init }) as unknown as StaticRange,
    randomName: () => `ml-${Math.random().toString(36).slice(2)}`,
  } as FakeEnv;
}

/** The text under each registered range, as a page script would read it. */
export function registeredTexts(env: FakeEnv, name?: string): string[] {
  const out: string[] = [];
  for (const [key, ranges] of env.registry) {
    if (name && key !== name) continue;
    for (const r of ranges) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push(range.toString());
    }
  }
  return out;
}
