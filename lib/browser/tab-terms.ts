import { browser } from 'wxt/browser';
import { onMessage, sendMessage, type FrameTerms, type TermsReport } from './messages';

// What each tab has marked, across its frames: the toolbar badge (how many distinct
// terms) and the popup's "On this page". Each frame reports its own counts when they
// change, naming the document it speaks for (a random token, one per frame script); a
// tab that starts loading another URL starts over. The badge is empty when nothing is
// marked (including when the site is switched off).
//
// The state lives in storage.session, not in the background's memory: Chromium stops
// an idle service worker (and Firefox suspends an idle event page) at any moment, and
// the popup opened after that must still list what the badge counts. The popup could
// instead ask every frame, but then every frame of every page would have to listen for
// it, and the lean-frames design keeps frames with nothing marked silent and deaf. A
// frame that goes away says so on pagehide (a page left, or put in the back/forward
// cache). A frame taken out of its page cannot: the page's own frame tells the
// background a frame went, and the background asks each frame that reported terms
// whether it is still there, as it does when the popup asks.

/** A tab's frames, by frame id. */
export type TabFrames = Readonly<Record<string, TermsReport>>;

/** The tab's frames after a frame's report. A document's farewell ([]) never removes a newer document's terms. */
export function applyReport(frames: TabFrames, frameId: number, report: TermsReport): TabFrames {
  const key = String(frameId);
  const { [key]: stored, ...others } = frames;
  if (report.terms.length) return { ...others, [key]: report };
  return !stored || stored.doc !== report.doc ? frames : others;
}

export function distinctCount(frames: TabFrames): number {
  const ids = new Set<string>();
  for (const { terms } of Object.values(frames)) for (const t of terms) ids.add(t.id);
  return ids.size;
}

export function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

export function frameTerms(frames: TabFrames): FrameTerms[] {
  return Object.entries(frames)
    .map(([frameId, { terms }]) => ({ frameId: Number(frameId), terms }))
    .sort((a, b) => a.frameId - b.frameId);
}

const KEY_PREFIX = 'tab-terms:';
const keyOf = (tabId: number) => `${KEY_PREFIX}${tabId}`;
/** How long the popup waits for a frame to confirm it is still there (ms); no answer in time keeps it. */
const CONFIRM_MS = 500;

/** Returns the function that removes its message listeners. */
export function registerTabTerms(): () => void {
  const session = browser.storage.session;
  // One change at a time: each reads the tab's state as the last one left it.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const read = async (tabId: number): Promise<TabFrames> =>
    ((await session.get(keyOf(tabId)))[keyOf(tabId)] as TabFrames | undefined) ?? {};
  const write = async (tabId: number, frames: TabFrames) => {
    if (Object.keys(frames).length) await session.set({ [keyOf(tabId)]: frames });
    else await session.remove(keyOf(tabId));
    await showCount(tabId, frames);
  };
  const update = (tabId: number, change: (frames: TabFrames) => TabFrames) =>
    serially(async () => {
      const before = await read(tabId);
      const after = change(before);
      if (after !== before) await write(tabId, after);
      return after;
    });

  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const showCount = (tabId: number, frames: TabFrames) =>
    action.setBadgeText({ tabId, text: badgeText(distinctCount(frames)) }).catch(() => undefined);
  void action.setBadgeBackgroundColor({ color: '#b3401a' }).catch(() => undefined);

  const stopReports = onMessage('termsFound', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || closed.has(tabId) || !isReport(data)) return;
    await update(tabId, (frames) => applyReport(frames, sender.frameId ?? 0, data)).catch(() => undefined);
  });
  /** The tab's frames, less those whose document is gone without a word (asked of each frame). */
  const confirming = new Map<number, Promise<TabFrames>>();
  const confirmed = (tabId: number): Promise<TabFrames> => {
    // One check per tab at a time: a page that keeps removing frames asks for many.
    const running = confirming.get(tabId);
    if (running) return running;
    const check = confirm(tabId).finally(() => confirming.delete(tabId));
    confirming.set(tabId, check);
    return check;
  };
  const confirm = async (tabId: number): Promise<TabFrames> => {
    const frames = await serially(() => read(tabId));
    const gone = await Promise.all(
      Object.entries(frames).map(async ([frameId, { doc }]) => {
        const answer = await Promise.race([
          sendMessage('frameDoc', undefined, { tabId, frameId: Number(frameId) }).catch(() => null),
          new Promise<undefined>((resolve) => setTimeout(resolve, CONFIRM_MS)),
        ]);
        return answer === undefined || answer === doc ? [] : [Number(frameId)];
      }),
    );
    const stale = new Set(gone.flat());
    if (!stale.size) return frames;
    return update(tabId, (now) =>
      Object.fromEntries(Object.entries(now).filter(([id, r]) => !stale.has(Number(id)) || r.doc !== frames[id]?.doc)),
    );
  };
  const stopAnswers = onMessage('tabTerms', async ({ data: tabId }) => frameTerms(await confirmed(tabId)));
  // A frame's page removed an iframe: the removed frame could not say so itself (a
  // frame being taken out cannot send a message any more).
  const stopRemovals = onMessage('framesRemoved', async ({ sender }) => {
    if (sender.tab?.id !== undefined) await confirmed(sender.tab.id);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // Another URL in the tab, or a page done loading: frames whose document is gone
    // (another page, a reload, a crash) go; a page back from the back/forward cache, or
    // one an app moved within, answers for its frames and keeps them. Returned so that
    // tests can wait for it; the browser ignores it.
    if ((change.status === 'loading' && change.url !== undefined) || change.status === 'complete')
      return confirmed(tabId);
  });
  // A report that arrives after its tab closed must not bring the tab back.
  const closed = new Set<number>();
  browser.tabs.onRemoved.addListener((tabId) => {
    closed.add(tabId);
    return serially(() => session.remove(keyOf(tabId)));
  });
  return () => {
    stopReports();
    stopAnswers();
    stopRemovals();
  };
}

function isReport(value: unknown): value is TermsReport {
  const r = value as TermsReport | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.doc === 'string' &&
    Array.isArray(r.terms) &&
    r.terms.every((t) => typeof t?.id === 'string' && typeof t.count === 'number')
  );
}
