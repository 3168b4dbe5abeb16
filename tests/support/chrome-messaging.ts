import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';

// @webext-core/messaging talks to `chrome.runtime` and `chrome.tabs` with callbacks,
// which the fake browser does not provide. This stands in for them: messages to the
// background go to the listeners registered in the test, with the sender the test
// names; messages to a tab go to the test's `tab` responder.

type Listener = (message: unknown, sender: object, respond: (r: unknown) => void) => boolean | void;
export interface Envelope {
  type: string;
  data: unknown;
}
type TabResponder = (tabId: number, message: Envelope, frameId: number | undefined) => unknown;

export interface ChromeMessaging {
  /** Sends a protocol message to the background's listeners as if from sender; resolves to its answer. */
  fromContent(type: string, data: unknown, sender: object): Promise<unknown>;
  /** Answers messages sent to tabs (background → content). */
  tab: TabResponder;
}

let nextId = 1;

export function installChromeMessaging(): ChromeMessaging {
  const listeners = new Set<Listener>();
  const deliver = (message: object, sender: object) =>
    new Promise<unknown>((resolve) => {
      let answered = false;
      for (const listener of listeners) {
        const respond = (r: unknown) => {
          if (!answered) resolve(r);
          answered = true;
        };
        if (listener(message, sender, respond) === true) return;
      }
      resolve(undefined);
    });
  const messaging: ChromeMessaging = {
    fromContent: async (type, data, sender) => {
      const reply = (await deliver({ id: nextId++, type, data, timestamp: Date.now() }, sender)) as
        { res?: unknown; err?: unknown } | undefined;
      if (reply?.err) throw new Error(String((reply.err as { message?: string }).message ?? reply.err));
      return reply?.res;
    },
    tab: () => undefined,
  };
  vi.stubGlobal('chrome', {
    runtime: {
      onMessage: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
      sendMessage: (message: object, cb: (r: unknown) => void) => void deliver(message, {}).then(cb),
      lastError: undefined,
    },
    tabs: {
      sendMessage: (
        tabId: number,
        message: Envelope,
        options: { frameId?: number } | undefined,
        cb: (r: unknown) => void,
      ) =>
        // A frame that is not there: Chromium answers nothing (the library then fails with "No response").
        void Promise.resolve()
          .then(() => messaging.tab(tabId, message, options?.frameId))
          .then(
            (res) => cb({ res }),
            () => cb(undefined),
          ),
    },
  });
  return messaging;
}

/** An event with trigger(), for APIs the fake browser leaves unimplemented (commands, context menus). */
export function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    removeListener: (l: (...args: A) => unknown) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: (...args: A) => unknown) => listeners.includes(l),
    trigger: (...args: A) => Promise.all(listeners.map((l) => l(...args))),
  };
}

export { fakeBrowser };
