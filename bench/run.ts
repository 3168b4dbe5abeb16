// `npm run bench`: what Mars Lens costs the pages it runs on, in Debian Chromium, on
// deterministic pages served from 127.0.0.1. Every figure is measured in this run;
// comparisons are ratios on the same page in the same run.
//
// 1. What the page pays (bench/page-cost.ts): the page renderer's main-thread busy time
//    and JS heap with each variant against a plain browser, from traces of alternating
//    loads. Variants: Mars Lens as shipped, with a fact base 100× today's, on a
//    switched-off site, and the floor (a content script in every frame that walks the
//    text once and does nothing else).
// 2. Inside Mars Lens (a build with a probe): its reading slices against the floor,
//    mark.js 8.11.1 and one RegExp per text node (whose marks are the correctness check),
//    the page's own rewrites, a live blog, hover to tooltip, popup open time.
//
// `--quick` is the CI smoke: small pages, one load each (figures not meaningful).
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumWithExtension } from '../scripts/chromium-recipe';
import { factBase } from '../lib/facts/bundle';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../lib/settings/settings';
import { writeFactBase100x } from './fact-base-100x';
import { alternate, spread, type Cost, type Spread } from './page-cost';
import { article, bigTable, liveBlog, noText, offTopic, rewritePage, PLANTED, type Page as BenchPage } from './pages';

const quick = process.argv.includes('--quick');
const REPS = quick ? 1 : 3;
/** Loads per variant for what the page pays (plus one not counted). */
const COST_REPS = quick ? 1 : 7;
const TAG = '[mars-lens-bench] ';

// --- builds ----------------------------------------------------------------------
writeFactBase100x();
for (const mode of ['production', 'facts-100x', 'bench', 'bench-100x'])
  execSync(`npx wxt build --mode ${mode}`, { stdio: ['ignore', 'ignore', 'inherit'] });
const SHIPPED = resolve('.output/chrome-mv3');
const BUILDS = {
  ours: SHIPPED,
  ours100x: resolve('.output/chrome-mv3-facts-100x'),
  probe: resolve('.output/chrome-mv3-bench'),
  probe100x: resolve('.output/chrome-mv3-bench-100x'),
};
// The references are content scripts in unpacked extensions of their own, so they pay
// the same isolated-world costs. "floor-silent" runs in every frame and reports nothing:
// it is the floor of what a page pays.
const REFS = { floor: true, 'floor-silent': false, regex: true, markjs: true } as const;
for (const [ref, reports] of Object.entries(REFS)) {
  const dir = resolve(`bench/.out/${ref}`);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [`bench/references/${ref === 'floor-silent' ? 'floor' : ref}.ts`],
    outfile: `${dir}/content.js`,
    bundle: true,
    minify: true,
    format: 'iife',
    logLevel: 'warning',
    define: { __BENCH_REPORT__: String(reports) },
  });
  const allFrames = ref === 'floor-silent' ? { all_frames: true, match_about_blank: true } : {};
  writeFileSync(
    `${dir}/manifest.json`,
    JSON.stringify({
      manifest_version: 3,
      name: `bench-${ref}`,
      version: '1',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle', ...allFrames }],
    }),
  );
}
const refDir = (ref: keyof typeof REFS) => resolve(`bench/.out/${ref}`);

// --- pages ---------------------------------------------------------------------
const pages = new Map<string, BenchPage>();
const add = (p: BenchPage) => (pages.set(p.name, p), p.name);
const A1 = add(article(quick ? 100_000 : 1_000_000));
const A5 = add(article(quick ? 200_000 : 5_000_000, 5));
const TABLE = add(bigTable(quick ? 5_000 : 100_000));
const LIVE = add(liveBlog(quick ? 100 : 1000, quick ? 2 : 10));
const REWRITE = add(rewritePage(2000));
const OFF0 = add(offTopic(0));
const OFF20 = add(offTopic(20));
const OFF40 = add(offTopic(40));
const EMPTY = add(noText());
const server = createServer((req, res) => {
  const page = pages.get((req.url ?? '/').slice(1).split('#')[0]!.split('?')[0]!);
  res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page?.html ?? 'not found');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

async function launch(extensionDir: string | null): Promise<BrowserContext> {
  return chromium.launchPersistentContext(
    '',
    chromiumWithExtension(extensionDir, {
      headless: true,
      viewport: { width: 1280, height: 900 },
      extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
    }),
  );
}

/** Switches Mars Lens off for 127.0.0.1 in ctx, as the popup's switch would. */
async function switchOff(ctx: BrowserContext) {
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const settings = { ...DEFAULT_SETTINGS, sites: ['127.0.0.1'] };
  await worker.evaluate(
    ([value, version]) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ settings: value, settings$: { v: version } }),
    [settings, SETTINGS_VERSION] as const,
  );
}

