// The benchmark's 100× fact base: today's compiled base and 99 renamed copies of it,
// the same shape (entities with facts, quotes, news and related ids), with two more
// aliases per entity per copy: 2,100 entities and 11,500 aliases. The copies' names
// look like real ones but occur on no page, so marks stay those of the real base.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Alias, FactBase } from '../lib/facts/types';

export const FACT_BASE_100X = 'bench/.out/fact-base-100x.json';

export function factBase100x(base: FactBase, copies = 100): FactBase {
  const entities = [...base.entities];
  for (let k = 1; k < copies; k++) {
    const tag = `Zq${(k * 7919).toString(36)}`;
    const id = (x: string) => `${x}-c${k}`;
    for (const e of base.entities) {
      const extra: Alias[] = [`${tag} ${e.name}`, `${e.name} ${tag}x`].map((text, j) => ({
        text,
        caseSensitive: j === 0,
        ambiguous: false,
        variant: false,
        searchOnly: false,
      }));
      entities.push({
        ...e,
        id: id(e.id),
        name: `${e.name} ${tag}`,
        aliases: [...e.aliases.map((a) => ({ ...a, text: `${a.text} ${tag}` })), ...extra],
        related: e.related.map(id),
      });
    }
  }
  return { ...base, entities };
}

export function writeFactBase100x(): string {
  const base = JSON.parse(readFileSync('lib/facts/generated/fact-base.json', 'utf8')) as FactBase;
  const big = factBase100x(base);
  mkdirSync(dirname(FACT_BASE_100X), { recursive: true });
  writeFileSync(FACT_BASE_100X, JSON.stringify(big));
  return FACT_BASE_100X;
}
