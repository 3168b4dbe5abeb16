/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardAbove, CardEvent } from '../../lib/browser/messages';
import { factBase } from '../../lib/facts/bundle';
import { cardData } from '../../lib/facts/card-data';
import { CardsAbove } from '../../lib/frame/cards-above';
import type { FramePlace } from '../../lib/frame/frame-place';
import { startFrame } from '../../lib/frame/frame-session';
import { TermMatcher } from '../../lib/match/term-matcher';
import type { CardElsewhere, ElsewhereEvent } from '../../lib/tooltip/tooltip-controller';
import { fakeHighlightEnv } from '../support/fake-highlights';
import '../support/popover-shim';

// A child frame's hover cards go to the top frame when it can draw them (keyboard cards
// stay in the frame), the frame keeps deciding when they close, and the top frame draws
// one card at a time and says when it closes.

const matcher = new TermMatcher(factBase);
const base = {
  entities: new Map(factBase.entities.map((e) => [e.id, e])),
  sources: new Map(factBase.sources.map((s) => [s.id, s])),
};
const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));
/** Hosts a card here put under <html> (beside <head> and <body>). */
const hostsHere = () => document.documentElement.children.length - 2;
let controller = new AbortController();
afterEach(() => {
  controller.abort();
  for (const el of [...document.documentElement.children])
    if (el !== document.head && el !== document.body) el.remove();
});

function fakeElsewhere(answer: (n: number) => Promise<boolean>) {
  let listener: ((token: string, event: ElsewhereEvent) => void) | undefined;
  let n = 0;
  const shown: string[] = [];
  const elsewhere: CardElsewhere = {
    show: vi.fn(async () => ((await answer(n++)) ? (shown.push(`t${n}`), `t${n}`) : undefined)),
    move: vi.fn(),
    hide: vi.fn(),
    listen: (fn) => {
      listener = fn;
      return () => (listener = undefined);
    },
  };
  return { elsewhere, shown, send: (token: string, event: ElsewhereEvent) => listener?.(token, event) };
}

function frame(elsewhere: CardElsewhere, onCardShown = vi.fn()) {
  document.body.innerHTML = '<p>PIXL looked at Jezero, said JPL.</p>';
  controller = new AbortController();
  const session = startFrame({
    doc: document,
    win: window as never,
    finder: { findEach: async (texts) => matcher.findEach(texts) },
    loadCard: async (id, onPage) => cardData(base, id, onPage),
    env: fakeHighlightEnv(),
    signal: controller.signal,
    onOpenEntity: () => undefined,
    cardsElsewhere: elsewhere,
    onCardShown,
  });
  return { session, onCardShown };
}

