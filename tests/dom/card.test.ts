/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { buildCard, type MuteReason } from '../../lib/tooltip/card';

const pixl = factBase.entities.find((e) => e.id === 'pixl')!;
const sources = new Map(factBase.sources.map((s) => [s.id, s]));

function card(onMute?: (reason: MuteReason) => void) {
  return buildCard(document, {
    entity: pixl,
    alias: pixl.aliases[0]!,
    pageText: 'PIXL',
    sources,
    namesOnPage: [],
    onOpen: () => undefined,
    onMute,
  });
}

const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map((b) => b.textContent);

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
