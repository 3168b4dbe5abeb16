import { describe, expect, it } from 'vitest';
import { childController } from '../../lib/dom/child-signal';

// A frame restarts often (SPA navigation, settings changes); its parent signal lives as
// long as the page. Children must not leave listeners behind on it.

/** An AbortSignal that counts its listeners. */
function countingSignal() {
  const parent = new AbortController();
  let listeners = 0;
  const add = parent.signal.addEventListener.bind(parent.signal);
  const remove = parent.signal.removeEventListener.bind(parent.signal);
  parent.signal.addEventListener = ((...args: Parameters<typeof add>) => (listeners++, add(...args))) as never;
  parent.signal.removeEventListener = ((...args: Parameters<typeof remove>) => (listeners--, remove(...args))) as never;
  return { parent, listeners: () => listeners };
}

describe('childController', () => {
  it('aborts with its parent', () => {
    const parent = new AbortController();
    const child = childController(parent.signal);
    parent.abort();
    expect(child.signal.aborted).toBe(true);
    expect(childController(parent.signal).signal.aborted).toBe(true);
  });

  it('leaves no listener on the parent once it is done, however many come and go', () => {
    const { parent, listeners } = countingSignal();
    for (let i = 0; i < 1000; i++) childController(parent.signal).abort();
    expect(listeners()).toBe(0);
    const live = childController(parent.signal);
    expect(listeners()).toBe(1);
    parent.abort();
    expect(live.signal.aborted).toBe(true);
  });
});
