// The site a frame belongs to, for the per-site switch: the tab's page, not the frame's
// own document (an about:blank or srcdoc frame, an embedded widget). Same-origin
// frames read the top window's URL; cross-origin ones its origin from ancestorOrigins
// where the browser has it, else their own URL.

export function tabPageUrl(win: Window & typeof globalThis): string {
  if (win.top === win) return win.location.href;
  try {
    return win.top!.location.href;
  } catch {
    const ancestors = win.location.ancestorOrigins;
    return ancestors?.length ? ancestors[ancestors.length - 1]! : win.location.href;
  }
}
