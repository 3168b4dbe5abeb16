// document.open() (and a document.write after load) replaces a document's whole tree
// in place and erases every event listener on the document and its window, ours
// included. Calls onReplaced when the root element changes, so the frame starts over.

export function watchDocumentReplaced(
  doc: Document,
  win: Window & typeof globalThis,
  signal: AbortSignal,
  onReplaced: () => void,
): void {
  let root = doc.documentElement;
  const observer = new win.MutationObserver(() => {
    const now = doc.documentElement;
    if (!now || now === root) return;
    root = now;
    onReplaced();
  });
  observer.observe(doc, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