const results: Record<string, unknown> = {};
const fmt = (x: number, d = 1) => (Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const MB = 1e6;

// --- 1. what the page pays -------------------------------------------------------
type CostVariant = 'none' | 'floor' | 'ours' | 'ours100x' | 'off';
const contexts: Record<CostVariant, BrowserContext> = {
  none: await launch(null),
  floor: await launch(refDir('floor-silent')),
  ours: await launch(BUILDS.ours),
  ours100x: await launch(BUILDS.ours100x),
  off: await launch(BUILDS.ours),
};
await switchOff(contexts.off);

const COST_CASES: [string, CostVariant[], number?][] = [
  [OFF0, ['none', 'floor', 'ours', 'ours100x', 'off']],
  [OFF20, ['none', 'floor', 'ours', 'ours100x', 'off']],
  [OFF40, ['none', 'floor', 'ours', 'ours100x', 'off']],
  [EMPTY, ['none', 'floor', 'ours']],
  [A1, ['none', 'floor', 'ours', 'ours100x'], 2500],
  [A5, ['none', 'floor', 'ours'], 4000],
];

interface Added {
  busyMs: Spread;
  /** Busy time of the tasks that ran extension code (not a difference: no plain-load noise). */
  ownMs: Spread;
  heapMB: Spread;
  longestOwnTaskMs: number;
  marks: number;
}
const costs: Record<string, Partial<Record<CostVariant, Added>>> = {};
for (const [name, variants, settle] of COST_CASES) {
  process.stderr.write(`bench: what the page pays on ${name} (${variants.join(', ')})\n`);
  const picked = Object.fromEntries(variants.map((v) => [v, contexts[v]])) as Record<CostVariant, BrowserContext>;
  const runs = await alternate(picked, `${origin}/${name}`, COST_REPS, settle, !quick);
  const none = runs.none;
  // Each load against the plain load of the same round, so drift cancels.
  const added = (list: Cost[], key: 'busyMs' | 'heap') => list.map((c, i) => c[key] - none[i]![key]);
  costs[name] = {};
  for (const v of variants) {
    if (v === 'none') continue;
    costs[name][v] = {
      busyMs: spread(added(runs[v], 'busyMs')),
      ownMs: spread(runs[v].map((c) => c.ownTasksMs)),
      heapMB: spread(added(runs[v], 'heap').map((b) => b / MB)),
      longestOwnTaskMs: Math.max(...runs[v].map((c) => c.longestOwnTaskMs)),
      marks: runs[v][0]!.marks,
    };
  }
  costs[name].none = {
    busyMs: spread(none.map((c) => c.busyMs)),
    ownMs: spread([0]),
    heapMB: spread(none.map((c) => c.heap / MB)),
    longestOwnTaskMs: 0,
    marks: none[0]!.marks,
  };
}
for (const c of Object.values(contexts)) await c.close();
results.pagePays = costs;

type Key = 'busyMs' | 'ownMs' | 'heapMB';
const med = (name: string, v: CostVariant, key: Key = 'busyMs') => costs[name]?.[v]?.[key].median ?? NaN;
/** Each small frame's own cost: the page with frames less the page without, per frame. */
const perFrame = (name: string, frames: number, v: CostVariant, key: Key = 'busyMs') =>
  (med(name, v, key) - med(OFF0, v, key)) / frames;
const frameFigures = (v: CostVariant) => ({
  ms20: perFrame(OFF20, 20, v),
  ms40: perFrame(OFF40, 40, v),
  own20: perFrame(OFF20, 20, v, 'ownMs'),
  own40: perFrame(OFF40, 40, v, 'ownMs'),
  mb20: perFrame(OFF20, 20, v, 'heapMB'),
  mb40: perFrame(OFF40, 40, v, 'heapMB'),
});
results.perFrame = {
  floor: frameFigures('floor'),
  ours: frameFigures('ours'),
  ours100x: frameFigures('ours100x'),
  // A switched-off site: every frame (the top one too) pays one settings read.
  offMsPerFrame20: med(OFF20, 'off') / 21,
  offMsPerFrame40: med(OFF40, 'off') / 41,
  offOwnPerFrame20: med(OFF20, 'off', 'ownMs') / 21,
  offOwnPerFrame40: med(OFF40, 'off', 'ownMs') / 41,
};

// --- 2. inside Mars Lens -----------------------------------------------------------
interface Run {
  wall: number; // first slice start → ready
  cpu: number; // sum of the extension's slices
  startup: number; // script start → reading begun (settings answered)
  longest: number;
  firstSlice: number;
  marks: number;
  texts: string[];
  batches: number[];
  tooltip: number[];
  placed: number[];
  page: Record<string, number>;
}
type Variant = 'none' | 'probe' | 'probe100x' | 'floor' | 'regex' | 'markjs';
const dirOf = (v: Variant) =>
  v === 'none' ? null : v === 'probe' || v === 'probe100x' ? BUILDS[v] : refDir(v as keyof typeof REFS);

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
  await page.close();
  if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
  const slices = reports.filter((r) => r.kind === 'slice');
  const ready = reports.find((r) => r.kind === 'ready');
  const start = slices[0] ? slices[0].at - slices[0].value : NaN;
  return {
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
    page: pageFigures,
  };
}

