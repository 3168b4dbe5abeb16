import type { Entity } from '../facts/types';
import type { MutedTerm } from '../settings/settings';

// The fact base as the reader wants it on one site: entities they muted there are
// gone, and so are the aliases they said meant something else there.

export function unmutedEntities<E extends Pick<Entity, 'id' | 'aliases'>>(
  entities: readonly E[],
  muted: readonly MutedTerm[],
): E[] {
  if (muted.length === 0) return [...entities];
  const off = new Set(muted.filter((m) => m.reason === 'not-on-site').map((m) => m.entityId));
  const wrong = new Map<string, Set<string>>();
  for (const m of muted) {
    if (m.reason !== 'wrong-meaning' || !m.alias) continue;
    const set = wrong.get(m.entityId) ?? new Set<string>();
    set.add(m.alias.toLowerCase());
    wrong.set(m.entityId, set);
  }
  return entities
    .filter((e) => !off.has(e.id))
    .map((e) => {
      const aliases = wrong.get(e.id);
      return aliases ? { ...e, aliases: e.aliases.filter((a) => !aliases.has(a.text.toLowerCase())) } : e;
    });
}
