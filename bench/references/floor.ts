// Reference (1), the floor: walk the page's text once with the same skip rules, read
// every text node's data, and do nothing else.
import { report, walkText } from './walk';

const t0 = performance.now();
let chars = 0;
walkText(document.body, (t) => (chars += t.data.length));
report('slice', performance.now() - t0);
report('ready', chars);
