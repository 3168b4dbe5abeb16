// The terms an article defines, found in its sentences:
//
// - acronyms with their expansion, by Schwartz and Hearst's algorithm ("A simple
//   algorithm for identifying abbreviation definitions in biomedical text", PSB 2003):
//   "Jet Propulsion Laboratory (JPL)", and the other way round, "JPL (Jet Propulsion
//   Laboratory)";
// - other names: "X, also called Y", "X, also known as Y", "X, known as Y",
//   "X (also called Y)". When Y ends in a word that abbreviates X by the same algorithm
//   ("Planetary Instrument for X-ray Lithochemistry, also called Jas Pixl"), that word
//   is the acronym.
//
// Each definition keeps the sentence it was found in, verbatim: the quote that backs it.

export type DefinitionKind = 'acronym' | 'also-called';

export interface Definition {
  kind: DefinitionKind;
  /** The long name ("Jet Propulsion Laboratory"). */
  name: string;
  /** The other names it is given here ("JPL"; "Jas Pixl" and "PIXL"). */
  aliases: string[];
  /** The sentence that defines it, verbatim. */
  sentence: string;
}

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Words as the algorithm counts them. */
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Whether text may be a short form: 2 to 10 characters, at most two words, starting
 * with a letter or digit, with at least one capital letter and not a plain number or
 * ordinary capitalised word ("Mars").
 */
export function isShortForm(text: string): boolean {
  const s = text.trim();
  if (s.length < 2 || s.length > 10 || words(s).length > 2) return false;
  if (!isAlnum(s[0]) || !/\p{L}/u.test(s)) return false;
  // Mostly capitals, or capitals after the first letter ("MOXIE", "SuperCam", "Pixl" is not).
  const capitals = [...s].filter((c) => /\p{Lu}/u.test(c)).length;
  return capitals >= 2 || (capitals === 1 && /\p{Lu}/u.test(s[0]!) && /\d/.test(s));
}

/**
 * Schwartz and Hearst's best long form for short within candidate (the words before it):
 * every letter or digit of short, right to left, matched in order in candidate, the
 * first at the start of a word. Undefined where none fits.
 */
export function bestLongForm(short: string, candidate: string): string | undefined {
  let s = short.length - 1;
  let l = candidate.length - 1;
  while (s >= 0) {
    const c = short[s]!.toLowerCase();
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while ((l >= 0 && candidate[l]!.toLowerCase() !== c) || (s === 0 && l > 0 && isAlnum(candidate[l - 1]))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = candidate.lastIndexOf(' ', l) + 1;
  const long = candidate.slice(start).trim();
  return long;
}

/** Checks a pair the way the algorithm does: longer than its short form, not containing it, not too many words. */
function acceptable(short: string, long: string | undefined): long is string {
  if (!long) return false;
  const n = words(long).length;
  const k = short.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (long.length <= short.length || n > Math.min(k + 5, k * 2)) return false;
  if (long.toLowerCase().includes(short.toLowerCase())) return false;
  // The expansion of a name starts with a capital or a digit: "the rover (NASA)" is no definition of NASA.
  return /^[\p{Lu}\p{N}]/u.test(long);
}

/** The last `limit` words of text (with what lies between them). */
function lastWords(text: string, limit: number): string {
  const all = [...text.matchAll(/\S+/g)];
  if (all.length <= limit) return text.trim();
  return text.slice(all[all.length - limit]!.index).trim();
}

/** Words that end a name before a definition ("… of the rover, JPL (…)" keeps only the name). */
const cutAt = /[,;:“”"()[\]]/u;

function acronyms(sentence: string): Definition[] {
  const out: Definition[] = [];
  for (const m of sentence.matchAll(/\(([^()]{1,120})\)/g)) {
    const inside = m[1]!.trim();
    const before = sentence.slice(0, m.index);
    // Only the clause before the parenthesis can be its long form.
    const clause = before.split(cutAt).at(-1) ?? '';
    if (isShortForm(inside)) {
      const k = inside.replace(/[^\p{L}\p{N}]/gu, '').length;
      const long = bestLongForm(inside, lastWords(clause, Math.min(k + 5, k * 2)));
      if (acceptable(inside, long)) out.push({ kind: 'acronym', name: long, aliases: [inside], sentence });
      continue;
    }
    // "SHORT (long form)": the word before the parenthesis.
    const prev = /([\p{L}\p{N}][\p{L}\p{N}\-&]*)\s*$/u.exec(before)?.[1];
    if (prev && isShortForm(prev) && words(inside).length > 1) {
      const long = bestLongForm(prev, inside);
      if (acceptable(prev, long) && long === inside.replace(/^(?:the|a|an)\s+/i, '').trim())
        out.push({ kind: 'acronym', name: long, aliases: [prev], sentence });
    }
  }
  return out;
}

// A name: capitalised words, with short lower-case joining words between them.
const WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}\-’'.&]*`;
const JOIN = String.raw`(?:of|for|and|the|de|on|in|to|&)`;
const NAME = String.raw`${WORD}(?:\s+(?:${JOIN}\s+)*${WORD})*`;
const OTHER_NAME = new RegExp(
  String.raw`(${NAME})\s*(?:,\s*|\(\s*)(?:also\s+(?:called|known\s+as|named)|known\s+as|better\s+known\s+as|nicknamed|dubbed)\s+(?:the\s+)?["“]?(${NAME})`,
  'gu',
);
/** Words that are no name on their own. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'It', 'This', 'That', 'They', 'He', 'She', 'We', 'Its', 'Our', 'Their']);

function otherNames(sentence: string): Definition[] {
  const out: Definition[] = [];
  for (const m of sentence.matchAll(OTHER_NAME)) {
    let name = m[1]!.trim();
    const alias = m[2]!.replace(/[.’'"”]+$/u, '').trim();
    // "NASA's Planetary Instrument …": the owner is not part of the name.
    const owner = /^\S+[’']s\s+(.+)$/u.exec(name);
    if (owner) name = owner[1]!;
    name = name.replace(/^(?:The|A|An)\s+/u, '');
    if (!name || NOT_NAMES.has(name) || !alias || name === alias) continue;
    const aliases = [alias];
    // An acronym at the end of the other name.
    const last = words(alias).at(-1)!;
    if (last !== alias || !isShortForm(last)) {
      const fits = bestLongForm(last, name);
      if (fits && fits === name && last.replace(/[^\p{L}\p{N}]/gu, '').length >= 3 && acceptable(last, fits))
        aliases.push(last.toUpperCase());
    }
    out.push({ kind: 'also-called', name, aliases: [...new Set(aliases)], sentence });
  }
  return out;
}

/** The definitions in one sentence. */
export function findDefinitions(sentence: string): Definition[] {
  return [...acronyms(sentence), ...otherNames(sentence)];
}

/** The definitions in a list of sentences, one per name and alias set (the first sentence wins). */
export function definitionsIn(sentences: readonly string[]): Definition[] {
  const seen = new Set<string>();
  const out: Definition[] = [];
  for (const sentence of sentences)
    for (const d of findDefinitions(sentence)) {
      const key = `${d.name.toLowerCase()}|${d.aliases.join('|').toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  return out;
}