const median = (xs: number[]) => spread(xs).median;
async function repeat(
  variant: Variant,
  url: string,
  opts: Parameters<typeof load>[3] = {},
  reps = REPS,
): Promise<Run[]> {
  process.stderr.write(`bench: ${variant} on ${url.slice(origin.length)}\n`);
  const ctx = await launch(dirOf(variant));
  try {
    const runs: Run[] = [];
    for (let i = 0; i < reps; i++) runs.push(await load(ctx, variant, url, opts));
    return runs;
  } finally {
    await ctx.close();
  }
}
const medOf = (runs: Run[], key: 'wall' | 'cpu' | 'startup' | 'longest' | 'firstSlice') =>
  median(runs.map((r) => r[key]));
const sameMarks = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

const rows: string[][] = [];
for (const name of [A1, A5, TABLE]) {
  const url = `${origin}/${name}`;
  const floor = await repeat('floor', url);
  const ours = await repeat('probe', url, { readMarks: true });
  const regex = await repeat('regex', url, { readMarks: true });
  // mark.js takes seconds per page; one run is enough to show the ratio, and the
  // 5 MB article and the table are left out (minutes each).
  const markjs = name === A1 ? await repeat('markjs', url, { readMarks: true }, 1) : null;
  const f = medOf(floor, 'wall');
  const entry = {
    floorMs: f,
    ours: {
      wallMs: medOf(ours, 'wall'),
      cpuMs: medOf(ours, 'cpu'),
      startupMs: medOf(ours, 'startup'),
      longestSliceMs: medOf(ours, 'longest'),
      firstViewportMs: medOf(ours, 'firstSlice'),
      marks: ours[0]!.marks,
    },
    regex: { ms: medOf(regex, 'wall'), marks: regex[0]!.marks },
    markjs: markjs ? { ms: medOf(markjs, 'wall'), marks: markjs[0]!.marks } : null,
    marksEqualRegex: sameMarks(ours[0]!.texts, regex[0]!.texts),
  };
  results[name] = entry;
  rows.push([
    name,
    fmt(f),
    `${fmt(entry.ours.cpuMs)} (${fmt(entry.ours.cpuMs / f, 2)}×)`,
    `${fmt(entry.ours.wallMs)} (${fmt(entry.ours.wallMs / f, 2)}×)`,
    fmt(entry.ours.firstViewportMs),
    fmt(entry.ours.longestSliceMs),
    `${fmt(entry.regex.ms)} (${fmt(entry.regex.ms / entry.ours.wallMs, 1)}× ours)`,
    entry.markjs ? `${fmt(entry.markjs.ms)} (${fmt(entry.markjs.ms / entry.ours.wallMs, 1)}× ours)` : 'skipped',
    `${entry.marksEqualRegex ? 'yes' : 'NO'} (${entry.ours.marks})`,
  ]);
}

