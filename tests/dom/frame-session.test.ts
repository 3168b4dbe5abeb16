/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { cardData, type CardData } from '../../lib/facts/card-data';
import { startFrame } from '../../lib/frame/frame-session';
import type { TermFinder } from '../../lib/match/term-finder';
import { TermMatcher } from '../../lib/match/term-matcher';
import { fakeHighlightEnv, registeredTexts } from '../support/fake-highlights';
import '../support/popover-shim';

// One frame composed: the reader's marks are the tooltip's anchors, terms come from a
// finder that answers later (as the background does), cards from a loader.

const matcher = new TermMatcher(factBase);
const base = {
  entities: new Map(factBase.entities.map((e) => [e.id, e])),
  sources: new Map(factBase.sources.map((s) => [s.id, s])),
};
const later: TermFinder = {
  findEach: (texts) => new Promise((resolve) => setTimeout(() => resolve(matcher.findEach(texts)), 5)),
};
const settle = (ms = 350) => new Promise((r) => setTimeout(r, ms));
let controller = new AbortController();
afterEach(() => {
  controller.abort();
  document.documentElement.querySelector('mars-lens-ui')?.remove();
});

function frame(
  html: string,
  options: { finder?: TermFinder; loadCard?: typeof loadCard; onGuard?: () => void; onFramesRemoved?: () => void } = {},
) {
  document.body.innerHTML = html;
  controller = new AbortController();
  const onTerms = vi.fn();
  const onLost = vi.fn();
  const env = fakeHighlightEnv();
  const session = startFrame({
    doc: document,
    win: window as never,
    finder: options.finder ?? later,
    loadCard: options.loadCard ?? loadCard,
    env,
    signal: controller.signal,
    onOpenEntity: () => undefined,
    onTerms,
    onLost,
    onGuard: options.onGuard,
    onFramesRemoved: options.onFramesRemoved,
  });
  return { session, env, onTerms, onLost };
}
const loadCard = vi.fn(async (entityId: string, onPage: readonly string[]) => cardData(base, entityId, onPage));

describe('a frame', () => {
  it('marks what the finder answers and reports its terms once they are still', async () => {
    const { session, env, onTerms } = frame('<p>PIXL looked at Jezero.</p>');
    await session.reader.ready;
    expect(registeredTexts(env).sort()).toEqual(['Jezero', 'PIXL']);
    await settle();
    expect(onTerms).toHaveBeenCalledTimes(1);
    expect(onTerms.mock.calls[0]![0]).toEqual([
      { id: 'jezero-crater', count: 1 },
      { id: 'pixl', count: 1 },
    ]);
    controller.abort();
    expect(onTerms).toHaveBeenLastCalledWith([]);
  });

  it('with nothing to mark, never reports and registers nothing', async () => {
    const { session, env, onTerms } = frame('<p>The council approved a new river bridge.</p>');
    await session.reader.ready;
    await settle();
    controller.abort();
    expect(onTerms).not.toHaveBeenCalled();
    expect(env.registry.size).toBe(0);
  });

  it('steps to a term and shows the card its loader gives, asked with the entities on the page', async () => {
    loadCard.mockClear();
    const { session } = frame('<p>PIXL looked at Jezero.</p>');
    await session.reader.ready;
    expect(session.tooltip.step(1)).toBe(true);
    await settle(50);
    expect(session.tooltip.shown?.entityId).toBe('pixl');
    expect(loadCard).toHaveBeenCalledWith('pixl', expect.arrayContaining(['pixl', 'jezero-crater']));
  });

  it('never shows a card that arrives after the reader moved on', async () => {
    const slow = vi.fn(
      (entityId: string, onPage: readonly string[]) =>
        new Promise<CardData | undefined>((resolve) =>
          setTimeout(() => resolve(cardData(base, entityId, onPage)), entityId === 'pixl' ? 80 : 5),
        ),
    );
    const { session } = frame('<p>PIXL looked at Jezero.</p>', { loadCard: slow });
    await session.reader.ready;
    session.tooltip.step(1); // PIXL, whose card is slow
    session.tooltip.step(1); // on to Jezero before it comes
    await settle(150);
    expect(session.tooltip.shown?.entityId).toBe('jezero-crater');
  });

  it('says it is lost when the finder fails (the extension went away)', async () => {
    const gone: TermFinder = { findEach: () => Promise.reject(new Error('Extension context invalidated.')) };
    const { session, onLost } = frame('<p>PIXL looked at Jezero.</p>', { finder: gone });
    await session.reader.ready;
    expect(onLost).toHaveBeenCalled();
  });

  it('says when the page took out a frame, and only then', async () => {
    const onFramesRemoved = vi.fn();
    const { session } = frame(
      '<p>PIXL looked at Jezero.</p><div id="ad"><object title="ad"></object></div><p id="note">A note.</p>',
      { onFramesRemoved },
    );
    await session.reader.ready;
    document.getElementById('note')!.remove();
    await settle(150);
    expect(onFramesRemoved).not.toHaveBeenCalled();
    // The frame goes inside its wrapper.
    document.getElementById('ad')!.remove();
    await settle(150);
    expect(onFramesRemoved).toHaveBeenCalledTimes(1);
  });

  it('hears the guard tick while it has marks, and stops at once when that tick finds the extension gone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let alive = true;
      const onGuard = vi.fn(() => {
        if (!alive) controller.abort();
      });
      const { session, env } = frame('<p>PIXL looked at Jezero.</p>', { onGuard });
      await session.reader.ready;
      vi.advanceTimersByTime(1000);
      expect(onGuard).toHaveBeenCalledTimes(1);
      expect(registeredTexts(env).sort()).toEqual(['Jezero', 'PIXL']);
      alive = false;
      vi.advanceTimersByTime(1000);
      expect(registeredTexts(env)).toEqual([]);
      // Nothing ticks any more.
      vi.advanceTimersByTime(5000);
      expect(onGuard).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("tells the terms of a new page after an SPA navigation even when they equal the old page's", async () => {
    const { session, onTerms } = frame('<p>PIXL looked at Jezero.</p>');
    await session.reader.ready;
    await settle();
    expect(onTerms).toHaveBeenCalledTimes(1);
    history.pushState({}, '', '/another-page');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle(1200);
    expect(onTerms).toHaveBeenCalledTimes(2);
    expect(onTerms.mock.calls[1]![0]).toEqual(onTerms.mock.calls[0]![0]);
  });
});
