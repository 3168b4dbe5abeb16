import { z } from 'zod';
import { MAX_TERM_LENGTH } from '../match/window';
import { CATEGORIES } from './types';

// The shape of seeds/sources.yaml and seeds/facts.yaml. Cross-checks that need more
// than one value (quotes against seeds, duplicate aliases) live in compile.ts.

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^\d{3}$/, 'must be the three-digit number the seed file starts with'),
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must name a seed .txt file in seeds/'),
  outlet: text,
  date: isoDate,
  dateApproximate: z.boolean().optional(),
  dateNote: text,
  title: text,
  titleNote: text.optional(),
  garbled: z.array(text).optional(),
});
export const sourcesSchema = z.array(sourceSchema).min(1, 'must list at least one source');

/** Longer terms would not fit the overlap with which huge runs are matched in windows. */
const termText = text.max(MAX_TERM_LENGTH, `must be at most ${MAX_TERM_LENGTH} characters`);

export const aliasSchema = z.strictObject({
  text: termText,
  case: z.enum(['sensitive', 'insensitive']).optional(),
  ambiguous: z.boolean().optional(),
  variant: z.boolean().optional(),
  searchOnly: z.boolean().optional(),
});

export const citationSchema = z.strictObject({
  seed: z.string().regex(/^\d{3}$/, 'must be a seed id such as "000" (quote it in YAML)'),
  quote: text,
});

export const factSchema = z.strictObject({
  text,
  cite: z.array(citationSchema).optional(),
});

export const entitySchema = z.strictObject({
  id,
  name: text,
  category: z.enum(CATEGORIES),
  evidence: z.enum(['strong', 'weak', 'none']),
  summary: text,
  aliases: z.array(aliasSchema).min(1, 'needs at least one alias'),
  related: z.array(id).optional(),
  facts: z.array(factSchema).optional(),
});

export const factFileSchema = z.strictObject({
  traps: z.array(termText).optional(),
  entities: z.array(entitySchema).min(1, 'must list at least one entity'),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type EntityInput = z.infer<typeof entitySchema>;
export type FactFileInput = z.infer<typeof factFileSchema>;
