// Shared by the reference content scripts the benchmark compares Mars Lens with: the
// same aliases, the same skip rules, the same way of reporting to the harness.
import bundle from '../../lib/facts/generated/fact-base.json';
import type { FactBase } from '../../lib/facts/types';
import { SKIP_TAGS } from '../../lib/page/skip-rules';

export { report, walkText } from './walk';

const base = bundle as unknown as FactBase;
export const aliases = base.entities.flatMap((e) => e.aliases.filter((a) => !a.searchOnly));

/** CSS selectors for the skip rules (for mark.js's `exclude`), from the same tag list. */
export const SKIP_SELECTORS = [
  ...SKIP_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  '[contenteditable]:not([contenteditable="false"]) *',
];
