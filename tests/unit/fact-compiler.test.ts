import { describe, expect, it } from 'vitest';
import { compileFactBase, type FactInput } from '../../lib/facts/compile';
import { FactDataError, type Problem } from '../../lib/facts/problems';
import { everydayWordRanks } from '../../lib/facts/word-ranks';

// One test per failure class: each must fail with the file, the line and the entry.

const SEED = 'NASA landed the Perseverance rover in Jezero crater.\n\nPIXL is an X-ray instrument.';
const SOURCES = `- id: '000'
  file: 000_abc.txt
  outlet: Test Wire
  date: '2021-02-23'
  dateNote: stated in the dateline
  title: Test article
`;
const entity = (id: string, alias: string, quote: string, seed = "'000'") => `  - id: ${id}
    name: ${id}
    category: place
    evidence: strong
    summary: A test entity.
    aliases:
      - ${alias.startsWith('{') ? alias : `text: ${alias}`}
    facts:
      - text: A fact.
        cite:
          - seed: ${seed}
            quote: ${quote}
`;

function input(facts: string, sources = SOURCES): FactInput {
  return {
    sources: { name: 'seeds/sources.yaml', text: sources },
    facts: { name: 'seeds/facts.yaml', text: facts },
    seeds: { '000_abc.txt': SEED },
    wordRanks: everydayWordRanks(),
  };
}

function problemsOf(i: FactInput): Problem[] {
  try {
    compileFactBase(i);
  } catch (err) {
    if (err instanceof FactDataError) return err.problems;
    throw err;
  }
  throw new Error('expected the fact base to be rejected');
}

describe('compileFactBase', () => {
  it('compiles valid data and records quote offsets in the seed', () => {
    const base = compileFactBase(
      input(`entities:\n${entity('jezero', 'Jezero', 'Perseverance rover in   Jezero crater')}`),
    );
    const citation = base.entities[0]!.facts[0]!.citations[0]!;
    expect(SEED.slice(citation.start, citation.end)).toBe('Perseverance rover in Jezero crater');
    expect(base.entities[0]!.news.map((n) => n.text)).toEqual(['NASA landed the Perseverance rover in Jezero crater.']);
  });

  it('rejects a quote that is not in its seed', () => {
    const [p, ...rest] = problemsOf(input(`entities:\n${entity('jezero', 'Jezero', 'Jezero crater on Venus')}`));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 13, entry: "entity 'jezero' fact 1 citation 1" });
    expect(p!.message).toMatch(/quote not found verbatim in seed '000'/);
  });

  it('rejects an unknown seed', () => {
    const [p] = problemsOf(input(`entities:\n${entity('jezero', 'Jezero', 'Jezero crater', "'009'")}`));
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 12, entry: "entity 'jezero' fact 1 citation 1" });
    expect(p!.message).toMatch(/unknown seed '009'/);
  });

  it('rejects a duplicate alias across entities', () => {
    const facts = `entities:\n${entity('one', 'Jezero', 'Jezero crater')}${entity('two', 'jezero', 'PIXL')}`;
    const [p] = problemsOf(input(facts));
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 20, entry: "entity 'two'" });
    expect(p!.message).toMatch(/duplicate alias 'jezero' in entities 'one' and 'two'/);
  });

  it('accepts a shared alias that is explicitly searchOnly on all but one entity', () => {
    const facts = `entities:\n${entity('one', 'Jezero', 'Jezero crater')}${entity('two', '{ text: jezero, searchOnly: true }', 'PIXL')}`;
    expect(() => compileFactBase(input(facts))).not.toThrow();
  });

  it('rejects an entity without a source', () => {
    const facts = `entities:
  - id: lonely
    name: Lonely
    category: place
    evidence: none
    summary: Has no facts.
    aliases:
      - text: Lonely
`;
    const [p] = problemsOf(input(facts));
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 2, entry: "entity 'lonely'" });
    expect(p!.message).toMatch(/no source/);
  });

  it('rejects a fact without a citation', () => {
    const facts = entity('jezero', 'Jezero', 'x').replace(/ {8}cite:[\s\S]*$/, '        cite: []\n');
    const [p] = problemsOf(input(`entities:\n${facts}`));
    expect(p!.message).toMatch(/fact has no citation/);
    expect(p!.line).toBe(10);
  });

  it('rejects a malformed file with its line', () => {
    const [p] = problemsOf(input('entities:\n  - id: x\n    name: [unclosed\n'));
    expect(p!.file).toBe('seeds/facts.yaml');
    expect(p!.message).toMatch(/malformed YAML/);
    expect(p!.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a wrong field with its line and entry', () => {
    const facts = `entities:\n${entity('jezero', 'Jezero', 'Jezero crater').replace('category: place', 'category: planet')}`;
    const [p] = problemsOf(input(facts));
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 4, entry: "entity 'jezero'" });
    expect(p!.message).toMatch(/entities\[0\]\.category/);
  });

  it('rejects a source whose seed file does not exist', () => {
    const [p] = problemsOf(
      input(`entities:\n${entity('jezero', 'Jezero', 'Jezero crater')}`, SOURCES.replace('000_abc.txt', '000_def.txt')),
    );
    expect(p).toMatchObject({ file: 'seeds/sources.yaml', line: 2, entry: "source '000'" });
    expect(p!.message).toMatch(/does not exist/);
  });

  it('lists every problem at once and formats them as file:line', () => {
    const facts = `entities:\n${entity('one', 'Jezero', 'not here')}${entity('two', 'PIXL', 'nor here')}`;
    try {
      compileFactBase(input(facts));
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain("seeds/facts.yaml:13: entity 'one' fact 1 citation 1: quote not found");
      expect((err as Error).message).toContain("seeds/facts.yaml:25: entity 'two' fact 1 citation 1");
    }
  });

  it('refuses an alias made only of everyday words unless it is ambiguous, naming file, line and entry', () => {
    const [p, ...rest] = problemsOf(input(`entities:\n${entity('navcam', 'navigation camera', 'Jezero crater')}`));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 8, entry: "entity 'navcam' alias 'navigation camera'" });
    expect(p!.message).toMatch(/everyday English words.*mark it ambiguous: true/);
    // Ambiguous, it compiles (and the entity needs another alias to claim evidence).
    const both =
      `entities:\n${entity('navcam', '{ text: navigation camera, ambiguous: true }', 'Jezero crater')}`.replace(
        '      - { text: navigation camera, ambiguous: true }',
        '      - { text: navigation camera, ambiguous: true }\n      - { text: Navcam }',
      );
    expect(() => compileFactBase(input(both))).not.toThrow();
  });

  it('takes acronyms, numbers and rare words as no everyday phrase', () => {
    for (const alias of ['NASA', 'Mars 2020', 'hazard avoidance camera', 'Jezero crater', '{ text: Mastcam-Z }'])
      expect(() => compileFactBase(input(`entities:\n${entity('e', alias, 'Jezero crater')}`))).not.toThrow();
    // "Nasa" matched whatever its case is the everyday word.
    expect(
      problemsOf(input(`entities:\n${entity('e', '{ text: nasa, case: insensitive }', 'Jezero crater')}`)),
    ).toHaveLength(1);
  });

  it('refuses evidence from an entity whose every alias is ambiguous', () => {
    const [p, ...rest] = problemsOf(
      input(`entities:\n${entity('video', '{ text: landing video, ambiguous: true }', 'Jezero crater')}`),
    );
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'seeds/facts.yaml', line: 5, entry: "entity 'video'" });
    expect(p!.message).toMatch(/use evidence: none/);
  });
});
