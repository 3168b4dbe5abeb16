import type { MarkStyleName } from '../settings/settings';

// The look of marks: a dotted underline that reads on light and dark pages, and a
// stronger look for the mark reached by keyboard (::highlight allows colours and
// decorations only, so focus is a background).
//
// The rules reach a frame only once it has marks: the background inserts them as a
// user-origin stylesheet (lib/browser/mark-css.ts). Until then nothing of them is in
// the page, so a page asking for the computed style of ::highlight(ml7q-u) sees what it
// would see without Mars Lens. A user sheet is out of the page's reach (no page script
// can list, remove or replace it), applies inside the page's shadow trees too, and its
// !important declarations win over the page's own !important rules for our names. The
// highlights have fixed names, one per look, because the sheet is the same for every
// frame. Where a frame cannot be given the sheet, MarkStyle adopts the same rules.

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
 * restyle them with its own !important rules, which a user sheet's !important
 * declarations outweigh (and an adopted sheet's, coming later, at least tie with).
 */
const important = (look: string) => look.replace(/;/g, ' !important;');

/** One look's rules for a highlight name and the focus mark's. */
export function markCss(name: string, focusName: string, style: MarkStyleName = 'underline'): string {
  return (
    `::highlight(${name}) { ${important(KEEP_TEXT + ' ' + LOOKS[style])} }\n` +
    `::highlight(${focusName}) { ${important(FOCUS_LOOK)} }`
  );
}

/** The marks' stylesheet: every look's rules for the fixed names. */
export function documentMarkCss(): string {
  const looks = (['underline', 'background', 'hover-only'] as const).map(
    (style) => `::highlight(${MARK_NAMES[style]}) { ${important(KEEP_TEXT + ' ' + LOOKS[style])} }`,
  );
  const focus = `::highlight(${MARK_NAMES.focus}) { ${important(FOCUS_LOOK)} }`;
  return `${[...looks, focus].join('\n')}\n`;
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
