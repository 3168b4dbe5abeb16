/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { eventGuard, GUARDED_EVENTS, installEventGuard } from '../../lib/tooltip/event-guard';

// Firefox's guard: first on the window, it stops every event aimed at the open card's
// host before the page's listeners, hands it to the card, and lets everything else by.

describe('the event guard', () => {
  it("stops events aimed at the open card's host before the page sees them, and only those", () => {
    const scope = {} as typeof globalThis;
    const guard = installEventGuard(window, scope);
    expect(installEventGuard(window, scope)).toBe(guard);
    expect(eventGuard(scope)).toBe(guard);
    const handled: string[] = [];
    guard.handle = (e) => handled.push(e.type);
    const seen: string[] = [];
    for (const type of ['click', 'pointermove', 'keydown', 'focusin'])
      window.addEventListener(type, (e) => seen.push(`${type} ${(e.target as Element).localName}`), true);
    const host = document.createElement('div');
    const page = document.createElement('p');
    document.body.append(host, page);
    const fire = (target: Element) => {
      target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
      target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
      target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    };
    // No card open: nothing is stopped.
    fire(host);
    expect(seen).toEqual(['click div', 'pointermove div', 'keydown div', 'focusin div']);
    seen.length = 0;
    guard.host = host;
    fire(host);
    fire(page);
    expect(seen).toEqual(['click p', 'pointermove p', 'keydown p', 'focusin p']);
    expect(handled).toEqual(['click', 'pointermove', 'keydown', 'focusin']);
    guard.host = undefined;
    fire(host);
    expect(seen).toHaveLength(8);
  });

  it('guards every kind of input event, each once', () => {
    expect(new Set(GUARDED_EVENTS).size).toBe(GUARDED_EVENTS.length);
    for (const type of ['pointerdown', 'mousedown', 'click', 'focusin', 'keydown', 'wheel', 'touchstart', 'copy'])
      expect(GUARDED_EVENTS).toContain(type);
  });
});
