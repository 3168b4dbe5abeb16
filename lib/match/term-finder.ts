import type { Alias, Evidence } from '../facts/types';
import type { TermMatch } from './term-matcher';

// How a frame learns which terms its text mentions without holding the fact base:
// it sends the text of its runs, and gets back each term's place and what the reader
// needs of it (entity, alias and its rules, evidence). The automaton lives in one place
// (the extension's background), so a frame's cost does not grow with the fact base.

export interface TermFinder {
  /** The terms in each text, as TermMatcher.find() gives them; at once or later. */
  findEach(texts: readonly string[]): TermMatch[][] | Promise<TermMatch[][]>;
}

/** What travels back to a frame: [start, end, pattern] triples per text, and each pattern once. */
export interface WireMatches {
  found: number[][];
  patterns: Record<number, { entityId: string; evidence: Evidence; alias: Alias }>;
}

export function encodeMatches(lists: readonly TermMatch[][]): WireMatches {
  const ids = new Map<Alias, number>();
  const patterns: WireMatches['patterns'] = {};
  const found = lists.map((list) => {
    const flat: number[] = [];
    for (const m of list) {
      let p = ids.get(m.alias);
      if (p === undefined) {
        p = ids.size;
        ids.set(m.alias, p);
        patterns[p] = { entityId: m.entityId, evidence: m.evidence, alias: m.alias };
      }
      flat.push(m.start, m.end, p);
    }
    return flat;
  });
  return { found, patterns };
}

/** The matches a wire answer describes; throws if it is not one (a frame trusts no shape it did not check). */
export function decodeMatches(wire: WireMatches, texts: number): TermMatch[][] {
  if (!wire || !Array.isArray(wire.found) || wire.found.length !== texts) throw new Error('bad term answer');
  return wire.found.map((flat) => {
    const out: TermMatch[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const info = wire.patterns[flat[i + 2]!];
      if (!info) throw new Error('bad term answer');
      out.push({
        start: flat[i]!,
        end: flat[i + 1]!,
        entityId: info.entityId,
        evidence: info.evidence,
        alias: info.alias,
      });
    }
    return out;
  });
}
