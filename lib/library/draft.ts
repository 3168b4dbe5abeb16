import { stringify } from 'yaml';
import type { Entity } from '../facts/types';
import { analyzeArticle } from './analyze';

// `npm run draft -- <article.txt>`: the library's extraction run on a new seed, printed
// as draft entries in the shape of seeds/facts.yaml for a person to edit in. New terms
// the article defines become entity drafts whose one fact cites the defining sentence;
// known entities it defines or mentions are listed with their sentences, as comments.
// Nothing is decided here: the compiler (`npm run facts`) stays the judge.

const TODO = 'TODO';

export function draftEntries(
  text: string,
  base: { entities: readonly Entity[]; traps: readonly string[] },
  seed = TODO,
): string {
  const analysis = analyzeArticle({ text }, base);
  const fresh = analysis.terms.filter((t) => !t.known);
  const again = analysis.terms.filter((t) => t.known);
  const out: string[] = [
    '# Draft entries from the extraction (lib/library/draft.ts). Edit them into seeds/facts.yaml:',
    '# pick each category and evidence, write summaries and facts in our own words, and keep',
    '# the quotes verbatim. `npm run facts` checks everything.',
    '',
  ];
  if (fresh.length) {
    out.push('# New terms the article defines:');
    const entities = fresh.map((t) => ({
      id: t.id.replace(/^lib-/, ''),
      name: t.name,
      category: TODO,
      evidence: TODO,
      summary: TODO,
      aliases: t.aliases.map((a) => ({ text: a })),
      facts: [{ text: TODO, cite: [{ seed, quote: t.definition }] }],
    }));
    out.push(stringify({ entities }, { lineWidth: 0 }).trimEnd(), '');
  } else out.push('# The article defines no new terms.', '');
  if (again.length) {
    out.push('# Definitions of entities the fact base already has:');
    for (const t of again) out.push(`#   ${t.known}: ${t.name} = ${t.aliases.join(', ')}`, `#     “${t.definition}”`);
    out.push('');
  }
  if (analysis.mentions.length) {
    out.push('# Known entities the article mentions, with their sentences:');
    for (const m of analysis.mentions) {
      out.push(`#   ${m.entityId} (${m.name}):`);
      for (const i of m.sentences) out.push(`#     - “${analysis.sentences[i]}”`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
