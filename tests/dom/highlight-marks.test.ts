/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { HighlightMarks, randomHighlightName, type HighlightEnv } from '../../lib/page/highlight-marks';
import { collectTextRuns } from '../../lib/page/text-runs';
import type { TermMatch } from '../../lib/match/term-matcher';

// happy-dom has no CSS.highlights; the registry and Highlight are passed in, so a Map
// and a Set stand in for them with the same methods the code uses.
function fakeEnv(): HighlightEnv & { registry: Map<string, Set<StaticRange>> } {
  return {
    window: window as unknown as Window & typeof globalThis,
    registry: new Map() as unknown as HighlightRegistry & Map<string, Set<StaticRange>>,
    createHighlight: () => new Set() as unknown as Highlight,
    createRange: (init) => init as unknown as StaticRange,
    randomName: () => `ml-${Math.random().toString(36).slice(2)}`,
  } as HighlightEnv & { registry: Map<string, Set<StaticRange>> };
}

const match = (start: number, end: number): TermMatch => ({
  start,
  end,
  entityId: 'jpl',
  evidence: 'weak',
  alias: {
    text: 'Jet Propulsion Laboratory',
    caseSensitive: false,
    ambiguous: false,
    variant: false,
    searchOnly: false,
  },
});

describe('HighlightMarks', () => {
  it('marks a term split over text nodes with one range from its first to its last node', () => {
    document.body.innerHTML = '<p>The Jet <em>Propulsion</em> Laboratory said</p>';
    const [run] = collectTextRuns(document.body);
    const env = fakeEnv();
    const marks = new HighlightMarks(env);
    marks.add(run!, [match(4, 29)]);
    const range = marks.marks[0]!.range as unknown as StaticRangeInit;
    expect([(range.startContainer as Text).data, range.startOffset]).toEqual(['The Jet ', 4]);
    expect([(range.endContainer as Text).data, range.endOffset]).toEqual([' Laboratory said', 11]);
    expect(env.registry.get(marks.name)?.size).toBe(1);
  });

  it('uses a fresh unguessable name per instance and puts the highlight back if the page clears it', () => {
    document.body.innerHTML = '<p>JPL</p>';
    const [run] = collectTextRuns(document.body);
    const env = fakeEnv();
    const a = new HighlightMarks(env);
    expect(new HighlightMarks(env).name).not.toBe(a.name);
    a.add(run!, [match(0, 3)]);
    env.registry.clear();
    a.ensureRegistered();
    expect(env.registry.get(a.name)?.size).toBe(1);
    env.registry.set(a.name, new Set());
    a.ensureRegistered();
    expect(env.registry.get(a.name)?.size).toBe(1);
  });

  it('clears its marks and its registry entry, and registers nothing when there is nothing to mark', () => {
    document.body.innerHTML = '<p>JPL</p>';
    const [run] = collectTextRuns(document.body);
    const env = fakeEnv();
    const marks = new HighlightMarks(env);
    marks.add(run!, []);
    expect(env.registry.size).toBe(0);
    marks.add(run!, [match(0, 3)]);
    marks.clear();
    expect(marks.marks).toEqual([]);
    expect(env.registry.size).toBe(0);
  });

  it('names highlights without randomUUID, which insecure (plain http) pages lack', () => {
    const insecureCrypto = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const a = randomHighlightName(insecureCrypto);
    expect(a).toMatch(/^ml-[0-9a-f]{32}$/);
    expect(randomHighlightName(insecureCrypto)).not.toBe(a);
  });
});
