// Builds the demo article `npm start` opens: the seed articles as a news page, with
// outlet, date and title from seeds/sources.yaml. Text goes in as text nodes only.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface SourceMeta {
  id: string;
  file: string;
  outlet: string;
  date: string;
  title: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function demoArticleHtml(seedsDir = 'seeds'): string {
  const sources = parse(readFileSync(`${seedsDir}/sources.yaml`, 'utf8')) as SourceMeta[];
  const articles = sources.map((s) => {
    const paragraphs = readFileSync(`${seedsDir}/${s.file}`, 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escape(p)}</p>`)
      .join('\n');
    return `<article><h2>${escape(s.title)}</h2><p class="byline">${escape(s.outlet)} · ${escape(s.date)}</p>\n${paragraphs}</article>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mars Lens demo: Perseverance news</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-family:system-ui,sans-serif}.byline{color:#666;font:14px system-ui,sans-serif}article{margin-bottom:3rem}</style></head>
<body><h1>Perseverance on Mars: the news</h1>${articles.join('\n')}</body></html>`;
}
