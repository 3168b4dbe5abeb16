import { describe, expect, it } from 'vitest';
import { compileFactBase } from '../../lib/facts/compile';
import { loadFactInput } from '../../lib/facts/load-input';
import { TermMatcher } from '../../lib/match/term-matcher';
import { TopicGate } from '../../lib/match/topic-gate';

const matcher = new TermMatcher(compileFactBase(loadFactInput('seeds')));

function marked(text: string): string[] {
  const gate = new TopicGate();
  const matches = matcher.find(text);
  gate.observe(matches);
  return gate.admit(matches).map((m) => text.slice(m.start, m.end));
}

describe('TopicGate with the real fact base', () => {
  it.each([
    ['perseverance the virtue', 'Perseverance is the key to success; perseverance pays, said the coach.'],
    ['a pop singer and a chocolate bar', 'Bruno Mars ate two Mars bars before the show at the Mars Hill arena.'],
    ['everyday words', 'She grabbed the microphone, checked her parachute and shot a panorama of the crater rim.'],
    [
      'ambiguous words never vote for themselves',
      'Mars Mars Mars. Perseverance, Perseverance. Martian microphone parachute.',
    ],
  ])('marks nothing on an off-topic page: %s', (_name, text) => {
    expect(marked(text)).toEqual([]);
  });

  it('marks ambiguous words once strong evidence is on the page', () => {
    expect(marked('Perseverance used PIXL on a rock near its microphone on Mars.')).toEqual([
      'Perseverance',
      'PIXL',
      'microphone',
      'Mars',
    ]);
  });

  it('needs more than one weak signal', () => {
    expect(marked('NASA said the microphone works.')).toEqual(['NASA']);
    expect(marked('NASA and JPL said the microphone on Mars works.')).toEqual(['NASA', 'JPL', 'microphone', 'Mars']);
  });

  it('keeps traps out even on a Mars page', () => {
    expect(marked('Jezero crater news: Bruno Mars sang while Mars bars were handed out.')).toEqual(['Jezero crater']);
  });

  it('only turns on, and says when it does', () => {
    const gate = new TopicGate();
    expect(gate.observe(matcher.find('Mars is red.'))).toBe(false);
    expect(gate.observe(matcher.find('Mastcam-Z took it.'))).toBe(true);
    expect(gate.observe(matcher.find('nothing here'))).toBe(false);
    expect(gate.onTopic).toBe(true);
  });

  it('treats variant spellings as the entity they stand for', () => {
    const found = matcher.find('The Jazero crater and Jas Pixl; Wo Turkins spoke.');
    expect(found.map((m) => [m.entityId, m.alias.variant])).toEqual([
      ['jezero-crater', true],
      ['pixl', true],
      ['michael-watkins', true],
    ]);
  });
});
