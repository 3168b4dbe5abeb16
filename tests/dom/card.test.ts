/** @vitest-environment happy-dom */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { cardData } from '../../lib/facts/card-data';
import type { Entity } from '../../lib/facts/types';
import { buildCard, cardText, type MuteReason } from '../../lib/tooltip/card';

const pixl = factBase.entities.find((e) => e.id === 'pixl')!;
const sources = new Map(factBase.sources.map((s) => [s.id, s]));
const dataOf = (entity: Entity, src = sources) =>
  cardData({ entities: new Map([[entity.id, entity]]), sources: src }, entity.id, [])!;

function card(onMute?: (reason: MuteReason) => void) {
  return buildCard(document, {
    card: dataOf(pixl),
    alias: pixl.aliases[0]!,
    pageText: 'PIXL',
    onOpen: () => undefined,
    onMute,
  });
}

const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map(cardText);
/** Text nodes in the card: none, so the browser's find cannot search it. */
const textNodes = (el: HTMLElement) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
};

describe('tooltip card feedback', () => {
  it('offers both feedback buttons, and calls back only on a trusted click', () => {
    const onMute = vi.fn();
    const el = card(onMute);
    expect(buttons(el)).toEqual([
      'Show quotes',
      'All 4 facts in Mars Lens',
      "Don't mark this term on this site",
      'Wrong meaning here',
    ]);
    const [dont, wrong] = [...el.querySelectorAll<HTMLButtonElement>('.feedback button')];
    // A page's synthetic click (untrusted) does nothing.
    dont!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onMute).not.toHaveBeenCalled();
    // The reader's own click is trusted.
    const trusted = (type: string) => Object.defineProperty(new MouseEvent(type), 'isTrusted', { value: true });
    dont!.dispatchEvent(trusted('click'));
    wrong!.dispatchEvent(trusted('click'));
    expect(onMute.mock.calls).toEqual([['not-on-site'], ['wrong-meaning']]);
  });

  it('leaves feedback out where there is no site to remember it for', () => {
    expect(buttons(card())).toEqual(['Show quotes', 'All 4 facts in Mars Lens']);
  });
});

describe('tooltip card from random fact text', () => {
  const markupish = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '&lt;b&gt;',
      '<!--',
      ']]>',
      '"\'><svg/onload=1>',
    ),
  );
  it('never makes an element the renderer did not, whatever the data says', () => {
    const shape = (el: Element) => [...el.querySelectorAll('*')].map((e) => e.localName).join(',');
    const plain = shape(card());
    fc.assert(
      fc.property(markupish, markupish, markupish, markupish, markupish, (name, summary, fact, quote, outlet) => {
        const entity = {
          ...pixl,
          name,
          summary,
          facts: [{ text: fact, citations: [{ source: '000', quote, start: 0, end: 0 }] }, ...pixl.facts.slice(1)],
        };
        const hostile = new Map(sources);
        hostile.set('000', { ...sources.get('000')!, outlet });
        const el = buildCard(document, {
          card: dataOf(entity, hostile),
          alias: pixl.aliases[0]!,
          pageText: name,
          onOpen: () => undefined,
        });
        // The same elements as with the real data, and the data only ever as text.
        expect(shape(el)).toBe(plain);
        expect(cardText(el.querySelector('.name')!)).toBe(name);
        expect(cardText(el.querySelector('.summary')!)).toBe(summary);
        expect(cardText(el.querySelector('.fact')!)).toBe(fact);
        expect(cardText(el.querySelector('.quote')!)).toBe(`“${quote}”`);
        expect(textNodes(el)).toBe(0);
      }),
      { numRuns: 2000 },
    );
    // 2,000 cards take about 3 s alone, more on a busy machine.
  }, 30_000);
});

describe('"From your reading" on a card', () => {
  const reading = [
    {
      quote: 'SHERLOC works with PIXL.',
      title: 'Organics on Mars',
      site: 'Example News',
      published: '2021-03-04',
      url: 'https://news.example.org/a',
    },
    { quote: 'A trap.', title: 'Trap', site: 'Evil', published: '', url: 'javascript:alert(1)' },
  ];
  it('quotes saved articles verbatim with site, date and a link back, http and https only, with no text nodes', () => {
    const el = buildCard(document, {
      card: { ...dataOf(pixl), reading },
      alias: pixl.aliases[0]!,
      pageText: 'PIXL',
      onOpen: () => undefined,
    });
    expect(cardText(el.querySelector('.reading-head')!)).toBe('From your reading');
    const items = [...el.querySelectorAll('.reading li')];
    expect(items.map(cardText)).toEqual(['“SHERLOC works with PIXL.”Example News, 4 March 2021 · Organics on Mars']);
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => [a.href, a.target, a.rel])).toEqual([
      ['https://news.example.org/a', '_blank', 'noopener noreferrer'],
    ]);
    expect(textNodes(el)).toBe(0);
  });

  it('is left out when nothing saved mentions the entity', () => {
    expect(card().querySelector('.reading-head')).toBeNull();
  });
});