describe('a child frame with a place to draw its cards', () => {
  it('sends a hover card there with the term’s text and boxes, and draws none of its own', async () => {
    const fake = fakeElsewhere(async () => true);
    const { session, onCardShown } = frame(fake.elsewhere);
    await session.reader.ready;
    expect(session.tooltip.showOccurrence('pixl', 0)).toBe(true);
    await settle();
    expect(session.tooltip.shown?.entityId).toBe('pixl');
    const sent = vi.mocked(fake.elsewhere.show).mock.calls[0]![0];
    expect(sent.data.entityId).toBe('pixl');
    expect(sent.pageText).toBe('PIXL');
    expect(Array.isArray(sent.rects)).toBe(true);
    expect(hostsHere()).toBe(0);
    expect(onCardShown).not.toHaveBeenCalled();
  });

  it('keeps a card opened by keyboard in the frame, and takes the one above down', async () => {
    const fake = fakeElsewhere(async () => true);
    const { session, onCardShown } = frame(fake.elsewhere);
    await session.reader.ready;
    session.tooltip.showOccurrence('pixl', 0);
    await settle();
    expect(session.tooltip.step(1)).toBe(true);
    await settle();
    expect(fake.elsewhere.show).toHaveBeenCalledTimes(1);
    expect(fake.elsewhere.hide).toHaveBeenCalledWith(fake.shown[0]);
    expect(hostsHere()).toBe(1);
    expect(onCardShown).toHaveBeenCalledTimes(1);
  });

  it('draws the card itself where the top frame cannot', async () => {
    const fake = fakeElsewhere(async () => false);
    const { session, onCardShown } = frame(fake.elsewhere);
    await session.reader.ready;
    session.tooltip.showOccurrence('jezero-crater', 0);
    await settle();
    expect(session.tooltip.shown?.entityId).toBe('jezero-crater');
    expect(hostsHere()).toBe(1);
    expect(onCardShown).toHaveBeenCalledTimes(1);
  });

  it('forgets a card closed above without asking to close it again', async () => {
    const fake = fakeElsewhere(async () => true);
    const { session } = frame(fake.elsewhere);
    await session.reader.ready;
    session.tooltip.showOccurrence('pixl', 0);
    await settle();
    fake.send('another', 'closed');
    expect(session.tooltip.shown?.entityId).toBe('pixl');
    fake.send(fake.shown[0]!, 'closed');
    expect(session.tooltip.shown).toBeUndefined();
    expect(fake.elsewhere.hide).not.toHaveBeenCalled();
  });

  it('closes after the grace period once the pointer leaves the card above, not while it is on it', async () => {
    const fake = fakeElsewhere(async () => true);
    const { session } = frame(fake.elsewhere);
    await session.reader.ready;
    session.tooltip.showOccurrence('pixl', 0);
    await settle();
    const token = fake.shown[0]!;
    fake.send(token, 'enter');
    await settle(400);
    expect(session.tooltip.shown?.entityId).toBe('pixl');
    fake.send(token, 'leave');
    await settle(100);
    // Back on it within the grace period.
    fake.send(token, 'enter');
    await settle(400);
    expect(session.tooltip.shown?.entityId).toBe('pixl');
    fake.send(token, 'leave');
    await settle(400);
    expect(session.tooltip.shown).toBeUndefined();
    expect(fake.elsewhere.hide).toHaveBeenCalledWith(token);
  });

  it('keeps the new card when the top frame says the one it replaced closed before answering', async () => {
    let n = 0;
    let listener: ((token: string, event: ElsewhereEvent) => void) | undefined;
    const elsewhere: CardElsewhere = {
      show: vi.fn(async () => {
        n++;
        // The top frame tells of the replaced card first (as the relay may deliver it).
        if (n === 2) listener?.('t1', 'closed');
        return `t${n}`;
      }),
      move: vi.fn(),
      hide: vi.fn(),
      listen: (fn) => {
        listener = fn;
        return () => (listener = undefined);
      },
    };
    const { session } = frame(elsewhere);
    await session.reader.ready;
    session.tooltip.showOccurrence('pixl', 0);
    await settle();
    session.tooltip.showOccurrence('jezero-crater', 0);
    await settle();
    expect(session.tooltip.shown?.entityId).toBe('jezero-crater');
    expect(elsewhere.hide).not.toHaveBeenCalled();
  });

  it('takes down a card drawn above after the reader moved on before it came', async () => {
    let release = () => undefined as void;
    const fake = fakeElsewhere(() => new Promise((resolve) => (release = () => resolve(true))));
    const { session } = frame(fake.elsewhere);
    await session.reader.ready;
    session.tooltip.showOccurrence('pixl', 0);
    await settle();
    session.tooltip.hide(false);
    release();
    await settle();
    expect(session.tooltip.shown).toBeUndefined();
    expect(fake.elsewhere.hide).toHaveBeenCalledWith(fake.shown[0]);
  });
});

