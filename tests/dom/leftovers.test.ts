/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { extensionLife } from '../../lib/browser/extension-life';
import { removeLeftoverCards, removeLeftoverHighlights } from '../../lib/frame/leftovers';
import { MARK_NAMES } from '../../lib/page/mark-style';
import { CARD_MARK } from '../../lib/tooltip/tooltip-view';

// What a new instance of the frame script clears before it starts, and how an old one
// finds out that its extension is gone.

describe('leftovers of an older instance', () => {
  it("removes our highlights and card hosts, and nothing of the page's", () => {
    const registry = new Map<string, unknown>([
      [MARK_NAMES.underline, new Set()],
      [MARK_NAMES.focus, new Set()],
      ['pages-own', new Set()],
    ]);
    // Closed roots, as extension code alone can open them.
    const roots = new Map<Element, ShadowRoot>();
    const host = (card: boolean) => {
      const div = document.createElement('div');
      const root = div.attachShadow({ mode: 'closed' });
      const inner = document.createElement('div');
      if (card) inner.setAttribute(CARD_MARK, '');
      root.append(inner);
      roots.set(div, root);
      return div;
    };
    document.body.innerHTML = '<p>text</p><div>page</div>';
    document.body.append(host(true), host(false));
    const deeper = document.createElement('section');
    deeper.append(host(true));
    document.body.append(deeper);
    document.documentElement.append(host(true));
    const shadowOf = (el: Element) => roots.get(el) ?? null;
    expect(removeLeftoverCards(document, shadowOf)).toBe(2);
    expect(removeLeftoverHighlights(registry as unknown as HighlightRegistry)).toBe(2);
    expect([...registry.keys()]).toEqual(['pages-own']);
    // A page's own shadow host stays, and so does one deeper than our place for the host.
    expect(document.body.querySelectorAll(':scope > div')).toHaveLength(2);
    expect(deeper.children).toHaveLength(1);
    expect(removeLeftoverCards(document, shadowOf)).toBe(0);
    expect(removeLeftoverHighlights(registry as unknown as HighlightRegistry)).toBe(0);
  });
});

describe('extension life', () => {
  it('aborts once, when the runtime is found gone', () => {
    let alive = true;
    const controller = new AbortController();
    const life = extensionLife(controller, () => alive);
    expect(life.check()).toBe(true);
    expect(controller.signal.aborted).toBe(false);
    alive = false;
    expect(life.check()).toBe(false);
    expect(controller.signal.aborted).toBe(true);
    alive = true;
    expect(life.check()).toBe(false);
  });
});
