/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { cardData } from '../../lib/facts/card-data';
import { startFrame } from '../../lib/frame/frame-session';
import { TermMatcher } from '../../lib/match/term-matcher';
import { fakeHighlightEnv } from '../support/fake-highlights';
import '../support/popover-shim';

// The soak of tests/e2e/soak.test.ts under simulated time, where the frame's timers can
// be counted: a live page through 30 minutes (a post every 2 s, a page change every
// minute, a re-render every 90 s, the frame started again with new settings every 5
// minutes, a card opened every minute). Every 5 minutes: pending timers and marks.

const matcher = new TermMatcher(factBase);
const base = {
  entities: new Map(factBase.entities.map((e) => [e.id, e])),
  sources: new Map(factBase.sources.map((s) => [s.id, s])),
};

afterEach(() => vi.useRealTimers());

describe('soak under simulated time', () => {
  it('30 minutes of a live page keep timers and marks flat', { timeout: 120_000 }, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    document.body.innerHTML = '<h1>Perseverance on Mars</h1><ul id="feed"></ul>';
    const feed = document.getElementById('feed')!;
    const posts: Element[] = [];
    const page = new AbortController();
    const env = fakeHighlightEnv();
    let run: { controller: AbortController; session: ReturnType<typeof startFrame> } | undefined;
    const start = () => {
      run?.controller.abort();
      const controller = new AbortController();
      page.signal.addEventListener('abort', () => controller.abort(), { once: true });
      const session = startFrame({
        doc: document,
        win: window as never,
        finder: { findEach: async (texts) => matcher.findEach(texts) },
        loadCard: async (id, onPage) => cardData(base, id, onPage),
        env,
        signal: controller.signal,
        onOpenEntity: () => undefined,
      });
      run = { controller, session };
    };
    start();
    const figures: { timers: number; marks: number; registered: number }[] = [];
    let n = 0;
    for (let t = 1; t <= 30 * 60; t++) {
      if (t % 2 === 0) {
        const li = document.createElement('li');
        li.innerHTML = `<p>Update ${n++}: PIXL scanned a rock in Jezero crater, JPL says.</p>`;
        feed.prepend(li);
        posts.push(li);
        if (posts.length > 20) posts.shift()!.remove();
      }
      if (t % 60 === 0) {
        history.pushState({}, '', `?page=${t / 60}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }
      if (t % 90 === 0) {
        const copies = posts.map((li) => li.cloneNode(true) as Element);
        feed.replaceChildren(...copies.slice().reverse());
        posts.splice(0, posts.length, ...copies);
      }
      if (t % 300 === 150) start();
      if (t % 60 === 30) run!.session.tooltip.step(1);
      if (t % 60 === 40) run!.session.tooltip.hide(false);
      await vi.advanceTimersByTimeAsync(1000);
      if (t === 50 || t % 300 === 0)
        figures.push({
          timers: vi.getTimerCount(),
          marks: run!.session.reader.index.size,
          registered: [...env.registry.values()].reduce((k, h) => k + h.size, 0),
        });
    }
    page.abort();
    await vi.advanceTimersByTimeAsync(1000);
    console.log(
      'DOM soak checkpoints: ' + figures.map((f) => `timers ${f.timers}, marks ${f.marks}/${f.registered}`).join('; '),
    );
    const [first, ...later] = figures;
    expect(first!.marks).toBe(62);
    for (const f of later) expect(f).toEqual(first);
    // Stopped, the frame leaves no timer behind.
    expect(vi.getTimerCount()).toBe(0);
  });
});
