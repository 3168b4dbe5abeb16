import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectIntoOpenTabs } from '../../lib/browser/reinject';

// After an install or an update, Chromium's open tabs get the frame script from the
// background: every tab that can be scripted, the active one first, a few at a time,
// and never a discarded tab.

beforeEach(() => fakeBrowser.reset());

describe('re-injection into open tabs', () => {
  it('injects the script into every scriptable tab, active first, a few at once', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, active: false, discarded: false },
      { id: 2, active: true, discarded: false },
      { id: 3, active: false, discarded: true },
      { id: 4, active: false, discarded: false },
      ...Array.from({ length: 10 }, (_, i) => ({ id: 10 + i, active: false, discarded: false })),
    ] as never);
    const calls: string[] = [];
    let running = 0;
    let most = 0;
    const scripting = {
      executeScript: async ({ target, files }: { target: { tabId: number; allFrames: boolean }; files: string[] }) => {
        running++;
        most = Math.max(most, running);
        calls.push(`js ${target.tabId} ${files.join()} ${target.allFrames}`);
        await new Promise((r) => setTimeout(r, 1));
        running--;
        if (target.tabId === 4) throw new Error('Cannot access contents of the page');
      },
    };
    expect(await injectIntoOpenTabs(scripting)).toBe(12);
    expect(calls[0]).toBe('js 2 frame.js true');
    expect(calls.some((c) => c.includes(' 3'))).toBe(false);
    expect(calls.filter((c) => c.startsWith('js'))).toHaveLength(13);
    expect(most).toBe(4);
  });
});
