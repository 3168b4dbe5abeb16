import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/facts/sentences';
import { bestLongForm, definitionsIn, findDefinitions, isShortForm } from '../../lib/library/definitions';

// Definitions found in sentences, measured on a labelled set (tests/fixtures/library/
// definitions.json): written Mars-news sentences, hard negatives, and every sentence of
// both seeds. Precision and recall are counted per (name, alias) pair and printed; the
// floors below are what the extractor reaches today, so a change that makes it worse fails.

interface Labelled {
  text: string;
  defines: [string, string][];
}
const set = JSON.parse(readFileSync('tests/fixtures/library/definitions.json', 'utf8')) as {
  sentences: Labelled[];
  seeds: { contains: string; defines: [string, string][] }[];
};
const seedSentences: Labelled[] = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => splitSentences(readFileSync(`seeds/${f}`, 'utf8')))
  .map((s) => ({
    text: s.text,
    defines: set.seeds.filter((l) => s.text.includes(l.contains)).flatMap((l) => l.defines),
  }));

const pairs = (text: string) => new Set(findDefinitions(text).flatMap((d) => d.aliases.map((a) => `${d.name} = ${a}`)));

function measure(sentences: Labelled[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const s of sentences) {
    const found = pairs(s.text);
    const want = new Set(s.defines.map(([n, a]) => `${n} = ${a}`));
    for (const p of found) {
      if (want.has(p)) tp++;
      else {
        fp++;
        misses.push(`wrong: ${p}`);
      }
    }
    for (const p of want) {
      if (found.has(p)) continue;
      fn++;
      misses.push(`missed: ${p}`);
    }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

describe('definitions on the labelled set', () => {
  it('every seed sentence is in the set, and the seeds’ labelled definitions are all found with no wrong one', () => {
    expect(seedSentences.length).toBeGreaterThan(30);
    expect(set.seeds.every((l) => seedSentences.some((s) => s.text.includes(l.contains)))).toBe(true);
    const seeds = measure(seedSentences);
    expect(seeds.misses).toEqual([]);
    expect(seeds.tp).toBe(5);
  });

  it('reaches its precision and recall floors over the whole set', () => {
    const all = measure([...set.sentences, ...seedSentences]);
    console.info(
      `definitions: ${all.tp} right, ${all.fp} wrong, ${all.fn} missed: precision ${(all.precision * 100).toFixed(1)} %, recall ${(all.recall * 100).toFixed(1)} %\n  ${all.misses.join('\n  ')}`,
    );
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('rediscovers the NASA, JPL and PIXL definitions in the seeds', () => {
    const found = definitionsIn(seedSentences.map((s) => s.text));
    const by = (alias: string) => found.find((d) => d.aliases.includes(alias))?.name;
    expect(by('NASA')).toBe('National Aeronautics and Space Administration');
    expect(by('JPL')).toBe('Jet Propulsion Laboratory');
    expect(by('PIXL')).toBe('Planetary Instrument for X-ray Lithochemistry');
    // Each keeps its sentence, verbatim from the seed.
    for (const d of found) expect(seedSentences.some((s) => s.text === d.sentence)).toBe(true);
  });
});

describe('Schwartz and Hearst’s long form', () => {
  // Initials never repeat inside the words (the algorithm takes the shortest long form
  // that fits, so "Aaa Aaa (AA)" is rightly "Aaa").
  const word = fc
    .tuple(fc.constantFrom(...'BCDFGHJKLMNPRSTVWZ'), fc.stringMatching(/^[aeiou]{2,9}$/))
    .map(([a, b]) => a + b);

  it('finds the words an acronym of their initials stands for, after any lead-in', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 2, maxLength: 6 }),
        fc.array(fc.stringMatching(/^[aeiou]{1,6}$/), { maxLength: 3 }),
        (names, lead) => {
          const long = names.join(' ');
          const short = names.map((n) => n[0]).join('');
          expect(isShortForm(short)).toBe(true);
          expect(bestLongForm(short, [...lead, long].join(' '))).toBe(long);
          const [found] = findDefinitions(`${[...lead, long].join(' ')} (${short}) was named.`);
          expect(found).toMatchObject({ kind: 'acronym', name: long, aliases: [short] });
        },
      ),
    );
  });

  it('finds no long form when a letter of the short form is missing from the words', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 5 }), (names) => {
        const long = names.join(' ');
        const missing = [...'QXYZ'].find((c) => !long.toLowerCase().includes(c.toLowerCase()));
        fc.pre(missing !== undefined);
        const short = names.map((n) => n[0]).join('') + missing;
        expect(findDefinitions(`${long} (${short}) was named.`)).toEqual([]);
      }),
    );
  });

  it('takes no plain number, single capitalised word or long phrase for a short form', () => {
    for (const s of ['2021', 'Mars', 'left', 'a', 'see the map above', 'UTC 2021 time'])
      expect(isShortForm(s)).toBe(false);
    for (const s of ['JPL', 'HiRISE', 'MOXIE', 'MSL', 'H2O']) expect(isShortForm(s)).toBe(true);
  });
});
