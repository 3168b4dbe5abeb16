// Deterministic pages for `npm run bench`: the same seed always gives the same bytes,
// so every variant in a run (and every run) reads exactly the same page.

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Filler words chosen to contain no alias of the fact base (no "arm", "crater",
// "landing", "Mars"...), so every mark on the page is a planted term.
const WORDS = (
  'the of and to in is was for on that with as by at from his her an were are which this be has had not ' +
  'its one also first new after two who they have more other their been into most time some when years ' +
  'city river century region people state early history during between several later known under over ' +
  'north south west east made used called began family group large small water built school church ' +
  'period system second form part number power company line work place name around since local major'
).split(' ');

/** Terms planted about every 150 words: unambiguous names, plus everyday words the topic admits. */
export const PLANTED = [
  'PIXL',
  'Mastcam-Z',
  'Jezero crater',
  'JPL',
  'NASA',
  'Perseverance rover',
  'Michael Watkins',
  'Malin Space Science Systems',
  'Arizona State University',
  'Mars',
  'microphone',
];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export interface Page {
  name: string;
  html: string;
}

function sentenceWords(rand: () => number, n: number, next: () => string | undefined): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const term = next();
    const word = term ?? WORDS[Math.floor(rand() * WORDS.length)]!;
    const r = rand();
    if (!term && r < 0.04) out.push(`<a href="#w${i}">${word}</a>`);
    else if (!term && r < 0.07) out.push(`<em>${word}</em>`);
    else if (term && r < 0.3) out.push(`<a href="#t${i}">${escape(term)}</a>`);
    else out.push(escape(word));
  }
  return out.join(' ');
}

/** A Wikipedia-like article of about `bytes` bytes: sections, paragraphs, lists, tables. */
export function article(bytes: number, seed = 1): Page {
  const rand = prng(seed);
  let words = 0;
  let planted = 0;
  const next = () => {
    words++;
    if (words % 150 !== 0) return undefined;
    return PLANTED[planted++ % PLANTED.length];
  };
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench article</title>',
    '<style>body{font:16px/1.5 serif;max-width:60em;margin:auto;padding:1em}table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 4px}</style>',
    '</head><body><h1>Bench article</h1>',
  ];
  let size = parts.join('').length;
  let section = 0;
  while (size < bytes) {
    const chunk: string[] = [`<h2>Section ${++section}</h2>`];
    const paragraphs = 3 + Math.floor(rand() * 5);
    for (let p = 0; p < paragraphs; p++)
      chunk.push(`<p>${sentenceWords(rand, 60 + Math.floor(rand() * 90), next)}.</p>`);
    if (section % 3 === 0) {
      chunk.push('<ul>');
      for (let i = 0; i < 5; i++) chunk.push(`<li>${sentenceWords(rand, 10, next)}</li>`);
      chunk.push('</ul>');
    }
    if (section % 4 === 0) {
      chunk.push('<table>');
      for (let r = 0; r < 5; r++) {
        chunk.push('<tr>');
        for (let c = 0; c < 4; c++) chunk.push(`<td>${sentenceWords(rand, 3, next)}</td>`);
        chunk.push('</tr>');
      }
      chunk.push('</table>');
    }
    const html = chunk.join('');
    parts.push(html);
    size += html.length;
  }
  parts.push('</body></html>');
  return { name: `article-${Math.round(bytes / 1e3)}kb`, html: parts.join('') };
}

/** A table of `cells` short text nodes, a planted term in about one cell of 50. */
export function bigTable(cells: number, seed = 2): Page {
  const rand = prng(seed);
  const rows: string[] = [];
  let planted = 0;
  for (let i = 0; i < cells; i += 10) {
    const tds: string[] = [];
    for (let c = 0; c < 10; c++) {
      const term = rand() < 0.02 ? PLANTED[planted++ % PLANTED.length]! : undefined;
      tds.push(`<td>${term ? escape(term) : `${WORDS[Math.floor(rand() * WORDS.length)]} ${i + c}`}</td>`);
    }
    rows.push(`<tr>${tds.join('')}</tr>`);
  }
  return {
    name: `table-${cells / 1000}k`,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench table</title></head><body><h1>PIXL data</h1><table>${rows.join('')}</table></body></html>`,
  };
}

/** A live blog that appends `perSecond` paragraphs a second for `seconds` seconds, in 10 batches a second. */
export function liveBlog(perSecond: number, seconds: number): Page {
  const script = `
    const feed = document.getElementById('feed');
    const terms = ${JSON.stringify(PLANTED)};
    const words = ${JSON.stringify(WORDS)};
    let n = 0;
    window.liveBlogStart = performance.now();
    const timer = setInterval(() => {
      for (let i = 0; i < ${perSecond / 10}; i++, n++) {
        const p = document.createElement('p');
        const w = [];
        for (let k = 0; k < 30; k++) w.push(k === 15 && n % 3 === 0 ? terms[n % terms.length] : words[(n * 31 + k * 7) % words.length]);
        p.textContent = 'Update ' + n + ': ' + w.join(' ') + '.';
        feed.append(p);
      }
      if (n >= ${perSecond * seconds}) { clearInterval(timer); window.liveBlogDone = performance.now(); }
    }, 100);`;
  return {
    name: `live-blog-${perSecond}ps-${seconds}s`,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body><h1>Live: PIXL and Jezero crater</h1><main id="feed"></main><script>setTimeout(() => {${script}}, 1500);</script></body></html>`,
  };
}

