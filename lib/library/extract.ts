import { Readability } from '@mozilla/readability';
import { isWebUrl, type ExtractedArticle } from './library';

// The article in a page, as Firefox's Reader View finds it (@mozilla/readability): its
// text with a blank line between blocks, title, site, byline and published date from
// the page's metadata. Readability works on a copy of the document (it rewrites what it
// reads), so the page itself is never touched; the content comes back as elements, not
// HTML, and only its text is kept. This runs only when the reader saves an article
// (entrypoints/extract.ts, injected by the popup), never in the frames' script.

/** How much text an article may have to be saved (the fact-pack cap). */
export const MAX_ARTICLE_CHARS = 1_000_000;

export type Extraction = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'figcaption',
  'td',
  'th',
  'dd',
  'dt',
  'br',
  'hr',
  'tr',
  'ul',
  'ol',
  'table',
  'figure',
]);

/** An element's text with a blank line between its blocks and single spaces within them. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  let line = '';
  const end = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) parts.push(text);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).localName;
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return;
    const block = BLOCKS.has(name);
    if (block) end();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) end();
  };
  walk(root);
  end();
  return parts.join('\n\n');
}

/** YYYY-MM-DD of a date the page gives, or ''. */
export function isoDay(value: string | null | undefined): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (plain) return `${plain[1]}-${plain[2]}-${plain[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

/** The article of doc (a page at url); a reason where there is none to save. */
export function extractArticle(doc: Document, url: string): Extraction {
  if (!isWebUrl(url)) return { ok: false, reason: 'Only pages from the web (http or https) can be saved.' };
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    const copy = doc.cloneNode(true) as Document;
    parsed = new Readability<Element>(copy, { serializer: (el) => el as Element }).parse();
  } catch (e) {
    return { ok: false, reason: `The page's article could not be read (${(e as Error).message}).` };
  }
  const content = parsed?.content;
  const text = content ? blockText(content) : '';
  if (!parsed || text.length < 80) return { ok: false, reason: 'No article was found on this page.' };
  if (text.length > MAX_ARTICLE_CHARS)
    return { ok: false, reason: 'This article is too long to save (over a million characters).' };
  const host = new URL(url).hostname.replace(/^www\./, '');
  return {
    ok: true,
    article: {
      url,
      title: (parsed.title ?? '').trim() || doc.title.trim() || host,
      site: (parsed.siteName ?? '').trim() || host,
      byline: (parsed.byline ?? '').trim(),
      published: isoDay(parsed.publishedTime),
      text,
    },
  };
}
