/** @vitest-environment happy-dom */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { markCss } from '../../lib/page/mark-style';

// WCAG AA contrast of the marks, on a light and a dark page, with axe-core's own colour
// maths (the same the accessibility e2e tests use on the tooltip). Colours are read
// from the CSS the reader really adopts, so changing a look re-checks it.

interface Color {
  parseString(s: string): Color;
  alpha: number;
}
const colors = (
  axe as unknown as {
    commons: {
      color: {
        Color: new () => Color;
        getContrast(bg: Color, fg: Color): number;
        flattenColors(fg: Color, bg: Color): Color;
      };
    };
  }
).commons.color;
const parse = (s: string) => new colors.Color().parseString(s);

const PAGES = {
  light: { background: '#ffffff', text: '#1a1a1a' },
  dark: { background: '#121212', text: '#e8e8e8' },
};

/** The value of property in the rule for highlight name. */
function declared(css: string, name: string, property: string): string {
  const rule = new RegExp(`::highlight\\(${name}\\) \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  const value = new RegExp(`(?:^|;)\\s*${property}:\\s*([^;!]+)`).exec(rule)?.[1]?.trim();
  if (!value) throw new Error(`no ${property} for ${name} in ${css}`);
  return value;
}

describe.each(Object.entries(PAGES))('marks on a %s page', (_, page) => {
  const bg = parse(page.background);

  it('the underline stands out from the page (non-text contrast ≥ 3:1)', () => {
    const line = parse(declared(markCss('m', 'f', 'underline'), 'm', 'text-decoration-color'));
    expect(colors.getContrast(bg, line)).toBeGreaterThanOrEqual(3);
  });

  it('the page text stays readable on the background tint (≥ 4.5:1)', () => {
    const tint = parse(declared(markCss('m', 'f', 'background'), 'm', 'background-color'));
    expect(tint.alpha).toBeLessThan(1); // a tint, so the page's own text colour is kept
    const under = colors.flattenColors(tint, bg);
    expect(colors.getContrast(under, parse(page.text))).toBeGreaterThanOrEqual(4.5);
  });

  it('the keyboard-focused mark is readable and stands out (≥ 4.5:1 text, ≥ 3:1 from the page)', () => {
    const css = markCss('m', 'f');
    const focusBg = parse(declared(css, 'f', 'background-color'));
    expect(colors.getContrast(focusBg, parse(declared(css, 'f', 'color')))).toBeGreaterThanOrEqual(4.5);
    const line = parse(declared(css, 'f', 'text-decoration-color'));
    expect(colors.getContrast(focusBg, line)).toBeGreaterThanOrEqual(3);
    // On a dark page the focus block is told apart by its underline and light text.
    if (page === PAGES.light) expect(colors.getContrast(bg, focusBg)).toBeGreaterThanOrEqual(3);
  });
});

it('every mark declaration is !important and keeps the text colour, so a page restyling our highlights does not win', () => {
  for (const style of ['underline', 'background', 'hover-only'] as const) {
    expect(declared(markCss('m', 'f', style), 'm', 'color')).toBe('currentcolor');
    const declarations = markCss('m', 'f', style)
      .split(/[{}]/)
      .filter((_, i) => i % 2 === 1)
      .flatMap((body) => body.split(';'))
      .map((d) => d.trim())
      .filter(Boolean);
    expect(declarations.length).toBeGreaterThan(style === 'hover-only' ? 5 : 6);
    for (const d of declarations) expect(d).toMatch(/!important$/);
  }
});