// The page's own text rewrites, with and without Mars Lens. ~50 ms of page work varies
// by ±20 % from load to load here, so this case takes more loads than the others.
const REWRITE_REPS = quick ? 1 : 7;
const rewriteNone = median(
  (await repeat('none', `${origin}/${REWRITE}`, { waitMs: 3500 }, REWRITE_REPS)).map((r) => r.page.rewriteMs!),
);
const rewriteOurs = median(
  (await repeat('probe', `${origin}/${REWRITE}`, { waitMs: 3500 }, REWRITE_REPS)).map((r) => r.page.rewriteMs!),
);
results.rewrite = { withoutMs: rewriteNone, withMs: rewriteOurs, slowdown: rewriteOurs / rewriteNone - 1 };

// Live blog: the extension's share of main-thread time while it runs, and lag to marks.
const live = (await repeat('probe', `${origin}/${LIVE}`, { waitMs: (quick ? 2 : 10) * 1000 + 2500 }))[0]!;
const liveSpan = live.page.liveDone! - live.page.liveStart!;
results.liveBlog = {
  cpuMs: live.cpu,
  spanMs: liveSpan,
  share: live.cpu / liveSpan,
  maxLagMs: Math.max(0, ...live.batches),
  batches: live.batches.length,
};

// Hover → tooltip placed and painted, after the intent delay (the card is fetched from
// the background while the delay runs), with today's fact base and the 100× one.
const hover: Record<string, { placedMedianMs: number; placedMaxMs: number; paintedMedianMs: number; samples: number }> =
  {};
for (const v of ['probe', 'probe100x'] as const) {
  const runs = await repeat(v, `${origin}/${A1}`, { hover: true });
  const placed = runs.flatMap((r) => r.placed);
  const painted = runs.flatMap((r) => r.tooltip);
  hover[v] = {
    placedMedianMs: median(placed),
    placedMaxMs: Math.max(0, ...placed),
    paintedMedianMs: median(painted),
    samples: placed.length,
  };
}
results.hover = hover;

// Popup open time: from navigation start to browsing (the fact base drawn) and to ready
// (the site switch and "On this page" for the tab drawn), for a tab showing the 1 MB article.
async function measurePopup() {
  const ctx = await launch(BUILDS.probe);
  try {
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    const base = worker.url().split('/').slice(0, 3).join('/');
    const articlePage = await ctx.newPage();
    await articlePage.goto(`${origin}/${A1}`);
    await articlePage.waitForTimeout(quick ? 500 : 2000);
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
  } finally {
    await ctx.close();
  }
}
const popupRuns = await measurePopup();
results.popup = {
  browseMedianMs: median(popupRuns.map((r) => r.browse)),
  readyMedianMs: median(popupRuns.map((r) => r.ready)),
  readyMaxMs: Math.max(...popupRuns.map((r) => r.ready)),
  samples: popupRuns.length,
};

// The content script's size: code, and the fact data in it (none: the fact base lives in
// the background; checked by looking for every entity's summary in the file).
const sizeOf = (dir: string) => {
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  const code = readFileSync(`${dir}/${manifest.content_scripts[0].js[0]}`, 'utf8');
  const dataFound = factBase.entities.filter((e) => code.includes(e.summary.slice(0, 40))).length;
  return { gzipKB: gzipSync(code).length / 1024, summariesInScript: dataFound };
};
results.contentScript = { shipped: sizeOf(SHIPPED), with100x: sizeOf(BUILDS.ours100x) };
results.machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  chromium: execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim(),
  node: process.version,
  quick,
  costLoads: COST_REPS,
};
results.planted = PLANTED.length;

writeFileSync(quick ? 'bench/results-quick.json' : 'bench/results.json', JSON.stringify(results, null, 2));
server.close();

// --- the tables ----------------------------------------------------------------------
const cell = (name: string, v: CostVariant) => {
  const c = costs[name]?.[v];
  if (!c) return '';
  return `${fmt(c.busyMs.median)} [${fmt(c.busyMs.min)}, ${fmt(c.busyMs.max)}] / ${fmt(c.ownMs.median)} / ${fmt(c.heapMB.median, 2)}`;
};
const costRows = COST_CASES.map(([name]) => {
  const ratio = (key: Key) => fmt(med(name, 'ours', key) / med(name, 'floor', key), 2);
  return `| ${name} | ${fmt(med(name, 'none'))} | ${cell(name, 'floor')} | ${cell(name, 'ours')} (${ratio('busyMs')}× / ${ratio('ownMs')}× floor) | ${cell(name, 'ours100x')} | ${cell(name, 'off')} | ${fmt(costs[name]?.ours?.longestOwnTaskMs ?? NaN)} | ${costs[name]?.ours?.marks ?? ''} |`;
});
const pf = results.perFrame as {
  floor: ReturnType<typeof frameFigures>;
  ours: ReturnType<typeof frameFigures>;
  ours100x: ReturnType<typeof frameFigures>;
  offMsPerFrame20: number;
  offMsPerFrame40: number;
  offOwnPerFrame20: number;
  offOwnPerFrame40: number;
};
const frameRow = (label: string, f: ReturnType<typeof frameFigures>) =>
  `| ${label} | ${fmt(f.ms20, 2)} | ${fmt(f.ms40, 2)} | ${fmt(f.own20, 2)} | ${fmt(f.own40, 2)} | ${fmt(f.mb20, 3)} | ${fmt(f.mb40, 3)} |`;
