import type { MarkStyleName } from '../settings/settings';

// The look of marks: a dotted underline that reads on light and dark pages, and a
// stronger look for the mark reached by keyboard (::highlight allows colours and
// decorations only, so focus is a background). The rules target our random highlight
// names, so page CSS cannot aim at them. They are adopted as a constructed stylesheet,
// which adds no element to the page's DOM. Style does not cross shadow boundaries, so
// the sheet is adopted by every open shadow root we mark in as well; ensure()
// re-adopts it wherever the page reset adoptedStyleSheets.

const LOOKS: Record<MarkStyleName, string> = {
  underline: 'text-decoration: underline dotted 2px; text-decoration-color: #d9480f; text-underline-offset: 3px;',
  // A translucent tint keeps the page's own text colour readable on light and dark pages.
  background: 'background-color: rgb(251 146 60 / 0.28);',
  // Nothing until the pointer rests on a term; the tooltip then shows it with the focus look.
  'hover-only': '',
};

/** The page's own text colour, which a page restyling our highlights cannot take away. */
const KEEP_TEXT = 'color: currentcolor;';

const FOCUS_LOOK =
  'background-color: #1c1917; color: #fff7ed; text-decoration: underline solid 2px; text-decoration-color: #fb923c; text-underline-offset: 3px;';

/**
 * Every declaration is !important: a page can learn our names from CSS.highlights and
 * restyle them, but an adopted sheet comes after the page's own in the cascade, so
 * ours wins even against its (unlayered) !important rules.
 */
const important = (look: string) => look.replace(/;/g, ' !important;');

export function markCss(name: string, focusName: string, style: MarkStyleName = 'underline'): string {
  return (
    `::highlight(${name}) { ${important(KEEP_TEXT + ' ' + LOOKS[style])} }\n` +
    `::highlight(${focusName}) { ${important(FOCUS_LOOK)} }`
  );
}

type Scope = Document | ShadowRoot;

export class MarkStyle {
  private sheet: CSSStyleSheet | undefined;
  private readonly scopes = new Set<Scope>();

  constructor(
    private readonly win: Window & typeof globalThis,
    /** The rules, asked for when the sheet is first needed. */
    private readonly css: () => string,
  ) {}

  /** Adopts the sheet into scope (and keeps it there on later ensure() calls). */
  addScope(scope: Scope): void {
    this.scopes.add(scope);
    if (this.sheet) this.adopt(scope);
  }

  ensure(): void {
    try {
      if (!this.sheet) {
        this.sheet = new this.win.CSSStyleSheet();
        this.sheet.replaceSync(this.css());
      }
    } catch {
      return; // A page that breaks constructed sheets only loses the underline, not the marks.
    }
    for (const scope of this.scopes) this.adopt(scope);
  }

  remove(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    for (const scope of this.scopes) {
      try {
        if (scope.adoptedStyleSheets.includes(sheet))
          scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // As above.
      }
    }
  }

  private adopt(scope: Scope) {
    try {
      const sheet = this.sheet!;
      if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
    } catch {
      // As above.
    }
  }
}
