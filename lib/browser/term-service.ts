import { cardData, type CardSource } from '../facts/card-data';
import type { FactBase } from '../facts/types';
import { unmutedEntities } from '../match/muted';
import { encodeMatches } from '../match/term-finder';
import { TermMatcher } from '../match/term-matcher';
import { muteTerm, pageConfig, type MutedTerm, type Settings } from '../settings/settings';
import { onMessage } from './messages';
import { loadSettings } from './settings-store';
import { changeSettings } from './settings-writer';
import { browser } from 'wxt/browser';

// The background's side of every frame: the one place that holds the fact base. It
// tells a frame whether to run and how (one settings read), finds the terms in the text
// frames send (one automaton for every frame of every tab, built once per background
// start, with one variant per set of muted terms in use), and makes the cards.

/** Automata kept for the muted-term sets of open sites. */
const MATCHERS = 8;

export function registerTermService(base: FactBase): void {
  const full = new TermMatcher(base);
  const matchers = new Map<string, TermMatcher>();
  const matcherFor = (muted: MutedTerm[]): TermMatcher => {
    if (muted.length === 0) return full;
    const key = JSON.stringify(muted);
    let m = matchers.get(key);
    if (!m) {
      m = new TermMatcher({ entities: unmutedEntities(base.entities, muted), traps: base.traps });
      matchers.set(key, m);
      if (matchers.size > MATCHERS) matchers.delete(matchers.keys().next().value!);
    }
    return m;
  };
  const cards: CardSource = {
    entities: new Map(base.entities.map((e) => [e.id, e])),
    sources: new Map(base.sources.map((s) => [s.id, s])),
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
  onMessage('frameConfig', async ({ data: url, sender }) => pageConfig(siteUrl(url, sender), await current()) ?? null);
  onMessage('findTerms', ({ data }) => {
    const texts = Array.isArray(data?.texts) ? data.texts.map(String) : [];
    const muted = Array.isArray(data?.muted) ? data.muted : [];
    return encodeMatches(matcherFor(muted).findEach(texts));
  });
  onMessage(
    'card',
    ({ data }) =>
      cardData(cards, String(data?.entityId), Array.isArray(data?.onPage) ? data.onPage.map(String) : []) ?? null,
  );
  onMessage('muteTerm', async ({ data, sender }) => {
    await changeSettings((s) => muteTerm(s, siteUrl(data.url, sender), data.term));
  });
}
