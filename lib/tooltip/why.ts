import type { Alias, Entity } from '../facts/types';

// The tooltip's answer to "why is this marked?": the words on the page that matched,
// and whether they are a variant spelling or an everyday word the page's topic vouched for.

export function whyMarked(entity: Pick<Entity, 'name'>, alias: Alias, pageText: string): string {
  const quoted = `“${pageText.replace(/\s+/g, ' ')}”`;
  if (alias.variant)
    return `Marked because this page says ${quoted}, a variant spelling of ${entity.name} found in the sources.`;
  if (alias.ambiguous)
    return `Marked because this page says ${quoted} and is about Mars exploration, so it likely means ${entity.name}.`;
  if (entity.name.toLowerCase().includes(alias.text.toLowerCase())) return `Marked because this page says ${quoted}.`;
  return `Marked because this page says ${quoted}, another name for ${entity.name}.`;
}
