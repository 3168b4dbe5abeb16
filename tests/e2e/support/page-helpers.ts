import type { TestPage } from './browsers';

// Reader-side helpers for e2e tests: where a word is on screen, what the tooltip shows.

export interface TooltipSnapshot {
  open: boolean;
  role: string | null;
  name: string;
  category: string;
  summary: string;
  facts: string[];
  sources: string[];
  quotes: { text: string; hidden: boolean }[];
  why: string;
  actions: string[];
  rect: { left: number; top: number; right: number; bottom: number };
  color: string;
  background: string;
  /** Every element of the card, as tag.class, in order: what it is made of. */
  shape: string[];
  /** Text nodes in the card (its words are generated content, so none). */
  textNodes: number;
}

export async function tooltip(page: TestPage): Promise<TooltipSnapshot | null> {
  return page.inCard((root) => {
    const card = root.querySelector('.card') as HTMLElement;
    // The card's words are generated content: each element's data-t (lib/tooltip/card.ts).
    const words = (e: Element): string => (e.getAttribute('data-t') ?? '') + [...e.children].map(words).join('');
    const all = (sel: string) => [...card.querySelectorAll(sel)].map(words);
    const one = (sel: string) => {
      const e = card.querySelector(sel);
      return e ? words(e) : '';
    };
    const r = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    return {
      // The card is display:none unless it is an open popover (matches() would do,
      // but the hostile fixture breaks it in the page's world, where this runs), and
      // hidden until Floating UI has placed it.
      open: style.display !== 'none' && style.visibility === 'visible',
      role: card.getAttribute('role'),
      name: one('.name'),
      category: one('.category'),
      summary: one('.summary'),
      facts: all('.fact'),
      sources: all('.source'),
      quotes: [...card.querySelectorAll('.quote')].map((q) => ({
        text: words(q),
        hidden: (q as HTMLElement).hidden,
      })),
      why: one('.why'),
      actions: all('button'),
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      color: style.color,
      background: style.backgroundColor,
      shape: [...card.querySelectorAll('*')].map((e) => `${e.localName}.${e.className}`),
      textNodes: (() => {
        const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
        let n = 0;
        while (walker.nextNode()) n++;
        return n;
      })(),
    };
  });
}

/** Waits for the tooltip to be open and returns it (one read per poll); null if it never opens. */
export function openTooltip(page: TestPage, timeoutMs = 3000): Promise<TooltipSnapshot | null> {
  return waitFor(async () => {
    const tip = await tooltip(page);
    return tip?.open ? tip : null;
  }, timeoutMs);
}

/** The centre of the nth occurrence of text in the page's prose (viewport coordinates). */
export async function wordCenter(page: TestPage, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const at = await page.evaluate(
    ({ text, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + text.length);
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    { text, nth },
  );
  if (!at) throw new Error(`"${text}" not found on the page`);
  return at;
}

/** Whether a page script sees the card's host as the topmost element at a point. */
export async function cardHostAt(page: TestPage, x: number, y: number): Promise<boolean> {
  return (await page.inCard((root, at) => document.elementFromPoint(at.x, at.y) === root.host, { x, y })) ?? false;
}

/** Whether keyboard focus is in the card (the page sees its host as the active element). */
export async function focusInCard(page: TestPage): Promise<boolean> {
  return (await page.inCard((root) => document.activeElement === root.host)) ?? false;
}

/** What a page script sees as the topmost element at a point. */
export function topmostAt(page: TestPage, x: number, y: number): Promise<string | null> {
  return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName ?? null, { x, y });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until check() returns a truthy value or the time is up; returns the last value. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 3000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await check();
  while (!value && Date.now() < end) {
    await sleep(everyMs);
    value = await check();
  }
  return value;
}

/** The tooltip's buttons with their centres, to click them as a reader would. */
export async function tooltipButtons(page: TestPage): Promise<{ text: string; x: number; y: number }[]> {
  return (
    (await page.inCard((root) =>
      [...root.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.getAttribute('data-t') ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    )) ?? []
  );
}