const h = results.hover as typeof hover;
const r = results.rewrite as { withoutMs: number; withMs: number; slowdown: number };
const l = results.liveBlog as { share: number; maxLagMs: number; batches: number };
const p = results.popup as { browseMedianMs: number; readyMedianMs: number; readyMaxMs: number };
const cs = results.contentScript as { shipped: ReturnType<typeof sizeOf>; with100x: ReturnType<typeof sizeOf> };
console.log(`
What the page pays: main-thread busy ms added [min, max] / ms in tasks that ran extension code / JS heap MB added; medians of ${COST_REPS} alternating loads against a plain browser

| page | plain browser ms | floor | Mars Lens | Mars Lens, 100× facts | switched-off site | longest task with our code ms | marks |
|---|---|---|---|---|---|---|---|
${costRows.join('\n')}

| each small frame (page with frames less page without, per frame) | busy ms added, 20 frames | 40 frames | ms in tasks with extension code, 20 frames | 40 frames | heap MB, 20 frames | 40 frames |
|---|---|---|---|---|---|---|
${frameRow('floor', pf.floor)}
${frameRow('Mars Lens', pf.ours)}
${frameRow('Mars Lens, 100× facts', pf.ours100x)}
| switched-off site, every frame (total ÷ frames) | ${fmt(pf.offMsPerFrame20, 2)} | ${fmt(pf.offMsPerFrame40, 2)} | ${fmt(pf.offOwnPerFrame20, 2)} | ${fmt(pf.offOwnPerFrame40, 2)} | | |

Inside Mars Lens (a build with a probe; ${REPS} repetition(s), medians)

| page | floor ms | Mars Lens slices ms (× floor) | first slice → last mark ms (× floor) | first viewport ms | longest slice ms | RegExp ms | mark.js ms | marks = RegExp (count) |
|---|---|---|---|---|---|---|---|---|
${rows.map((x) => `| ${x.join(' | ')} |`).join('\n')}

| other figure | value |
|---|---|
| hover → tooltip placed, after the 200 ms intent (card fetched meanwhile) | median ${fmt(h.probe!.placedMedianMs)} ms, max ${fmt(h.probe!.placedMaxMs)} ms |
| the same with the 100× fact base | median ${fmt(h.probe100x!.placedMedianMs)} ms, max ${fmt(h.probe100x!.placedMaxMs)} ms |
| hover → tooltip painted (next frame's callbacks) | median ${fmt(h.probe!.paintedMedianMs)} ms |
| page's own 10,000 text writes (2,000 nodes × 5) | ${fmt(r.withoutMs)} ms without, ${fmt(r.withMs)} ms with (${fmt(r.slowdown * 100, 1)} %) |
| live blog: extension's share of main thread | ${fmt(l.share * 100, 2)} % over ${l.batches} batches; max lag insertion → marks ${fmt(l.maxLagMs)} ms |
| popup open (navigation start → facts drawn → site switch and On this page drawn) | median ${fmt(p.browseMedianMs)} → ${fmt(p.readyMedianMs)} ms, max ready ${fmt(p.readyMaxMs)} ms |
| Mars Lens startup on ${A1}: script start → settings answered, reading begins | median ${fmt((results[A1] as { ours: { startupMs: number } }).ours.startupMs)} ms |
| content script, gzip: code / fact data (entity summaries found in it) | ${fmt(cs.shipped.gzipKB)} KB / ${cs.shipped.summariesInScript} of ${factBase.entities.length}; with the 100× base ${fmt(cs.with100x.gzipKB)} KB / ${cs.with100x.summariesInScript} |

Machine: ${(results.machine as { cpu: string }).cpu}, ${cpus().length} cores, ${(results.machine as { chromium: string }).chromium}.`);
