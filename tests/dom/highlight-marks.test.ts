/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { HighlightMarks, randomHighlightName } from '../../lib/page/highlight-marks';
import { fakeHighlightEnv } from '../support/fake-highlights';

describe('HighlightMarks', () => {
  it('uses a fresh unguessable name per instance and puts the highlight back if the page clears it', () => {
    document.body.innerHTML = '<p>JPL</p>';
    const text = document.querySelector('p')!.firstChild!;
    const env = fakeHighlightEnv();
    const a = new HighlightMarks(env);
    expect(new HighlightMarks(env).name).not.toBe(a.name);
    expect(a.ensureRegistered()).toBe(false); // nothing to show, nothing registered
    expect(env.registry.size).toBe(0);
    const range = a.range({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 });
    a.add(range);
    // Staged, not drawn: nothing registered until the commit, which draws it in one go.
    expect(a.has(range)).toBe(true);
    expect(a.ensureRegistered()).toBe(false);
    expect(env.registry.size).toBe(0);
    a.commit();
    expect(env.registry.get(a.name)?.size).toBe(1);
    env.registry.clear();
    env.registry.clear();
    expect(a.ensureRegistered()).toBe(true);
    expect(env.registry.get(a.name)?.size).toBe(1);
    env.registry.set(a.name, new Set());
    a.ensureRegistered();
    expect(env.registry.get(a.name)?.size).toBe(1);
    expect(a.ensureRegistered()).toBe(false);
    // The page empties our Highlight, or adds its own range to it: drawn afresh.
    env.registry.get(a.name)!.clear();
    expect(a.ensureRegistered()).toBe(true);
    expect([...env.registry.get(a.name)!]).toEqual([range]);
    const fake = a.range({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 });
    env.registry.get(a.name)!.add(fake);
    expect(a.ensureRegistered()).toBe(true);
    expect([...env.registry.get(a.name)!]).toEqual([range]);
    expect(a.has(fake)).toBe(false);
    a.clear();
    expect(env.registry.size).toBe(0);
  });

  it('names highlights without randomUUID, which insecure (plain http) pages lack', () => {
    const insecureCrypto = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const a = randomHighlightName(insecureCrypto);
    expect(a).toMatch(/^ml-[0-9a-f]{32}$/);
    expect(randomHighlightName(insecureCrypto)).not.toBe(a);
  });
});
