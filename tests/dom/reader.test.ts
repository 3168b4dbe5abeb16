/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { unmutedEntities } from '../../lib/match/muted';
import { TermMatcher } from '../../lib/match/term-matcher';
import { Reader } from '../../lib/page/reader';
import { fakeHighlightEnv, registeredTexts, type FakeEnv } from '../support/fake-highlights';

const matcher = new TermMatcher(factBase);
let controller: AbortController;

function startReader(
  html: string,
  options: { isOwnUi?: (n: Node) => boolean; firstMentionOnly?: boolean; matcher?: TermMatcher } = {},
) {
  document.body.innerHTML = html;
  controller = new AbortController();
  const env = fakeHighlightEnv();
  const reader = new Reader({
    doc: document,
    win: window as never,
    matcher,
    env,
    signal: controller.signal,
    batchMs: 10,
    ...options,
  });
  return { env, reader };
}

const marked = (env: FakeEnv, reader: Reader) => registeredTexts(env, reader.highlight.name).sort();
const settle = (ms = 80) => new Promise((r) => setTimeout(r, ms));

afterEach(() => controller.abort());

describe('Reader', () => {
  it('marks terms across inline markup and leaves the DOM as it was', async () => {
    const html = '<p>NASA’s Jet <em>Propulsion</em> Laboratory built PIXL for Jezero.</p>';
    const { env, reader } = startReader(html);
    await reader.ready;
    expect(marked(env, reader)).toEqual(['Jet Propulsion Laboratory', 'Jezero', 'NASA', 'PIXL']);
    expect(document.body.innerHTML).toBe(html);
  });

  it('marks nothing and registers nothing on an off-topic page', async () => {
    const { env, reader } = startReader('<p>Her perseverance paid off; Mars is a planet and a chocolate bar.</p>');
    await reader.ready;
    expect(env.registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('marks ambiguous terms read earlier once later text shows the page is on topic', async () => {
    const { env, reader } = startReader('<p>Mars is close.</p><p>The microphone works.</p>');
    await reader.ready;
    expect(marked(env, reader)).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'PIXL and Mastcam-Z on Perseverance.';
    document.body.append(p);
    await settle();
    expect(marked(env, reader)).toEqual(['Mars', 'Mastcam-Z', 'PIXL', 'Perseverance', 'microphone']);
  });

  it('marks live-blog posts as they are appended, each once', async () => {
    const { env, reader } = startReader('<main><p>Live: PIXL on Jezero.</p></main>');
    await reader.ready;
    const main = document.querySelector('main')!;
    for (let i = 0; i < 5; i++) {
      const post = document.createElement('article');
      post.append('Update ', String(i), ': JPL says Mastcam-Z works.');
      main.append(post);
      await settle(5);
    }
    await settle();
    const texts = marked(env, reader);
    expect(texts.filter((t) => t === 'Mastcam-Z')).toHaveLength(5);
    expect(texts.filter((t) => t === 'JPL')).toHaveLength(5);
    expect(reader.index.size).toBe(texts.length);
  });

  it('follows a widget that replaces its children again and again, keeping no stale marks', async () => {
    const { env, reader } = startReader('<p>PIXL and Jezero.</p><div id="w"><span>JPL</span></div>');
    await reader.ready;
    const widget = document.getElementById('w')!;
    const words = ['Mastcam-Z', 'SHERLOC', 'Jezero Crater', 'PIXL'];
    for (const word of words) {
      const div = document.createElement('div');
      div.textContent = `Now: ${word}`;
      widget.replaceChildren(div);
      await settle(15);
    }
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL', 'PIXL']);
  });

  it('re-marks a text node whose data a script changes in place', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p><p id="t">Waiting for NASA</p>');
    await reader.ready;
    const text = document.getElementById('t')!.firstChild as Text;
    text.data = 'Now Mastcam-Z speaks';
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'Mastcam-Z', 'PIXL']);
    text.data = 'nothing here';
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    // Blank text starts no run on a first read; a node that becomes blank still loses its marks.
    text.data = 'Mastcam-Z';
    await settle();
    text.data = '  \n ';
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    expect(reader.index.size).toBe(2);
  });

  it('drops the marks of removed text', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p><section><p>JPL and NASA</p></section>');
    await reader.ready;
    document.querySelector('section')!.remove();
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    expect(reader.index.size).toBe(2);
  });

  it('re-reads a run when inline text is inserted into it', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p><p id="p">Jet <b>Propulsion</b></p>');
    await reader.ready;
    document.getElementById('p')!.append(' Laboratory');
    await settle();
    expect(marked(env, reader)).toEqual(['Jet Propulsion Laboratory', 'Jezero', 'PIXL']);
  });

  it('never reads or observes its own UI', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p><div id="ours"></div>', {
      isOwnUi: (n) => n instanceof Element && n.id === 'ours',
    });
    await reader.ready;
    document.getElementById('ours')!.append('JPL explains Mastcam-Z');
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
  });

  it('does not re-read a block when the page only moves or removes our UI in it', async () => {
    // Pages that tidy up after extensions move our tooltip host between their text;
    // re-reading would replace the marks, and close a tooltip open on one of them.
    const { env, reader } = startReader('<div id="app">\n  <p>PIXL on Jezero.</p>\n  text\n</div>', {
      isOwnUi: (n) => n instanceof Element && n.localName === 'our-host',
    });
    await reader.ready;
    const before = [...reader.shownMarks()];
    let changes = 0;
    reader.subscribe(() => changes++);
    const host = document.createElement('our-host');
    document.getElementById('app')!.append(host);
    await settle();
    document.body.append(host);
    await settle();
    host.remove();
    await settle();
    expect(changes).toBe(0);
    expect([...reader.shownMarks()]).toEqual(before);
    // A real change next to it still counts.
    document.getElementById('app')!.append(host, ' JPL');
    await settle();
    expect(changes).toBeGreaterThan(0);
    expect(marked(env, reader)).toEqual(['JPL', 'Jezero', 'PIXL']);
  });
  it('splits a run when a block goes inside inline markup, and joins it when the block goes', async () => {
    // Found by the mutation property test: "PIXL<span></span>PIXL" reads as one word, and
    // a <p> put inside the span splits it, though the span's own neighbours are unchanged.
    const { env, reader } = startReader('<p>Jezero</p><p>PIXL<span id="s"></span>PIXL and P<b id="b"></b>IXL</p>');
    await reader.ready;
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    const span = document.getElementById('s')!;
    span.append(document.createElement('p'));
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL', 'PIXL', 'PIXL']);
    span.firstChild!.remove();
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    const b = document.getElementById('b')!;
    b.append(document.createElement('div'));
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero']);
    b.firstChild!.remove();
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
  });

  it('does not mark text typed into an editable region', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p><div contenteditable="true"><p id="e">x</p></div>');
    await reader.ready;
    (document.getElementById('e')!.firstChild as Text).data = 'Mastcam-Z';
    document.getElementById('e')!.append(' and JPL');
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
  });

  it('puts its highlight back when the page clears the registry', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p>');
    await reader.ready;
    env.registry.clear();
    await settle(1100);
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
  });

  it('forgets the marks and shadow roots of hosts that left the page: 200 posts come and go, 2 marks stay', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p>');
    await reader.ready;
    for (let round = 0; round < 4; round++) {
      const posts = Array.from({ length: 50 }, () => {
        const wrapper = document.createElement('section');
        const host = wrapper.appendChild(document.createElement('div'));
        host.attachShadow({ mode: 'open' }).innerHTML = '<p>JPL and Mastcam-Z</p>';
        document.body.append(wrapper);
        return wrapper;
      });
      await settle();
      expect(reader.index.size).toBe(2 + 50 * 2);
      for (const post of posts) post.remove();
      await settle();
    }
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    expect(reader.index.size).toBe(2);
    expect(reader.shadowRoots).toHaveLength(0);
  });

  it('reads nothing of a document edited as a whole (designMode), and drops its marks when it turns so', async () => {
    document.designMode = 'on';
    try {
      const { env, reader } = startReader('<p>PIXL on Jezero.</p>');
      await reader.ready;
      document.body.append(' Mastcam-Z typed just now.');
      await settle();
      expect(marked(env, reader)).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
    controller.abort();
    const { env, reader } = startReader('<p>PIXL on Jezero.</p>');
    await reader.ready;
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    document.designMode = 'on';
    try {
      await settle(1200); // the guard's tick
      expect(marked(env, reader)).toEqual([]);
      expect(reader.index.size).toBe(0);
    } finally {
      document.designMode = 'off';
    }
  });

  it('removes every mark and its observer when stopped, and never adopts a stylesheet', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p>');
    await reader.ready;
    // The marks' look comes from the background as a user sheet, which reaches shadow
    // roots too: nothing is adopted in the document or in a shadow root we mark in.
    expect(document.adoptedStyleSheets).toHaveLength(0);
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>JPL inside</p>';
    const wrapper = document.createElement('section');
    wrapper.append(host);
    document.body.append(wrapper);
    await settle();
    expect(marked(env, reader)).toContain('JPL');
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
    controller.abort();
    expect(env.registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
    document.body.append('JPL');
    await settle();
    expect(env.registry.size).toBe(0);
  });

  it('reads a long page in several slices and marks all of it', async () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `<p>Paragraph ${i} about PIXL and the <a>JPL</a> team.</p>`,
    );
    const { env, reader } = startReader(paragraphs.join(''));
    // The first slice ran before the constructor returned; the rest waits for the page.
    const afterFirstSlice = reader.index.size;
    expect(afterFirstSlice).toBeGreaterThan(0);
    expect(afterFirstSlice).toBeLessThan(4000);
    await reader.ready;
    // Each mark is a range over the text node holding it (ranges read back as text in
    // happy-dom slowly, so check their ends directly).
    const ranges = [...env.registry.get(reader.highlight.name)!];
    expect(ranges).toHaveLength(4000);
    expect(
      ranges.every((r) => ['PIXL', 'JPL'].includes((r.startContainer as Text).data.slice(r.startOffset, r.endOffset))),
    ).toBe(true);
  });

  it('"first mention only" shows each term once, the earliest in reading order, even when read later', async () => {
    const { env, reader } = startReader('<p>PIXL first, then Jezero.</p><p>PIXL again and Jezero again.</p>', {
      firstMentionOnly: true,
    });
    await reader.ready;
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    expect(reader.index.size).toBe(4);
    // An earlier mention arriving later takes over; the index still knows them all.
    const p = document.createElement('p');
    p.textContent = 'Jezero up top.';
    document.body.prepend(p);
    await settle();
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    const shown = [...reader.shownMarks()].map((m) => m.range.startContainer.textContent);
    expect(shown.sort()).toEqual(['Jezero up top.', 'PIXL first, then Jezero.']);
    // When the first mention leaves, the next one is shown.
    p.remove();
    await settle();
    expect([...reader.shownMarks()].map((m) => m.range.startContainer.textContent)).toEqual([
      'PIXL first, then Jezero.',
      'PIXL first, then Jezero.',
    ]);
  });

  it('leaves out what the reader muted on the site', async () => {
    const muted = new TermMatcher({
      entities: unmutedEntities(factBase.entities, [
        { site: 'a.org', entityId: 'pixl', reason: 'not-on-site' },
        { site: 'a.org', entityId: 'jezero-crater', reason: 'wrong-meaning', alias: 'Jazero' },
      ]),
      traps: factBase.traps,
    });
    const { env, reader } = startReader('<p>PIXL saw Jazero, near Jezero, from Perseverance.</p>', { matcher: muted });
    await reader.ready;
    expect(marked(env, reader)).toEqual(['Jezero', 'Perseverance']);
  });

  it('reads a shadow host the page appends directly, as it reads one inside a wrapper', async () => {
    const { env, reader } = startReader('<main><p>PIXL on Jezero.</p></main>');
    await reader.ready;
    for (const wrapped of [false, true]) {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = `<p>${wrapped ? 'NASA' : 'JPL'} in a shadow root</p>`;
      const added = wrapped ? Object.assign(document.createElement('section'), {}) : host;
      if (wrapped) added.append(host);
      document.querySelector('main')!.append(added);
    }
    await settle();
    expect(marked(env, reader)).toEqual(['JPL', 'Jezero', 'NASA', 'PIXL']);
    // And follows it: text the component renders later is read too.
    const late = document.querySelector('main > div')!.shadowRoot!;
    late.append(Object.assign(document.createElement('p'), { textContent: 'Mastcam-Z' }));
    await settle();
    expect(marked(env, reader)).toContain('Mastcam-Z');
  });

  it('reads a custom element the page defines after load, once it is defined', async () => {
    const { env, reader } = startReader('<p>PIXL on Jezero.</p><mars-card-late></mars-card-late>');
    await reader.ready;
    expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
    customElements.define(
      'mars-card-late',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Mastcam-Z inside</p>';
        }
      },
    );
    await settle(1200);
    expect(marked(env, reader)).toEqual(['Jezero', 'Mastcam-Z', 'PIXL']);
    const root = document.querySelector('mars-card-late')!.shadowRoot!;
    expect(reader.shadowRoots).toContain(root);
    root.append(Object.assign(document.createElement('p'), { textContent: 'NASA' }));
    await settle();
    expect(marked(env, reader)).toContain('NASA');
  });

  it('a clock ticking in a <span> directly under <body> rereads its own line, not the page', async () => {
    const asked: string[] = [];
    const counting = {
      findEach: (texts: string[]) => {
        asked.push(...texts);
        return matcher.findEach(texts);
      },
    } as unknown as TermMatcher;
    const posts = Array.from({ length: 300 }, (_, i) => `<p>Post ${i} on PIXL.</p>`).join('');
    const { env, reader } = startReader(`Now: <span id="clock">12:00</span> at JPL${posts}`, { matcher: counting });
    await reader.ready;
    const clock = document.getElementById('clock')!;
    for (const [i, kind] of ['text', 'data', 'node'].entries()) {
      asked.length = 0;
      const time = `12:0${i + 1}`;
      if (kind === 'text') clock.textContent = time;
      else if (kind === 'data') (clock.firstChild as Text).data = time;
      else
        clock.replaceChildren(
          document.createTextNode(time),
          Object.assign(document.createElement('b'), { textContent: ' NASA' }),
        );
      await settle();
      expect(asked, kind).toEqual([expect.stringMatching(/^Now: 12:0\d( NASA)? at JPL$/)]);
    }
    expect(marked(env, reader).filter((t) => t !== 'PIXL')).toEqual(['JPL', 'NASA']);
    expect(marked(env, reader).filter((t) => t === 'PIXL')).toHaveLength(300);
  }, 20_000);

  describe('text that is not drawn', () => {
    // The DOM here has no layout: checkVisibility says "drawn" unless the element or an
    // ancestor is marked off, as a real browser says for display:none (CSS alone, as a
    // hover menu or media query does, through data-off; through the class attribute, as
    // a script would).
    const real = Element.prototype.checkVisibility;
    const off = (el: Element) => !!el.closest('[data-off], .off');
    afterEach(() => {
      Element.prototype.checkVisibility = real;
    });
    const hide = () => {
      Element.prototype.checkVisibility = function (this: Element) {
        return !off(this);
      };
    };

    it('gives no evidence and no mark until it is shown, by a script or by CSS alone', async () => {
      hide();
      const { env, reader } = startReader(
        '<nav class="off"><p>PIXL and Jezero</p></nav><p>Mars and a microphone.</p><aside data-off><p>Mastcam-Z</p></aside>',
      );
      await reader.ready;
      await settle();
      expect(marked(env, reader)).toEqual([]);
      expect(reader.gate.onTopic).toBe(false);
      document.querySelector('nav')!.classList.remove('off');
      await settle();
      expect(marked(env, reader)).toEqual(['Jezero', 'Mars', 'PIXL', 'microphone']);
      // No attribute a script uses to show things changed: found on the next look, within a second.
      document.querySelector('aside')!.removeAttribute('data-off');
      await settle();
      expect(marked(env, reader)).not.toContain('Mastcam-Z');
      await settle(1100);
      expect(marked(env, reader)).toContain('Mastcam-Z');
    });

    it('stops looking once nothing is hidden, and keyboard stops skip marks hidden since', async () => {
      hide();
      const { env, reader } = startReader('<p id="a">PIXL on Jezero.</p><p class="off">Mastcam-Z</p>');
      await reader.ready;
      expect(marked(env, reader)).toEqual(['Jezero', 'PIXL']);
      document.querySelector('.off')!.remove();
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'NASA' }));
      await settle(1100);
      expect(marked(env, reader)).toEqual(['Jezero', 'NASA', 'PIXL']);
      // The hidden block left the page: no reason to keep looking.
      let looks = 0;
      Element.prototype.checkVisibility = function (this: Element) {
        looks++;
        return !off(this);
      };
      await settle(1100);
      expect(looks).toBe(0);
      document.getElementById('a')!.classList.add('off');
      expect([...reader.drawnMarks()].map((m) => m.alias.text)).toEqual(['NASA']);
      expect(reader.index.size).toBe(3);
    });
  });
});