describe('the top frame drawing a child frame’s card', () => {
  const request = (token: string, muteable = true): CardAbove & { frameId: number } => ({
    token,
    frameId: 7,
    path: [0],
    card: cardData(base, 'pixl', ['pixl'])!,
    alias: { text: 'PIXL', caseSensitive: true, ambiguous: false, variant: false, searchOnly: false },
    pageText: 'PIXL',
    rects: [{ x: 10, y: 20, width: 30, height: 16 }],
    viewport: { width: 600, height: 200 },
    muteable,
  });

  function top(place: FramePlace | undefined) {
    controller = new AbortController();
    const told: [number, string, CardEvent][] = [];
    const onShowing = vi.fn(() => true);
    const above = new CardsAbove({
      doc: document,
      win: window as never,
      signal: controller.signal,
      place: () => place,
      onOpenEntity: () => undefined,
      onMute: () => undefined,
      tell: (frameId, token, event) => told.push([frameId, token, event]),
      onShowing,
    });
    return { above, told, onShowing };
  }

  it('refuses a card for a frame whose place it cannot tell, and draws nothing', () => {
    const { above, onShowing } = top(undefined);
    expect(above.draw(request('a'))).toBe(false);
    expect(hostsHere()).toBe(0);
    expect(onShowing).not.toHaveBeenCalled();
  });

  it('draws one card at a time: a newer one closes the older, whose frame hears it if it is another frame', () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    const { above, told, onShowing } = top({ element: holder, offset: () => ({ x: 100, y: 50 }) });
    expect(above.draw(request('a'))).toBe(true);
    expect(hostsHere()).toBe(1);
    expect(onShowing).toHaveBeenCalledTimes(1);
    // The same frame replacing its card is told nothing (it knows).
    expect(above.draw(request('b'))).toBe(true);
    expect(told).toEqual([]);
    // Another frame's card replaces it: the first frame hears.
    expect(above.draw({ ...request('c'), frameId: 9 })).toBe(true);
    expect(told).toEqual([[7, 'b', 'closed']]);
    expect(above.draw(request('b'))).toBe(true);
    expect(told).toEqual([
      [7, 'b', 'closed'],
      [9, 'c', 'closed'],
    ]);
    expect(hostsHere()).toBe(1);
    // A late "done" for the older one changes nothing; the newer one's closes it, and its frame is not told.
    above.change({ frameId: 7, token: 'a' });
    expect(above.shown).toBe(true);
    above.change({ frameId: 8, token: 'b' });
    expect(above.shown).toBe(true);
    above.change({ frameId: 7, token: 'b' });
    expect(above.shown).toBe(false);
    expect(hostsHere()).toBe(0);
    expect(told).toHaveLength(2);
  });

  it('refuses a frame whose viewport is not the size the frame says (another frame at its index)', () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    const { above } = top({ element: holder, offset: () => ({ x: 0, y: 0 }), size: { width: 300, height: 150 } });
    expect(above.draw(request('a'))).toBe(false);
    expect(hostsHere()).toBe(0);
  });

  it('keeps a card the reader stepped to by keyboard when a frame asks for one', () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    controller = new AbortController();
    const above = new CardsAbove({
      doc: document,
      win: window as never,
      signal: controller.signal,
      place: () => ({ element: holder, offset: () => ({ x: 0, y: 0 }) }),
      onOpenEntity: () => undefined,
      onMute: () => undefined,
      tell: () => undefined,
      onShowing: () => false,
    });
    expect(above.draw(request('a'))).toBe(false);
    expect(hostsHere()).toBe(0);
  });

  it('closes the card when its frame leaves the page, and tells the frame', async () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    const { above, told } = top({ element: holder, offset: () => (holder.isConnected ? { x: 0, y: 0 } : undefined) });
    expect(above.draw(request('a'))).toBe(true);
    holder.remove();
    above.change({ frameId: 7, token: 'a', rects: [{ x: 12, y: 20, width: 30, height: 16 }] });
    await settle(50);
    expect(above.shown).toBe(false);
    expect(told).toEqual([[7, 'a', 'closed']]);
  });
});
