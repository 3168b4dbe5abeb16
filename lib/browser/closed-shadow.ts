import { browser } from 'wxt/browser';

// Extension code may look into closed shadow roots (pages may not): Chromium through
// chrome.dom, Firefox through a property only content scripts see.

type Dom = { openOrClosedShadowRoot(element: HTMLElement): ShadowRoot | null };

export function openOrClosedShadowRoot(element: Element): ShadowRoot | null {
  const dom = (browser as unknown as { dom?: Dom }).dom;
  try {
    if (dom) return dom.openOrClosedShadowRoot(element as HTMLElement);
    return (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
  } catch {
    return null;
  }
}
