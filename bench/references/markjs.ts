// Reference (2): mark.js 8.11.1, as most people would reach for it, with the same
// aliases: exact matches, case-sensitive where Mars Lens is, skipping the same elements.
import Mark from 'mark.js';
import { aliases, report, SKIP_SELECTORS } from './common';

const t0 = performance.now();
const options = {
  separateWordSearch: false,
  accuracy: { value: 'exactly', limiters: ',.;:!?\'"()[]{}’“”'.split('') },
  exclude: SKIP_SELECTORS,
  acrossElements: false,
} as const;
const marker = new Mark(document.body);
let count = 0;
marker.mark(
  aliases.filter((a) => a.caseSensitive).map((a) => a.text),
  {
    ...options,
    caseSensitive: true,
    each: () => count++,
    done: () =>
      marker.mark(
        aliases.filter((a) => !a.caseSensitive).map((a) => a.text),
        {
          ...options,
          caseSensitive: false,
          each: () => count++,
          done: () => {
            report('slice', performance.now() - t0);
            report('ready', count);
          },
        },
      ),
  },
);
