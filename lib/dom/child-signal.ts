// A controller that aborts with its parent signal, and leaves nothing on the parent once
// it is done: a frame restarts on every single-page-app navigation and every settings
// change, and a listener left on the long-lived parent each time would pile up.

export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) {
    child.abort();
    return child;
  }
  const onAbort = () => child.abort();
  parent.addEventListener('abort', onAbort, { once: true });
  child.signal.addEventListener('abort', () => parent.removeEventListener('abort', onAbort), { once: true });
  return child;
}
