import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { draftEntries } from '../../lib/library/draft';

// `npm run draft` on today's seeds rediscovers the definitions the fact base was built
// from, and on a new article drafts entries in the shape of seeds/facts.yaml.

const seeds = ['seeds/000_8cc301e64d225afa.txt', 'seeds/002_9a0b321266f142ae.txt'].map((f) => readFileSync(f, 'utf8'));

describe('npm run draft', () => {
  it('rediscovers the NASA, JPL and PIXL definitions in the seeds, as entities the fact base has', () => {
    const drafts = seeds.map((s) => draftEntries(s, factBase)).join('\n');
    expect(drafts).toContain('#   nasa: National Aeronautics and Space Administration = NASA');
    expect(drafts).toContain('#   jpl: Jet Propulsion Laboratory = JPL');
    expect(drafts).toContain('#   pixl: Planetary Instrument for X-ray Lithochemistry = Jas Pixl, PIXL');
    expect(drafts).toContain('#   mastcam-z (Mastcam-Z):');
  });

  it('drafts a new term as an entity in the fact file’s shape, citing its defining sentence verbatim', () => {
    const article =
      'NASA said the Mars Oxygen In-Situ Resource Utilization Experiment (MOXIE) made oxygen on Mars. MOXIE sits inside Perseverance.';
    const draft = draftEntries(article, factBase, '007');
    const yaml = parse(draft) as {
      entities: {
        id: string;
        name: string;
        aliases: { text: string }[];
        facts: { cite: { seed: string; quote: string }[] }[];
      }[];
    };
    expect(yaml.entities).toHaveLength(1);
    const [moxie] = yaml.entities;
    expect(moxie).toMatchObject({
      id: 'moxie',
      name: 'Mars Oxygen In-Situ Resource Utilization Experiment',
      aliases: [{ text: 'MOXIE' }],
    });
    expect(moxie!.facts[0]!.cite[0]).toEqual({
      seed: '007',
      quote: 'NASA said the Mars Oxygen In-Situ Resource Utilization Experiment (MOXIE) made oxygen on Mars.',
    });
    expect(draft).toContain('#   nasa (NASA):');
  });

  it('runs from the command line, and says how when given no file', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/draft.ts', 'seeds/000_8cc301e64d225afa.txt'], {
      encoding: 'utf8',
    });
    expect(out).toContain('Jet Propulsion Laboratory = JPL');
    expect(() => execFileSync('npx', ['tsx', 'scripts/draft.ts'], { stdio: 'pipe' })).toThrow(/usage: npm run draft/);
  });
});
