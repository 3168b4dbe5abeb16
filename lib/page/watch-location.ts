// Single-page apps change the URL without loading a page. When the path or query
// changes, the frame's topic may have changed with it, so the reader starts over; a
// change of #fragment alone (a table of contents) is not a new page. The callback waits
// until the URL has been still for a moment, so the app has rendered the new page.

interface NavigationLike {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
}

export function pageKey(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

export function watchLocation(
  win: Window & typeof globalThis,
  signal: AbortSignal,
  onChange: () => void,
  settleMs = 300,
): void {
  let last = pageKey(win.location.href);
  let timer: number | undefined;
  const check = () => {
    const now = pageKey(win.location.href);
    if (now === last) return;
    last = now;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(() => !signal.aborted && onChange(), settleMs);
  };
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  // pushState raises no event where the Navigation API is missing: look once a second.
  const poll = navigation ? undefined : win.setInterval(check, 1000);
  signal.addEventListener('abort', () => {
    if (poll !== undefined) win.clearInterval(poll);
    if (timer !== undefined) win.clearTimeout(timer);
  });
}
