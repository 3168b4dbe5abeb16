// The look of marks: a dotted underline that reads on light and dark pages. The rule
// targets our random highlight name, so page CSS cannot aim at it. It is adopted as a
// constructed stylesheet, which adds no element to the page's DOM.

export function markCss(name: string): string {
  return `::highlight(${name}) { text-decoration: underline dotted 2px; text-decoration-color: #d9480f; text-underline-offset: 3px; }`;
}

/** Adopts the mark style into doc; returns a function that removes it. */
export function installMarkStyle(doc: Document, win: Window & typeof globalThis, name: string): () => void {
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(markCss(name));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    // A page that breaks adoptedStyleSheets only loses the underline, not the marks.
    return () => undefined;
  }
}
