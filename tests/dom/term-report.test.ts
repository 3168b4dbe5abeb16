/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onMessage, type TermsReport } from '../../lib/browser/messages';
import { RESHOW_MS, termReporter } from '../../lib/browser/term-report';
import { installChromeMessaging } from '../support/chrome-messaging';

// A frame's reports follow its page's lifecycle: a farewell on pagehide, its terms
// again when the page comes back from the back/forward cache, nothing while the page is
// prerendered, and its document's token when the background asks.

const messaging = installChromeMessaging();
const heard: TermsReport[] = [];
const stopListening = onMessage('termsFound', ({ data }) => void heard.push(data));
const pixl = [{ id: 'pixl', count: 2 }];
let page = new AbortController();

afterEach(() => {
  page.abort();
  page = new AbortController();
  heard.length = 0;
  vi.useRealTimers();
  Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
});

const settle = () => new Promise((r) => setTimeout(r, 0));
/** An event as the browser sends it (a page's own events are not trusted). */
const trusted = (type: string, init: { persisted?: boolean } = {}) => {
  const event = Object.assign(new Event(type), init);
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
};

describe('term reports', () => {
  it('say goodbye on pagehide, and the terms again after pageshow from the cache (not from a load)', async () => {
    const reporter = termReporter(document, window as never, page.signal);
    reporter.report(pixl);
    await settle();
    expect(heard).toEqual([{ doc: expect.stringMatching(/^[0-9a-f]{24}$/), terms: pixl }]);
    const doc = heard[0]!.doc;
    // A page's own pagehide and pageshow change nothing.
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await settle();
    expect(heard).toHaveLength(1);
    window.dispatchEvent(trusted('pagehide'));
    window.dispatchEvent(trusted('pagehide'));
    await settle();
    expect(heard.slice(1)).toEqual([{ doc, terms: [] }]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    window.dispatchEvent(trusted('pageshow', { persisted: false }));
    await vi.advanceTimersByTimeAsync(RESHOW_MS * 2);
    expect(heard).toHaveLength(2);
    window.dispatchEvent(trusted('pageshow', { persisted: true }));
    await vi.advanceTimersByTimeAsync(RESHOW_MS - 10);
    expect(heard).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(20);
    expect(heard[2]).toEqual({ doc, terms: pixl });
  });

  it('answers the background with its token once it has terms, and no more once stopped', async () => {
    const reporter = termReporter(document, window as never, page.signal);
    await expect(messaging.fromContent('frameDoc', undefined, {})).resolves.toBeUndefined();
    reporter.report(pixl);
    await settle();
    expect(await messaging.fromContent('frameDoc', undefined, {})).toBe(heard[0]!.doc);
    page.abort();
    await expect(messaging.fromContent('frameDoc', undefined, {})).resolves.toBeUndefined();
  });

  it('says nothing while the page is prerendered, then its latest terms when it is shown', async () => {
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
    const reporter = termReporter(document, window as never, page.signal);
    reporter.report([{ id: 'jpl', count: 1 }]);
    reporter.report(pixl);
    await settle();
    expect(heard).toEqual([]);
    Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
    document.dispatchEvent(new Event('prerenderingchange'));
    await settle();
    expect(heard.map((r) => r.terms)).toEqual([pixl]);
  });

  it('a frame that never had terms listens to nothing', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    termReporter(document, window as never, page.signal);
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(add).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    add.mockRestore();
  });
});

void stopListening;
