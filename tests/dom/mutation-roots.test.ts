/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { collectDirty, regionAround, type DirtySet } from '../../lib/page/mutation-roots';

// What a batch of page changes makes the reader read again, from records as browsers
// report them (with the siblings around what was added or removed, which this DOM's own
// observer leaves out).

const record = (over: Partial<MutationRecord>): MutationRecord =>
  ({
    type: 'childList',
    addedNodes: [] as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    previousSibling: null,
    nextSibling: null,
    ...over,
  }) as MutationRecord;
const dirty = (): DirtySet => ({ roots: new Set(), anchors: new Set(), removed: [] });

describe('collectDirty', () => {
  it('a block appended beside text directly in a block: that block again, the new block with it', () => {
    document.body.innerHTML = '<div id="d">PIXL on </div>';
    const div = document.getElementById('d')!;
    const text = div.firstChild!;
    const p = document.createElement('p');
    p.textContent = 'Jezero';
    div.append(p);
    const into = dirty();
    collectDirty(
      [record({ target: div, addedNodes: [p] as unknown as NodeList, previousSibling: text })],
      () => false,
      into,
    );
    // (Reading only the runs beside it and the new block made Firefox's "iframe removed
    // while the background sleeps" lifecycle test fail about one run in three, for a
    // reason not yet found: the block is read whole again.)
    expect([...into.anchors]).toEqual([]);
    expect([...into.roots]).toEqual([div]);
    expect(text.parentNode).toBe(div);
  });

  it('text edited in inline markup: the run around it, not the block', () => {
    document.body.innerHTML = '<p>Before</p>Now: <span id="clock">12:00</span> at JPL<p>After</p>';
    const clock = document.getElementById('clock')!;
    const into = dirty();
    collectDirty([record({ type: 'characterData', target: clock.firstChild! })], () => false, into);
    expect(into.roots.size).toBe(0);
    const region = regionAround([...into.anchors][0]!)!;
    expect(region.block).toBe(document.body);
    expect(region.from).toBe(document.body.childNodes[1]);
    expect(region.stopAt).toBe(document.body.lastChild);
  });
});
