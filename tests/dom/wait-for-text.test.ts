/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { mayHaveText, whenTextAppears } from '../../lib/page/wait-for-text';

// A frame with no text asks nothing and reads nothing until it has some.

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
let controller = new AbortController();
afterEach(() => controller.abort());

describe('mayHaveText', () => {
  it.each([
    ['<p>Hello</p>', true],
    ['<div><span>  </span>\n<b>x</b></div>', true],
    ['', false],
    ['<div> \n\t </div><img alt="">', false],
    ['<script>var PIXL = 1;</script><style>p{}</style><template><p>PIXL</p></template>', false],
    ['<code>  </code><noscript>PIXL</noscript>', false],
    // Text a walk cannot see may be inside a web component's shadow root.
    ['<news-card></news-card>', true],
  ])('%s → %s', (html, want) => {
    document.body.innerHTML = html;
    expect(mayHaveText(document)).toBe(want);
  });

  it('sees an open shadow root on a built-in element', () => {
    document.body.innerHTML = '<div></div>';
    document.body.firstElementChild!.attachShadow({ mode: 'open' });
    expect(mayHaveText(document)).toBe(true);
  });
});

describe('whenTextAppears', () => {
  it('calls back at once when there is text', () => {
    document.body.innerHTML = '<p>PIXL</p>';
    controller = new AbortController();
    let called = 0;
    whenTextAppears(document, window as never, controller.signal, () => called++);
    expect(called).toBe(1);
  });

  it('waits for text, ignores scripts and blanks meanwhile, and calls back once', async () => {
    document.body.innerHTML = '<div id="slot"></div>';
    controller = new AbortController();
    let called = 0;
    whenTextAppears(document, window as never, controller.signal, () => called++);
    const slot = document.getElementById('slot')!;
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"PIXL": 1}';
    slot.append(script, document.createTextNode('   '));
    await settle();
    expect(called).toBe(0);
    slot.append(document.createTextNode('Now with words'));
    await settle();
    expect(called).toBe(1);
    slot.append(document.createTextNode(' and more'));
    await settle();
    expect(called).toBe(1);
  });

  it('gives up when its signal aborts', async () => {
    document.body.innerHTML = '';
    controller = new AbortController();
    let called = 0;
    whenTextAppears(document, window as never, controller.signal, () => called++);
    controller.abort();
    document.body.append(document.createTextNode('PIXL'));
    await settle();
    expect(called).toBe(0);
  });
});
