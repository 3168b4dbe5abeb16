// What a page pays for an extension, from a trace: the busy time of the page renderer's
// main thread (the union of its top-level tasks, whatever runs in them: script loading
// and evaluation, isolated worlds, messaging, timers, observers, GC, style, layout and
// paint) and the renderer's JS heap after a full GC, each load traced from before the
// navigation until the page has settled.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface Cost {
  /** Main-thread busy time of the page's renderer (ms). */
  busyMs: number;
  /** The longest top-level task (ms). */
  longestTaskMs: number;
  /** The longest top-level task in which extension code ran (ms; 0 if none did). */
  longestOwnTaskMs: number;
  /**
   * The busy time of the top-level tasks in which extension code ran (ms): the part of
   * busyMs that is surely ours, without the load-to-load noise of the page's own work
   * (but without the style and paint passes our marks cause in later tasks).
   */
  ownTasksMs: number;
  /** Used JS heap of the page's renderer after GC (bytes). */
  heap: number;
  /** Ranges in the page's highlight registry at the end (what was marked). */
  marks: number;
  /** Self time (ms) by trace event name on the page's main thread. */
  byEvent: Record<string, number>;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    name?: string;
    data?: { url?: string; frame?: string; stackTrace?: { url?: string }[] };
    beginData?: { url?: string };
  };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'];

async function trace<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ value: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  const value = await fn();
  await cdp.send('Tracing.end');
  await complete;
  return { value, events };
}

/** The renderer main threads (pid:tid) that parsed a document of origin. */
function pageThreads(events: TraceEvent[], origin: string): Set<string> {
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const ours = new Set<string>();
  for (const e of events) {
    const url = e.args?.beginData?.url ?? e.args?.data?.url;
    if (url?.startsWith(origin) && mains.has(`${e.pid}:${e.tid}`)) ours.add(`${e.pid}:${e.tid}`);
  }
  return ours;
}

const isExtensionUrl = (url: string | undefined) =>
  !!url && (url.startsWith('chrome-extension://') || url.startsWith('moz-extension://'));

/** Busy time on the threads: the union of top-level task intervals (nested tasks count once). */
function busy(
  events: TraceEvent[],
  threads: Set<string>,
): { total: number; longest: number; longestOwn: number; own: number } {
  // When extension code ran: script evaluations and calls whose script is an extension's.
  const own = events
    .filter((e) => threads.has(`${e.pid}:${e.tid}`) && isExtensionUrl(e.args?.data?.url))
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const ranOwn = (s: number, t: number) => {
    let lo = 0;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo < own.length && own[lo]! <= t;
  };
  const tasks = events
    .filter(
      (e) => e.ph === 'X' && e.dur !== undefined && e.cat.includes('toplevel') && threads.has(`${e.pid}:${e.tid}`),
    )
    .map((e) => [e.ts, e.ts + e.dur!] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let longest = 0;
  let longestOwn = 0;
  let ownTotal = 0;
  let start = -1;
  let end = -1;
  const close = () => {
    if (end <= start) return;
    total += end - start;
    longest = Math.max(longest, end - start);
    if (ranOwn(start, end)) {
      longestOwn = Math.max(longestOwn, end - start);
      ownTotal += end - start;
    }
  };
  for (const [s, t] of tasks) {
    if (s > end) {
      close();
      start = s;
      end = t;
    } else end = Math.max(end, t);
  }
  close();
  return { total: total / 1000, longest: longest / 1000, longestOwn: longestOwn / 1000, own: ownTotal / 1000 };
}

/** Self time of each kind of traced event (its duration less its children's) on the threads. */
function selfTimes(events: TraceEvent[], threads: Set<string>): Record<string, number> {
  const out: Record<string, number> = {};
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!threads.has(key)) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string; child: number; dur: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack.at(-1)!.end <= until) {
        const top = stack.pop()!;
        out[top.name] = (out[top.name] ?? 0) + (top.dur - top.child) / 1000;
        if (stack.length) stack.at(-1)!.child += top.dur;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, dur: e.dur! });
    }
    close(Infinity);
  }
  return out;
}

const markCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h) => (n += h.size));
    return n;
  });

/**
 * Loads url in a fresh tab and traces it until the page has settled: at least
 * `settleMs` after load, and until the number of marks has held still for 600 ms.
 * Every variant of a comparison waits the same way.
 */
export async function measureLoad(ctx: BrowserContext, url: string, settleMs = 1500): Promise<Cost> {
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    const origin = new URL(url).origin;
    const { value: marks, events } = await trace(cdp, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
      const until = Date.now() + settleMs;
      let last = -1;
      let stableSince = Date.now();
      for (;;) {
        await page.waitForTimeout(200);
        const n = await markCount(page);
        if (n !== last) {
          last = n;
          stableSince = Date.now();
        }
        if (Date.now() >= until && Date.now() - stableSince >= 600) return n;
        if (Date.now() > until + 170_000) return n;
      }
    });
    const threads = pageThreads(events, origin);
    const { total, longest, longestOwn, own } = busy(events, threads);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      busyMs: total,
      longestTaskMs: longest,
      longestOwnTaskMs: longestOwn,
      ownTasksMs: own,
      heap: usedSize,
      marks,
      byEvent: selfTimes(events, threads),
    };
  } finally {
    await page.close();
  }
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(xs: number[]): Spread {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return { median: s.length ? s[Math.floor(s.length / 2)]! : NaN, min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
}

/**
 * Loads url `reps` times in each context, alternating (none, a, b, none, a, b, ...), so
 * drift on the machine falls on every variant alike. Returns the costs per variant.
 */
export async function alternate<K extends string>(
  contexts: Record<K, BrowserContext>,
  url: string,
  reps: number,
  settleMs?: number,
  warm = true,
): Promise<Record<K, Cost[]>> {
  const keys = Object.keys(contexts) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as Cost[]])) as Record<K, Cost[]>;
  // One load each first, not counted: caches, code caches and a cold extension process.
  if (warm) for (const k of keys) await measureLoad(contexts[k], url, settleMs);
  for (let i = 0; i < reps; i++) for (const k of keys) out[k].push(await measureLoad(contexts[k], url, settleMs));
  return out;
}
