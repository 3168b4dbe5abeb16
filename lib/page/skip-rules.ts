// Where the reader never looks: code and form controls keep their text exactly as the
// page wrote it, editable regions belong to the person typing, and scripts, styles and
// foreign markup (SVG, MathML) are not prose.

export const SKIP_TAGS = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
]);

/** Elements that do not end a line of prose: a term may run across them. */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'label',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'time',
  'u',
  'var',
  'wbr',
]);

export function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

export function shouldSkip(el: Element, isOwnUi: (el: Element) => boolean): boolean {
  return SKIP_TAGS.has(el.localName) || isEditable(el) || isOwnUi(el);
}
