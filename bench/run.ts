// `npm run bench`: Mars Lens against the floor (a bare text walk), mark.js and a
// per-node RegExp, in Debian Chromium, on deterministic pages served from 127.0.0.1.
// Every figure is measured in this run; comparisons are ratios on the same page.
// `--quick` is the CI smoke: small pages, one repetition (figures not meaningful).
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumWithExtension } from '../scripts/chromium-recipe';
import { article, bigTable, liveBlog, rewritePage, PLANTED, type Page as BenchPage } from './pages';

const quick = process.argv.includes('--quick');
const REPS = quick ? 1 : 3;
/** --only=article-1000kb: just the page cases whose name starts so (for quick experiments). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const pageCasesOnly = !!only;
const TAG = '[mars-lens-bench] ';

// --- build Mars Lens (bench mode: with its probe) and the references -------------
execSync('npx wxt build --mode bench', { stdio: 'inherit' });
const OURS = resolve('.output/chrome-mv3-bench');
const REFS = ['floor', 'regex', 'markjs'] as const;
for (const ref of REFS) {
  const dir = resolve(`bench/.out/${ref}`);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [`bench/references/${ref}.ts`],
    outfile: `${dir}/content.js`,
    bundle: true,
    minify: true,
    format: 'iife',
    logLevel: 'warning',
  });
  writeFileSync(
    `${dir}/manifest.json`,
    JSON.stringify({
      manifest_version: 3,
      name: `bench-${ref}`,
      version: '1',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
}
type Variant = 'none' | 'ours' | (typeof REFS)[number];
const dirOf = (v: Variant) => (v === 'none' ? null : v === 'ours' ? OURS : resolve(`bench/.out/${v}`));

// --- pages ---------------------------------------------------------------------
const pages = new Map<string, BenchPage>();
const add = (p: BenchPage) => (pages.set(p.name, p), p.name);
const A1 = add(article(quick ? 100_000 : 1_000_000));
const A5 = add(article(quick ? 200_000 : 5_000_000, 5));
const TABLE = add(bigTable(quick ? 5_000 : 100_000));
const LIVE = add(liveBlog(quick ? 100 : 1000, quick ? 2 : 10));
const REWRITE = add(rewritePage(2000));
const server = createServer((req, res) => {
  const page = pages.get((req.url ?? '/').slice(1).split('#')[0]!.split('?')[0]!);
  res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page?.html ?? 'not found');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

// --- one measured load ---------------------------------------------------------
interface Run {
  start: number;
  wall: number; // content script start (first report) → ready
  cpu: number; // sum of the extension's slices
  startup: number; // script start → matcher built (before the first slice)
  longest: number;
  firstSlice: number;
  marks: number;
  texts: string[];
  batches: number[];
  tooltip: number[];
  placed: number[];
  heap: number;
  page: Record<string, number>;
}

async function withBrowser<T>(variant: Variant, fn: (ctx: BrowserContext) => Promise<T>): Promise<T> {
  const ctx = await chromium.launchPersistentContext(
    '',
    chromiumWithExtension(dirOf(variant), {
      headless: true,
      viewport: { width: 1280, height: 900 },
      extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
    }),
  );
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function load(
  ctx: BrowserContext,
  variant: Variant,
  url: string,
  opts: { waitMs?: number; readMarks?: boolean; hover?: boolean } = {},
): Promise<Run> {
  const page: Page = await ctx.newPage();
  const reports: { kind: string; value: number; at: number }[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(TAG)) reports.push(JSON.parse(text.slice(TAG.length)));
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const deadline = Date.now() + 180_000;
  while (variant !== 'none' && !reports.some((r) => r.kind === 'ready') && Date.now() < deadline)
    await page.waitForTimeout(50);
  if (opts.waitMs) await page.waitForTimeout(opts.waitMs);
  if (opts.hover) {
    for (let i = 0; i < 5; i++) {
      const at = await page.evaluate((nth) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const k = (n as Text).data.indexOf('PIXL');
          if (k < 0 || seen++ < nth) continue;
          const r = document.createRange();
          r.setStart(n, k);
          r.setEnd(n, k + 4);
          (n.parentElement as Element).scrollIntoView({ block: 'center' });
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        return null;
      }, i);
      if (!at) break;
      await page.mouse.move(1, 1);
      await page.waitForTimeout(400);
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(600);
    }
  }
  const texts = opts.readMarks
    ? await page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.forEach((h) =>
          h.forEach((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            out.push(range.toString().replace(/\s+/g, ' '));
          }),
        );
        document
          .querySelectorAll('mark[data-markjs]')
          .forEach((m) => out.push((m.textContent ?? '').replace(/\s+/g, ' ')));
        return out.sort();
      })
    : [];
  const pageFigures = await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    return { rewriteMs: w.rewriteMs ?? NaN, liveStart: w.liveBlogStart ?? NaN, liveDone: w.liveBlogDone ?? NaN };
  });
  const heap = await page.evaluate(() => {
    (globalThis as unknown as { gc?: () => void }).gc?.();
    return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
  });
  await page.close();
  if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
  const slices = reports.filter((r) => r.kind === 'slice');
  const ready = reports.find((r) => r.kind === 'ready');
  const start = slices[0] ? slices[0].at - slices[0].value : NaN;
  return {
    start,
    wall: ready && slices[0] ? ready.at - start : NaN,
    cpu: slices.reduce((s, r) => s + r.value, 0),
    startup: reports.find((r) => r.kind === 'startup')?.value ?? NaN,
    longest: Math.max(0, ...slices.map((r) => r.value)),
    firstSlice: slices[0] ? slices[0].value : NaN,
    marks: ready?.value ?? 0,
    texts,
    batches: reports.filter((r) => r.kind === 'batch').map((r) => r.value),
    tooltip: reports.filter((r) => r.kind === 'tooltip-painted').map((r) => r.value),
    placed: reports.filter((r) => r.kind === 'tooltip-placed').map((r) => r.value),
    heap,
    page: pageFigures,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
async function repeat(
  variant: Variant,
  url: string,
  opts: Parameters<typeof load>[3] = {},
  reps = REPS,
): Promise<Run[]> {
  process.stderr.write(`bench: ${variant} on ${url.slice(origin.length)}\n`);
  return withBrowser(variant, async (ctx) => {
    const runs: Run[] = [];
    for (let i = 0; i < reps; i++) runs.push(await load(ctx, variant, url, opts));
    return runs;
  });
}
const med = (runs: Run[], key: 'wall' | 'cpu' | 'startup' | 'longest' | 'firstSlice' | 'heap') =>
  median(runs.map((r) => r[key]));

// --- the cases -------------------------------------------------------------------
const results: Record<string, unknown> = {};
const rows: string[][] = [];
const fmt = (x: number, d = 1) => (Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const sameMarks = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

for (const name of [A1, A5, TABLE].filter((n) => !only || (only !== 'hover' && n.startsWith(only)))) {
  const url = `${origin}/${name}`;
  const floor = await repeat('floor', url);
  const ours = await repeat('ours', url, { readMarks: true });
  const regex = await repeat('regex', url, { readMarks: true });
  // mark.js takes seconds per page; one run is enough to show the ratio, and the
  // 5 MB article and the table are left out (minutes each).
  const markjs = name === A1 ? await repeat('markjs', url, { readMarks: true }, 1) : null;
  const none = await repeat('none', url);
  const f = med(floor, 'wall');
  const entry = {
    floorMs: f,
    ours: {
      wallMs: med(ours, 'wall'),
      cpuMs: med(ours, 'cpu'),
      startupMs: med(ours, 'startup'),
      longestSliceMs: med(ours, 'longest'),
      firstViewportMs: med(ours, 'firstSlice'),
      marks: ours[0]!.marks,
    },
    regex: { ms: med(regex, 'wall'), marks: regex[0]!.marks },
    markjs: markjs ? { ms: med(markjs, 'wall'), marks: markjs[0]!.marks } : null,
    marksEqualRegex: sameMarks(ours[0]!.texts, regex[0]!.texts),
    marksEqualMarkjs: markjs ? sameMarks(ours[0]!.texts, markjs[0]!.texts) : null,
    heapGrowthMB: (med(ours, 'heap') - med(none, 'heap')) / 1e6,
  };
  results[name] = entry;
  rows.push([
    name,
    fmt(f),
    `${fmt(entry.ours.wallMs)} (${fmt(entry.ours.wallMs / f, 2)}×)`,
    `${fmt(entry.ours.cpuMs)} (${fmt(entry.ours.cpuMs / f, 2)}×)`,
    fmt(entry.ours.firstViewportMs),
    fmt(entry.ours.longestSliceMs),
    `${fmt(entry.regex.ms)} (${fmt(entry.regex.ms / entry.ours.wallMs, 1)}× ours)`,
    entry.markjs ? `${fmt(entry.markjs.ms)} (${fmt(entry.markjs.ms / entry.ours.wallMs, 1)}× ours)` : 'skipped',
    `${entry.marksEqualRegex ? 'yes' : 'NO'} (${entry.ours.marks})`,
    fmt(entry.heapGrowthMB),
  ]);
}

// Popup open time: from navigation start to browsing (the fact base drawn) and to ready
// (the site switch and "On this page" for the tab drawn), for a tab showing the 1 MB article.
function measurePopup() {
  return withBrowser('ours', async (ctx) => {
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    const base = worker.url().split('/').slice(0, 3).join('/');
    const article = await ctx.newPage();
    await article.goto(`${origin}/${A1}`);
    await article.waitForTimeout(quick ? 500 : 2000);
    const runs: { browse: number; ready: number }[] = [];
    const helper = await ctx.newPage();
    await helper.goto(`${base}/popup.html`);
    const tabId = await helper.evaluate(async () => {
      type Tabs = { getCurrent(): Promise<{ id?: number }>; query(q: object): Promise<{ id?: number }[]> };
      const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
      const self = await tabs.getCurrent();
      return Math.max(...(await tabs.query({})).map((t) => t.id!).filter((id) => id !== self?.id));
    });
    await helper.close();
    for (let i = 0; i < (quick ? 2 : 10); i++) {
      // A fresh page each time, as the toolbar button opens the popup.
      const popup = await ctx.newPage();
      await popup.goto(`${base}/popup.html?tabId=${tabId}`);
      await popup.waitForFunction(() => performance.getEntriesByName('mars-lens:popup-ready').length > 0);
      runs.push(
        await popup.evaluate(() => ({
          browse: performance.getEntriesByName('mars-lens:popup-browse')[0]!.startTime,
          ready: performance.getEntriesByName('mars-lens:popup-ready')[0]!.startTime,
        })),
      );
      await popup.close();
    }
    return runs;
  });
}
if (only === 'popup') console.log(JSON.stringify(await measurePopup()));
if (only === 'hover') {
  const runs = await repeat('ours', `${origin}/${A1}`, { hover: true });
  console.log('hover placed', JSON.stringify(runs.flatMap((r) => r.placed).map((x) => Math.round(x))));
  console.log('hover painted', JSON.stringify(runs.flatMap((r) => r.tooltip).map((x) => Math.round(x))));
}
if (pageCasesOnly) {
  console.log(rows.map((r) => r.join(' | ')).join('\n'));
  server.close();
  process.exit(0);
}
// Scaling: the fact base plus synthetic aliases, on the 1 MB article.
const scaling: Record<string, number> = {};
for (const extra of [0, 1000, 10000]) {
  scaling[extra] = med(await repeat('ours', `${origin}/${A1}#ml-bench-aliases=${extra}`), 'cpu');
}
results.scaling = { cpuMs: scaling, ratio10k: scaling[10000]! / scaling[0]! };

// The page's own text rewrites, with and without Mars Lens. ~50 ms of page work varies
// by ±20 % from load to load here, so this case takes more loads than the others.
const REWRITE_REPS = quick ? 1 : 7;
const rewriteNone = median(
  (await repeat('none', `${origin}/${REWRITE}`, { waitMs: 3500 }, REWRITE_REPS)).map((r) => r.page.rewriteMs!),
);
const rewriteOurs = median(
  (await repeat('ours', `${origin}/${REWRITE}`, { waitMs: 3500 }, REWRITE_REPS)).map((r) => r.page.rewriteMs!),
);
results.rewrite = { withoutMs: rewriteNone, withMs: rewriteOurs, slowdown: rewriteOurs / rewriteNone - 1 };

// Live blog: the extension's share of main-thread time while it runs, and lag to marks.
const live = (await repeat('ours', `${origin}/${LIVE}`, { waitMs: (quick ? 2 : 10) * 1000 + 2500 }))[0]!;
const liveSpan = live.page.liveDone! - live.page.liveStart!;
results.liveBlog = {
  cpuMs: live.cpu,
  spanMs: liveSpan,
  share: live.cpu / liveSpan,
  maxLagMs: Math.max(0, ...live.batches),
  batches: live.batches.length,
};

// Hover → tooltip painted, after the intent delay.
const hoverRuns = await repeat('ours', `${origin}/${A1}`, { hover: true });
const hover = hoverRuns.flatMap((r) => r.tooltip);
const placed = hoverRuns.flatMap((r) => r.placed);
results.hover = {
  paintedMedianMs: median(hover),
  paintedMaxMs: Math.max(0, ...hover),
  placedMedianMs: median(placed),
  placedMaxMs: Math.max(0, ...placed),
  samples: hover.length,
};

const popupRuns = await measurePopup();
// The first open pays for a cold extension process; the median is what readers meet.
results.popup = {
  browseMedianMs: median(popupRuns.map((r) => r.browse)),
  readyMedianMs: median(popupRuns.map((r) => r.ready)),
  readyMaxMs: Math.max(...popupRuns.map((r) => r.ready)),
  samples: popupRuns.length,
};

const contentJs = readFileSync('.output/chrome-mv3/content-scripts/content.js');
results.contentScriptGzipKB = gzipSync(contentJs).length / 1024;
results.machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  chromium: execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim(),
  node: process.version,
  quick,
};
results.planted = PLANTED.length;

mkdirSync('bench', { recursive: true });
writeFileSync(quick ? 'bench/results-quick.json' : 'bench/results.json', JSON.stringify(results, null, 2));
server.close();

const table = [
  '| page | floor ms | Mars Lens wall ms (× floor) | Mars Lens CPU ms (× floor) | first viewport ms | longest slice ms | RegExp ms | mark.js ms | marks = RegExp (count) | heap +MB |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const s = results.scaling as { cpuMs: Record<string, number>; ratio10k: number };
const r = results.rewrite as { withoutMs: number; withMs: number; slowdown: number };
const l = results.liveBlog as { share: number; maxLagMs: number; batches: number };
const h = results.hover as {
  paintedMedianMs: number;
  paintedMaxMs: number;
  placedMedianMs: number;
  placedMaxMs: number;
};
const p = results.popup as { browseMedianMs: number; readyMedianMs: number; readyMaxMs: number };
console.log(`\n${table}\n
| other figure | value |
|---|---|
| +1,000 / +10,000 aliases, CPU on ${A1} | ${fmt(s.cpuMs[0]!)} → ${fmt(s.cpuMs[1000]!)} → ${fmt(s.cpuMs[10000]!)} ms (${fmt(s.ratio10k, 2)}× at 10k) |
| page's own 10,000 text writes (2,000 nodes × 5) | ${fmt(r.withoutMs)} ms without, ${fmt(r.withMs)} ms with (${fmt(r.slowdown * 100, 1)} %) |
| live blog: extension's share of main thread | ${fmt(l.share * 100, 2)} % over ${l.batches} batches; max lag insertion → marks ${fmt(l.maxLagMs)} ms |
| hover → tooltip placed (same task), after the 200 ms intent | median ${fmt(h.placedMedianMs)} ms, max ${fmt(h.placedMaxMs)} ms |
| hover → tooltip painted (next frame's callbacks) | median ${fmt(h.paintedMedianMs)} ms, max ${fmt(h.paintedMaxMs)} ms |
| popup open (navigation start → facts drawn → site switch and On this page drawn) | median ${fmt(p.browseMedianMs)} → ${fmt(p.readyMedianMs)} ms, max ready ${fmt(p.readyMaxMs)} ms |
| Mars Lens startup on ${A1}: script start → fact base parsed and matcher built (before reading; not in the CPU column) | median ${fmt((results[A1] as { ours: { startupMs: number } }).ours.startupMs)} ms |
| content script, gzip, with the fact base | ${fmt(results.contentScriptGzipKB as number)} KB |

Machine: ${(results.machine as { cpu: string }).cpu}, ${cpus().length} cores, ${(results.machine as { chromium: string }).chromium}; ${REPS} repetition(s), medians.`);
