// The tooltip's stylesheet, inside its closed shadow root. `:host { all: initial }`
// cuts inheritance from the page. Fonts are generic families only: a page's @font-face
// rules reach into shadow roots, and one named like a font we ask for could draw the
// card's words as other words. No custom properties (they would inherit from the page).
// Sizes are in px (rem would follow the page's root font size), and colours follow the
// reader's light or dark preference. The popover's user-agent placement (inset 0,
// margin auto) is undone so Floating UI can place it. The words are generated content
// (see card.ts), which cannot be selected.

export const TOOLTIP_CSS = `
:host { all: initial; }
.card {
  all: initial;
  position: fixed; inset: auto; top: 0; left: 0; margin: 0;
  box-sizing: border-box; display: none;
  width: max-content; max-width: min(360px, calc(100vw - 16px)); max-height: min(420px, calc(100vh - 16px));
  overflow: auto; padding: 12px 14px;
  font: 400 14px/1.45 system-ui, sans-serif;
  color: #1b1b1f; background: #ffffff;
  border: 1px solid #d4d4d8; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  text-align: start; direction: ltr; writing-mode: horizontal-tb;
  pointer-events: auto; user-select: none; cursor: auto;
  z-index: 2147483647;
}
.card:popover-open { display: block; }
.card:focus-visible { outline: 3px solid #b3401a; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .card:popover-open { animation: ml-in 120ms ease-out; }
  @keyframes ml-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
* { box-sizing: border-box; }
[data-t]::before { content: attr(data-t); }
p, ul, li, blockquote { margin: 0; padding: 0; font: inherit; color: inherit; }
.head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; margin-bottom: 4px; }
.name { font-weight: 700; font-size: 16px; }
.category { font-size: 14px; color: #52525b; font-variant-caps: all-small-caps; letter-spacing: 0.04em; }
.summary { margin-bottom: 8px; }
.facts { list-style: none; display: grid; gap: 8px; margin-bottom: 8px; }
.fact { }
.source { font-size: 12px; color: #52525b; }
.quote { margin-top: 4px; padding-left: 8px; border-left: 3px solid #d4d4d8; font-style: italic; font-size: 13px; }
.quote[hidden] { display: none; }
.why { font-size: 12px; color: #52525b; margin-bottom: 8px; }
.reading-head { font-size: 14px; font-weight: 600; font-variant-caps: all-small-caps; letter-spacing: 0.04em; color: #52525b; }
.reading { list-style: none; display: grid; gap: 6px; margin-bottom: 8px; }
.reading-quote { font-size: 13px; font-style: italic; }
a.link { color: #b3401a; font-size: 12px; text-decoration: underline; text-underline-offset: 2px; }
.actions {
  display: grid; gap: 6px;
  /* Always reachable, even when the facts overflow the card. */
  position: sticky; bottom: -12px; margin: 0 -14px -12px; padding: 8px 14px 12px;
  background: #ffffff; border-top: 1px solid #e4e4e7;
}
.primary, .feedback { display: flex; gap: 4px 16px; flex-wrap: wrap; }
.feedback button.link { font-size: 12px; font-weight: 400; color: #52525b; }
button.link {
  all: unset; cursor: pointer; color: #b3401a; font-size: 13px; font-weight: 600;
  text-decoration: underline; text-underline-offset: 2px; border-radius: 2px;
  /* Targets of at least 24 px (WCAG 2.5.8), larger for a finger. */
  display: inline-flex; align-items: center; min-height: 24px; min-width: 24px;
}
@media (pointer: coarse) {
  button.link { min-height: 32px; }
  .primary, .feedback { gap: 4px 20px; }
}
button.link:focus-visible, a.link:focus-visible { outline: 2px solid #b3401a; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { color: #f4f4f5; background: #1f1f23; border-color: #3f3f46; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6); }
  .category, .source, .why, .reading-head { color: #a1a1aa; }
  .quote { border-left-color: #52525b; }
  .actions { background: #1f1f23; border-top-color: #3f3f46; }
  button.link, a.link { color: #fb923c; }
  .feedback button.link { color: #a1a1aa; }
  button.link:focus-visible, .card:focus-visible { outline-color: #fb923c; }
}
`;
