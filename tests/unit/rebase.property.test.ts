import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebase } from '../../lib/settings/rebase';
import { defaultSettings, muteTerm, setSiteEnabled, type Settings } from '../../lib/settings/settings';

// Changes made at once from several places (popup, settings page, tabs, commands), each
// from the settings its sender saw, are all kept, in whichever order they are written.

const SITES = ['a.org', 'b.org', 'news.c.org', 'd.net', 'e.io', 'f.com'];
const ENTITIES = ['pixl', 'jpl', 'nasa', 'mars'];

type Change =
  | { kind: 'site'; site: string; on: boolean }
  | { kind: 'mute'; site: string; entityId: string }
  | { kind: 'style'; value: Settings['markStyle'] }
  | { kind: 'delay'; value: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('site' as const), site: fc.constantFrom(...SITES), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('mute' as const),
    site: fc.constantFrom(...SITES),
    entityId: fc.constantFrom(...ENTITIES),
  }),
  fc.record({ kind: fc.constant('style' as const), value: fc.constantFrom('underline', 'background', 'hover-only') }),
  fc.record({ kind: fc.constant('delay' as const), value: fc.integer({ min: 0, max: 2000 }) }),
);

function applyChange(s: Settings, c: Change): Settings {
  if (c.kind === 'site') return setSiteEnabled(s, `https://${c.site}/`, c.on);
  if (c.kind === 'mute') return muteTerm(s, `https://${c.site}/`, { entityId: c.entityId, reason: 'not-on-site' });
  if (c.kind === 'style') return { ...s, markStyle: c.value };
  return { ...s, hoverDelayMs: c.value };
}

const base: fc.Arbitrary<Settings> = fc
  .record({
    sites: fc.subarray(SITES),
    style: fc.constantFrom('underline', 'background', 'hover-only') as fc.Arbitrary<Settings['markStyle']>,
  })
  .map(({ sites, style }) => ({ ...defaultSettings(), sites, markStyle: style }));

/** What touches the same field or entry: only one of such changes can win. */
const target = (c: Change) =>
  c.kind === 'site' ? `site:${c.site}` : c.kind === 'mute' ? `mute:${c.site}:${c.entityId}` : c.kind;

describe('rebase', () => {
  it('keeps every one of concurrent changes to different fields and entries, in any order', () => {
    fc.assert(
      fc.property(
        base,
        fc.uniqueArray(change, { selector: target, maxLength: 8 }),
        fc.func(fc.integer()),
        (seen, changes, order) => {
          // Every sender saw the same settings; the writer takes them in some order.
          const sent = changes.map((c) => ({ c, to: applyChange(seen, c) }));
          const written = [...sent].sort((x, y) => order(x.c) - order(y.c));
          const result = written.reduce((current, { to }) => rebase(current, seen, to), seen);
          for (const { c, to } of sent) {
            // The change alone, applied to what was seen, is what its field or entry became.
            const alone = to;
            if (c.kind === 'site') expect(result.sites.includes(c.site)).toBe(alone.sites.includes(c.site));
            else if (c.kind === 'mute')
              expect(result.muted.some((m) => m.site === c.site && m.entityId === c.entityId)).toBe(true);
            else if (c.kind === 'style') expect(result.markStyle).toBe(c.value);
            else expect(result.hoverDelayMs).toBe(c.value);
          }
          // Nothing nobody touched changed.
          for (const site of SITES)
            if (!changes.some((c) => c.kind === 'site' && c.site === site))
              expect(result.sites.includes(site)).toBe(seen.sites.includes(site));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('with nothing changed meanwhile, is the plain write', () => {
    fc.assert(
      fc.property(base, fc.array(change, { maxLength: 6 }), (seen, changes) => {
        const to = changes.reduce(applyChange, seen);
        const result = rebase(seen, seen, to);
        expect({ ...result, sites: [...result.sites].sort() }).toEqual({ ...to, sites: [...to.sites].sort() });
      }),
      { numRuns: 1000 },
    );
  });
});