/** A page whose own script rewrites `nodes` of its text nodes (each holding a term) after a pause, timing itself. */
export function rewritePage(nodes: number): Page {
  const ps = Array.from(
    { length: nodes },
    (_, i) => `<p>Item ${i}: ${escape(PLANTED[i % PLANTED.length]!)} reports.</p>`,
  );
  const script = `
    setTimeout(() => {
      const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild);
      const t0 = performance.now();
      for (let round = 0; round < 5; round++)
        for (let i = 0; i < texts.length; i++) texts[i].data = 'Item ' + i + ' (' + round + '): ' + ${JSON.stringify(PLANTED)}[(i + round) % ${PLANTED.length}] + ' reports.';
      document.body.offsetHeight;
      window.rewriteMs = performance.now() - t0;
    }, 2500);`;
  return {
    name: `rewrite-${nodes}`,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rewrite</title></head><body><h1>Jezero crater log</h1>${ps.join('')}<script>${script}</script></body></html>`,
  };
}

/** An ordinary local-news page with no Mars term: nav, a story, a sidebar, a footer. */
function newsBody(rand: () => number, paragraphs: number): string {
  const para = () => {
    const out: string[] = [];
    for (let i = 0; i < 40 + Math.floor(rand() * 40); i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    return out.join(' ');
  };
  const nav = ['Home', 'Local', 'Sport', 'Weather', 'Business', 'Opinion', 'Events']
    .map((w) => `<a href="#${w}">${w}</a>`)
    .join(' ');
  const story = Array.from({ length: paragraphs }, () => `<p>${para()}.</p>`).join('');
  const side = Array.from({ length: 6 }, (_, i) => `<li><a href="#s${i}">${para().slice(0, 60)}</a></li>`).join('');
  return `<header><nav>${nav}</nav></header><main><h1>Council approves new river bridge</h1><p class="byline">By a staff writer</p>${story}</main><aside><h2>Most read</h2><ul>${side}</ul></aside><footer><p>${para()}</p></footer>`;
}

/**
 * The off-topic news page, with `frames` small ad-like frames: half `srcdoc`, half
 * about:blank filled by the page's script, each a few lines of text.
 */
export function offTopic(frames: number, seed = 3): Page {
  const rand = prng(seed);
  const body = newsBody(rand, 12);
  const ad = () => {
    const words = Array.from({ length: 24 }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    return `<p><b>Sponsored</b> ${words.slice(0, 12).join(' ')}.</p><p>${words.slice(12).join(' ')}. <a href="#">Learn more</a></p>`;
  };
  const srcdoc: string[] = [];
  const blank: string[] = [];
  for (let i = 0; i < frames; i++) {
    if (i % 2 === 0)
      srcdoc.push(
        `<iframe width="300" height="120" srcdoc="${ad().replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`,
      );
    else blank.push(ad());
  }
  const fill = blank.length
    ? `<script>for (const html of ${JSON.stringify(blank)}) { const f = document.createElement('iframe'); f.width = 300; f.height = 120; document.getElementById('ads').append(f); f.contentDocument.body.innerHTML = html; }</script>`
    : '';
  return {
    name: `off-topic-${frames}f`,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local news</title><style>body{font:16px/1.5 sans-serif;max-width:70em;margin:auto}iframe{border:1px solid #ccc}</style></head><body>${body}<div id="ads">${srcdoc.join('')}</div>${fill}</body></html>`,
  };
}

/** A page with no text at all: a canvas app and a few images. */
export function noText(): Page {
  const imgs = Array.from(
    { length: 8 },
    (_, i) =>
      `<img alt="" width="64" height="64" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E#${i}">`,
  ).join('');
  return {
    name: 'no-text',
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canvas</title></head><body><canvas id="c" width="400" height="300"></canvas>${imgs}<script>const g = document.getElementById('c').getContext('2d'); g.fillRect(10, 10, 100, 100);</script></body></html>`,
  };
}
