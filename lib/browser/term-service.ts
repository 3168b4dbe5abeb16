import { cardData, type CardSource } from '../facts/card-data';
import type { Entity, FactBase } from '../facts/types';
import { readingQuotes } from '../library/library';
import { unmutedEntities } from '../match/muted';
import { encodeMatches } from '../match/term-finder';
import { TermMatcher } from '../match/term-matcher';
import { muteTerm, pageConfig, type MutedTerm, type Settings } from '../settings/settings';
import type { Library } from './library-service';
import { onMessage } from './messages';
import { loadSettings } from './settings-store';
import { changeSettings } from './settings-writer';
import { browser } from 'wxt/browser';

// The background's side of every frame: the one place that holds the fact base. It
// tells a frame whether to run and how (one settings read), finds the terms in the text
// frames send (one automaton for every frame of every tab, built once per background
// start and again when the library changes, with one variant per set of muted terms in
// use), and makes the cards, with what the reader's saved articles say.

/** Automata kept for the muted-term sets of open sites. */
const MATCHERS = 8;

export function registerTermService(base: FactBase, library: Library): void {
  // Built from the bundled entities and the library's, once per library revision.
  let built: Promise<{ entities: Entity[]; full: TermMatcher; cards: CardSource }> | undefined;
  const matchers = new Map<string, TermMatcher>();
  const build = () =>
    (built ??= library
      .entities()
      .catch(() => [])
      .then((learned) => {
        const entities = [...base.entities, ...learned];
        return {
          entities,
          full: new TermMatcher({ entities, traps: base.traps }),
          cards: {
            entities: new Map(entities.map((e) => [e.id, e])),
            sources: new Map(base.sources.map((s) => [s.id, s])),
          },
        };
      }));
  library.onChange(() => {
    built = undefined;
    matchers.clear();
  });
  const matcherFor = async (muted: MutedTerm[]): Promise<TermMatcher> => {
    const { entities, full } = await build();
    if (muted.length === 0) return full;
    const key = JSON.stringify(muted);
    let m = matchers.get(key);
    if (!m) {
      m = new TermMatcher({ entities: unmutedEntities(entities, muted), traps: base.traps });
      matchers.set(key, m);
      if (matchers.size > MATCHERS) matchers.delete(matchers.keys().next().value!);
    }
    return m;
  };

  // Settings are read once and kept until storage says anything changed; the next
  // question reads them again.
  let settings: Promise<Settings> | undefined;
  const current = () => (settings ??= loadSettings());
  // Settings live in sync or local storage; session storage holds the tabs' terms.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'session') settings = undefined;
  });

  // The site is the tab's, as the browser knows it: a frame's own idea of its tab's page
  // (all it can tell without ancestorOrigins, in Firefox, is its own URL for a
  // cross-origin frame) is only the fallback, and a page cannot steer it.
  const siteUrl = (url: unknown, sender: { tab?: { url?: string } }) => sender.tab?.url || String(url);
  // The library's revision is part of what a frame must do: a change reads pages again.
  onMessage('frameConfig', async ({ data: url, sender }) => {
    const config = pageConfig(siteUrl(url, sender), await current());
    return config ? { ...config, library: await library.revision().catch(() => 0) } : null;
  });
  onMessage('findTerms', async ({ data }) => {
    const texts = Array.isArray(data?.texts) ? data.texts.map(String) : [];
    const muted = Array.isArray(data?.muted) ? data.muted : [];
    return encodeMatches((await matcherFor(muted)).findEach(texts));
  });
  onMessage('card', async ({ data }) => {
    const entityId = String(data?.entityId);
    const card = cardData((await build()).cards, entityId, Array.isArray(data?.onPage) ? data.onPage.map(String) : []);
    if (!card) return null;
    const reading = readingQuotes(await library.cards().catch(() => []), entityId);
    return reading.length ? { ...card, reading } : card;
  });
  onMessage('muteTerm', async ({ data, sender }) => {
    await changeSettings((s) => muteTerm(s, siteUrl(data.url, sender), data.term));
  });
}
