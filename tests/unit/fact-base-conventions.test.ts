import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFactBase } from '../../lib/facts/compile';
import { loadFactInput } from '../../lib/facts/load-input';

// The real fact base, compiled from seeds/ as the build does it.
const input = loadFactInput('seeds');
const base = compileFactBase(input);
const seedText = (id: string) => input.seeds[base.sources.find((s) => s.id === id)!.file]!;
const byId = new Map(base.entities.map((e) => [e.id, e]));

describe('the fact base', () => {
  it('keeps the seed articles byte for byte', () => {
    for (const file of Object.keys(input.seeds)) {
      expect(readFileSync(`seeds/${file}`)).toEqual(readFileSync(`../shared/seeds/${file}`));
    }
  });

  it('cites at least one verbatim quote for every fact of every entity', () => {
    for (const entity of base.entities) {
      expect(entity.facts.length, entity.id).toBeGreaterThan(0);
      for (const fact of entity.facts) {
        expect(fact.citations.length, fact.text).toBeGreaterThan(0);
        for (const c of fact.citations) {
          const found = seedText(c.source).slice(c.start, c.end).replace(/\s+/g, ' ');
          expect(found).toBe(c.quote.trim().replace(/\s+/g, ' '));
        }
      }
    }
  });

  it.each([
    ['perseverance', 'Perseverance'],
    ['mars-2020', 'Mars 2020'],
    ['nasa', 'NASA'],
    ['jpl', 'JPL'],
    ['michael-watkins', 'Michael Watkins'],
    ['jezero-crater', 'Jezero'],
    ['mastcam-z', 'Mastcam-Z'],
    ['pixl', 'PIXL'],
    ['hazard-cameras', 'hazard camera'],
    ['navigation-camera', 'navigation camera'],
    ['microphone', 'microphone'],
    ['first-audio', 'Sound of Mars'],
    ['panorama', '360-degree panorama'],
    ['landing-video', 'landing video'],
    ['parachute', 'parachute'],
    ['robotic-arm', 'robotic arm'],
    ['microbial-fossils', 'microbial fossils'],
    ['landing', 'landed on Mars'],
    ['malin-space-science-systems', 'Malin Space Science Systems'],
    ['arizona-state-university', 'Arizona State University'],
  ])('covers %s (alias "%s")', (id, alias) => {
    expect(byId.get(id)?.aliases.map((a) => a.text)).toContain(alias);
  });

  it('knows the variant spellings the seeds use', () => {
    const variants = base.entities.flatMap((e) =>
      e.aliases.filter((a) => a.variant).map((a) => `${a.text} -> ${e.id}`),
    );
    expect(variants).toEqual(
      expect.arrayContaining([
        'Jazero -> jezero-crater',
        'Jas Pixl -> pixl',
        'Wo Turkins -> michael-watkins',
        'Malin Space Science System -> malin-space-science-systems',
      ]),
    );
  });

  it('matches acronyms case-sensitively and flags everyday words as ambiguous', () => {
    const alias = (id: string, text: string) => byId.get(id)!.aliases.find((a) => a.text === text)!;
    for (const [id, text] of [
      ['pixl', 'PIXL'],
      ['jpl', 'JPL'],
      ['nasa', 'NASA'],
    ] as const)
      expect(alias(id, text).caseSensitive).toBe(true);
    for (const [id, text] of [
      ['perseverance', 'Perseverance'],
      ['microphone', 'microphone'],
      ['parachute', 'parachute'],
      ['panorama', 'panorama'],
      ['mars', 'Mars'],
    ] as const) {
      expect(alias(id, text).ambiguous, text).toBe(true);
    }
  });

  it('names an outlet and date for every source, and never invents one for 002', () => {
    const s002 = base.sources.find((s) => s.id === '002')!;
    expect(s002.outlet).toMatch(/unattributed/i);
    expect(s002.dateApproximate).toBe(true);
    expect(s002.dateNote).toMatch(/inferred|names neither/i);
    expect(base.sources.find((s) => s.id === '000')).toMatchObject({
      outlet: 'China News Service',
      date: '2021-02-23',
    });
  });

  it('turns no garbled sentence into a fact or into news context', () => {
    const garbled = ['NASA has already sent a rover to Mars.', 'sent a spectacular picture taken by Mars from Earth'];
    for (const e of base.entities) {
      for (const g of garbled) {
        expect(e.facts.some((f) => f.citations.some((c) => c.quote.includes(g)))).toBe(false);
        expect(e.news.some((n) => n.text.includes(g))).toBe(false);
      }
    }
  });

  it('gathers "in the news" sentences that mention the entity', () => {
    const jezero = byId.get('jezero-crater')!.news;
    expect(jezero.length).toBeGreaterThanOrEqual(3);
    for (const n of jezero) expect(n.text).toMatch(/Jazero|Jezero/);
    for (const n of jezero) expect(seedText(n.source).slice(n.start, n.start + n.text.length)).toBe(n.text);
  });

  it('links only to entities that exist', () => {
    for (const e of base.entities) for (const r of e.related) expect(byId.has(r), `${e.id} -> ${r}`).toBe(true);
  });
});
