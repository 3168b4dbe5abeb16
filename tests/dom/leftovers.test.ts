/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { extensionLife } from '../../lib/browser/extension-life';
import { removeLeftovers } from '../../lib/frame/leftovers';
import { MARK_NAMES } from '../../lib/page/mark-style';
import { HOST_TAG } from '../../lib/tooltip/tooltip-view';

// What a new instance of the frame script clears before it starts, and how an old one
// finds out that its extension is gone.

describe('leftovers of an older instance', () => {
  it("removes our highlights and card hosts, and nothing of the page's", () => {
    const registry = new Map<string, unknown>([
      [MARK_NAMES.underline, new Set()],
      [MARK_NAMES.focus, new Set()],
      ['pages-own', new Set()],
    ]);
    document.body.innerHTML = `<p>text</p><${HOST_TAG}></${HOST_TAG}><div><${HOST_TAG}></${HOST_TAG}></div>`;
    document.documentElement.append(document.createElement(HOST_TAG));
    expect(removeLeftovers(document, registry as unknown as HighlightRegistry)).toBe(4);
    expect([...registry.keys()]).toEqual(['pages-own']);
    // Only our place for the host (children of <html> and <body>) is ours; deeper, it is the page's.
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(document.querySelector(`div > ${HOST_TAG}`)).not.toBeNull();
    expect(removeLeftovers(document, registry as unknown as HighlightRegistry)).toBe(0);
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
