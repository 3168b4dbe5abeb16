import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FactInput } from './compile';
import { everydayWordRanks } from './word-ranks';

// Node-only: reads seeds/ for the compiler (build time and tests, never the extension).

export function loadFactInput(seedsDir: string, cwd = process.cwd()): FactInput {
  const read = (name: string) => ({
    name: relative(cwd, join(seedsDir, name)),
    text: readFileSync(join(seedsDir, name), 'utf8'),
  });
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(seedsDir)
    .filter((n) => /^\d{3}_.*\.txt$/.test(n))
    .sort()) {
    seeds[name] = readFileSync(join(seedsDir, name), 'utf8');
  }
  return { sources: read('sources.yaml'), facts: read('facts.yaml'), seeds, wordRanks: everydayWordRanks() };
}
