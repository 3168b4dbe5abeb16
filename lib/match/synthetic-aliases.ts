import type { Entity } from '../facts/types';

// Made-up terms for the benchmark's scaling case: n extra aliases (spread over
// entities of ten aliases each) that look like real names but occur on no page.

export function syntheticEntities(n: number): Pick<Entity, 'id' | 'evidence' | 'aliases'>[] {
  const out: Pick<Entity, 'id' | 'evidence' | 'aliases'>[] = [];
  for (let i = 0; i < n; i += 10) {
    const aliases = [];
    for (let j = i; j < Math.min(n, i + 10); j++) {
      aliases.push({
        text: `Zq${(j * 7919).toString(36)} Instrument ${j % 97}`,
        caseSensitive: j % 2 === 0,
        ambiguous: false,
        variant: false,
        searchOnly: false,
      });
    }
    out.push({ id: `synthetic-${i}`, evidence: 'none', aliases });
  }
  return out;
}
