// Reference (3): one alternation RegExp per text node, longest alias first, with the
// same case rules and word boundaries; marks made the same way (StaticRanges in one
// highlight), so its marks can be compared with Mars Lens's.
import { aliases, report, walkText } from './common';

const t0 = performance.now();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const alternation = [...aliases]
  .sort((a, b) => b.text.length - a.text.length)
  .map((a) => (a.caseSensitive ? escape(a.text) : `(?i:${escape(a.text)})`))
  .join('|');
const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternation})(?![\\p{L}\\p{N}_])`, 'gu');
const highlight = new Highlight();
walkText(document.body, (t) => {
  const data = t.data;
  re.lastIndex = 0;
  for (let m = re.exec(data); m; m = re.exec(data)) {
    highlight.add(
      new StaticRange({ startContainer: t, startOffset: m.index, endContainer: t, endOffset: m.index + m[0].length }),
    );
  }
});
CSS.highlights.set('bench-regex', highlight);
report('slice', performance.now() - t0);
report('ready', highlight.size);
