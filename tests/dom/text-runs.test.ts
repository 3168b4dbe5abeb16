/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { collectTextRuns, locate, RunScanner } from '../../lib/page/text-runs';

function runs(html: string) {
  document.body.innerHTML = html;
  return collectTextRuns(document.body).map((r) => r.text.replace(/\s+/g, ' ').trim());
}

describe('collectTextRuns', () => {
  beforeEach(() => {
    document.body.textContent = '';
  });

  it('joins text split by inline markup into one run', () => {
    expect(runs('<p>NASA’s Jet <em>Propulsion</em> <a href="#">Labo<b>ratory</b></a> said</p>')).toEqual([
      'NASA’s Jet Propulsion Laboratory said',
    ]);
  });

  it('ends a word at a superscript or subscript, as it is drawn: "NASA¹" is NASA and a footnote', () => {
    expect(runs('<p>NASA<sup>1</sup> and JPL<sub>a</sub> said</p>')).toEqual(['NASA', '1', 'and JPL', 'a', 'said']);
  });

  it('ends a word where inline markup is laid out as a box and no white space separates it, and only there', () => {
    document.body.innerHTML =
      '<div><a class="box">NASA</a><a class="box">PIXL</a></div>' +
      '<p>The <b class="box">big</b> <i>M</i>astcam-Z <span>PIX</span><span>L</span> x<span><em class="box">y</em></span>z</p>' +
      '<p><a class="box">a link</a>, then more</p>';
    const asked: string[] = [];
    const isBox = (el: Element) => {
      asked.push(el.localName);
      return el.classList.contains('box');
    };
    const texts = collectTextRuns(document.body, { isBox }).map((r) => r.text);
    expect(texts).toEqual(['NASA', 'PIXL', 'The big Mastcam-Z PIXL x', 'y', 'z', 'a link, then more']);
    // Not asked across white space ("The <b>big</b> ") or where a word meets punctuation
    // ("link</a>,"), only where letters meet letters; each element once.
    expect(asked).toEqual(['a', 'i', 'span', 'span', 'em']);
  });

  it('splits at block boundaries and line breaks', () => {
    expect(runs('<div>Jet<p>Propulsion</p>Laboratory</div><p>Mars<br>2020</p>')).toEqual([
      'Jet',
      'Propulsion',
      'Laboratory',
      'Mars',
      '2020',
    ]);
  });

  it.each([
    ['script', '<script>var t = "PIXL";</script>'],
    ['style', '<style>.PIXL{}</style>'],
    ['JSON-LD', '<script type="application/ld+json">{"name":"PIXL"}</script>'],
    ['noscript', '<noscript>PIXL</noscript>'],
    ['template', '<template><p>PIXL</p></template>'],
    ['textarea', '<textarea>PIXL</textarea>'],
    ['select and option', '<select><option>PIXL</option></select>'],
    ['code', '<code>PIXL</code>'],
    ['pre', '<pre>PIXL</pre>'],
    ['kbd and samp', '<kbd>PIXL</kbd><samp>PIXL</samp>'],
    ['svg', '<svg><text>PIXL</text></svg>'],
    ['math', '<math><mi>PIXL</mi></math>'],
    ['contenteditable', '<div contenteditable="true"><p>PIXL</p></div><div contenteditable>PIXL</div>'],
  ])('never looks inside %s', (_name, html) => {
    expect(runs(`<p>before</p>${html}<p>after</p>`)).toEqual(['before', 'after']);
  });

  it('does look inside contenteditable="false"', () => {
    expect(runs('<div contenteditable="false">PIXL</div>')).toEqual(['PIXL']);
  });

  it('does not join text across a skipped element', () => {
    expect(runs('<p>Jet <code>x</code> Propulsion</p>')).toEqual(['Jet', 'Propulsion']);
  });

  it('skips the extension’s own UI', () => {
    document.body.innerHTML = '<p>PIXL</p><div id="ours"><p>PIXL tooltip</p></div>';
    const ours = document.getElementById('ours')!;
    expect(collectTextRuns(document.body, { isOwnUi: (el) => el === ours }).map((r) => r.text)).toEqual(['PIXL']);
  });

  it('scans open shadow roots', () => {
    document.body.innerHTML = '<p>outside</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Jezero <b>crater</b></p>';
    expect(collectTextRuns(document.body).map((r) => r.text)).toEqual(['outside', 'Jezero crater']);
  });

  it('maps run offsets back to text nodes', () => {
    document.body.innerHTML = '<p>Jet <em>Propulsion</em> Laboratory</p>';
    const [run] = collectTextRuns(document.body);
    const start = locate(run!, 4);
    const end = locate(run!, 14, true);
    expect([start.node.data, start.offset]).toEqual(['Propulsion', 0]);
    expect([end.node.data, end.offset]).toEqual(['Propulsion', 10]);
    expect(locate(run!, 16).node.data).toBe(' Laboratory');
  });

  it('starting at a block in view reads from there to the end, then the rest, each run once', () => {
    document.body.innerHTML = '<p>one <b>a</b></p><div>two<p id="s">three <i>b</i></p>four</div><p>five</p>';
    const start = document.getElementById('s')!;
    const texts = collectTextRuns(document.body, { startAt: start }).map((r) => r.text);
    expect(texts).toEqual(['three b', 'four', 'five', 'one a', 'two']);
  });

  it('pauses when told, resumes where it stopped, and survives the page removing that node', () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>p${i}</p>`).join('');
    const scanner = new RunScanner(document.body);
    let calls = 0;
    const first = scanner.step(() => ++calls === 1).map((r) => r.text);
    expect(scanner.done).toBe(false);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(300);
    // Remove everything read so far and the next paragraph: the scan must still finish.
    const paragraphs = [...document.querySelectorAll('p')];
    paragraphs.slice(0, first.length + 1).forEach((p) => p.remove());
    const rest = scanner.step().map((r) => r.text);
    expect(scanner.done).toBe(true);
    expect(rest.at(-1)).toBe('p299');
    expect(new Set([...first, ...rest]).size).toBe(300 - 1);
  });
});
