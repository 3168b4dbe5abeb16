import { browser } from 'wxt/browser';

// A content script outlives its extension: after an update, a reload or an uninstall,
// Chromium leaves the old script running in every open tab, cut off (its runtime has no
// id any more, and every message fails), and no event tells it. It must notice by
// itself and take away everything it made. The checks are made where the frame does
// something anyway: on the reader's guard tick (about once a second while there are
// marks) and whenever a message to the background fails.

/** True while this script's extension is installed and running. */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Aborts controller once the extension is found gone; check() says whether it is still there. */
export function extensionLife(controller: AbortController, alive: () => boolean = extensionAlive) {
  return {
    check(): boolean {
      if (controller.signal.aborted) return false;
      if (alive()) return true;
      controller.abort();
      return false;
    },
  };
}

/** Runs an extension API's cleanup, which throws once the extension is gone (its API is then gone too). */
export function quietly(cleanup: () => void): void {
  try {
    cleanup();
  } catch {
    // nothing left to clean
  }
}
