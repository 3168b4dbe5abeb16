import type { MarkStyleName } from '../settings/settings';

// The look of marks: a dotted underline that reads on light and dark pages, and a
// stronger look for the mark reached by keyboard (::highlight allows colours and
// decorations only, so focus is a background).
//
// In documents the rules come with the frame script as the manifest's stylesheet
// (documentMarkCss), which browsers put in place before the page is first styled: it
// costs no style pass when marks appear (adopting a sheet then restyled the whole page,
// 80 to 120 ms on a 1 MB article), and no page script can see, remove or replace it.
// So the document's highlights have fixed names, one per look. Style does not cross
// shadow boundaries: open shadow roots we mark in adopt a constructed sheet with the
// same rules (MarkStyle), and ensure() re-adopts it wherever the page reset it.

/** The highlight names, one per look, and the focus mark's. */
export const MARK_NAMES: Readonly<Record<MarkStyleName | 'focus', string>> = {
  underline: 'ml7q-u',
  background: 'ml7q-b',
  'hover-only': 'ml7q-h',
  focus: 'ml7q-f',
};

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
 * restyle them with its own !important rules. An adopted sheet comes after the page's
 * own in the cascade. The manifest's sheet comes before them, so its rules sit in a
 * cascade layer, declared before the page can declare any: an earlier layer's
 * !important declarations win over later layers' and unlayered ones. (A heavier
 * selector such as :is(*, #a#b#c) would also win, but made every style pass slower.)
 */
const important = (look: string) => look.replace(/;/g, ' !important;');
const LAYER = 'mars-lens-marks';

export function markCss(name: string, focusName: string, style: MarkStyleName = 'underline', prefix = ''): string {
  return (
    `${prefix}::highlight(${name}) { ${important(KEEP_TEXT + ' ' + LOOKS[style])} }\n` +
    `${prefix}::highlight(${focusName}) { ${important(FOCUS_LOOK)} }`
  );
}

/** The manifest's stylesheet: every look's rules for the document's fixed names. */
export function documentMarkCss(): string {
  const looks = (['underline', 'background', 'hover-only'] as const).map(
    (style) => `  ::highlight(${MARK_NAMES[style]}) { ${important(KEEP_TEXT + ' ' + LOOKS[style])} }`,
  );
  const focus = `  ::highlight(${MARK_NAMES.focus}) { ${important(FOCUS_LOOK)} }`;
  return `@layer ${LAYER} {\n${[...looks, focus].join('\n')}\n}\n`;
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
