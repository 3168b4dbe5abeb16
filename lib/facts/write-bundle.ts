import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileFactBase } from './compile';
import { loadFactInput } from './load-input';
import type { FactBase } from './types';

/** Where the compiled fact base goes; entrypoints import it through lib/facts/bundle.ts. */
export const BUNDLE_PATH = 'lib/facts/generated/fact-base.json';

/** Compiles seeds/ into the runtime bundle. Throws FactDataError on bad data. */
export function writeFactBundle(root: string): FactBase {
  const base = compileFactBase(loadFactInput(join(root, 'seeds'), root));
  const out = join(root, BUNDLE_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(base));
  return base;
}
