import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules that keep markup and code out of strings in shipped code, and keep
// extension APIs in lib/browser/: each is checked to fire on a line that breaks it.

const eslint = new ESLint();
async function rulesBroken(code: string, filePath = 'lib/page/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint rules for shipped code', () => {
  it.each([
    ['innerHTML', 'export const f = (el: Element, s: string) => { el.innerHTML = s; };', 'no-restricted-properties'],
    ['outerHTML', 'export const f = (el: Element, s: string) => { el.outerHTML = s; };', 'no-restricted-properties'],
    [
      'insertAdjacentHTML',
      "export const f = (el: Element, s: string) => el.insertAdjacentHTML('beforeend', s);",
      'no-restricted-properties',
    ],
    ['document.write', 'export const f = (s: string) => document.write(s);', 'no-restricted-properties'],
    ['eval', 'export const f = (s: string) => eval(s);', 'no-eval'],
    ['new Function', "export const f = (s: string) => new Function('x', s);", 'no-restricted-syntax'],
    ['a string timer', "export const f = () => setTimeout('alert(1)', 10);", 'no-restricted-syntax'],
    [
      'a string timer on window',
      'export const f = (s: string) => window.setInterval(`${s}`, 10);',
      'no-restricted-syntax',
    ],
  ])('forbid %s', async (_what, code, rule) => {
    expect(await rulesBroken(code)).toContain(rule);
  });

  it('forbids dangerouslySetInnerHTML in components', async () => {
    const code = 'export const A = ({ s }: { s: string }) => <p dangerouslySetInnerHTML={{ __html: s }} />;';
    expect(await rulesBroken(code, 'lib/popup/example.tsx')).toContain('no-restricted-syntax');
  });

  it('keeps extension APIs in lib/browser/', async () => {
    const code = "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;";
    expect(await rulesBroken(code, 'lib/page/example.ts')).toContain('no-restricted-imports');
    expect(await rulesBroken(code, 'lib/browser/example.ts')).toEqual([]);
  });

  it('keeps page reading and the tooltip apart, composed only in lib/frame/', async () => {
    const tooltipInPage = "import { TooltipView } from '../tooltip/tooltip-view';\nexport const v = TooltipView;";
    const pageInTooltip = "import { Reader } from '../page/reader';\nexport const r = Reader;";
    const frameInPage = "import { startFrame } from '../frame/frame-session';\nexport const s = startFrame;";
    expect(await rulesBroken(tooltipInPage, 'lib/page/example.ts')).toContain('no-restricted-imports');
    expect(await rulesBroken(frameInPage, 'lib/page/example.ts')).toContain('no-restricted-imports');
    expect(await rulesBroken(pageInTooltip, 'lib/tooltip/example.ts')).toContain('no-restricted-imports');
    expect(await rulesBroken(tooltipInPage, 'lib/frame/example.ts')).toEqual([]);
    expect(await rulesBroken(pageInTooltip, 'lib/frame/example.ts')).toEqual([]);
    // Extension APIs stay out of both layers too.
    const api = "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;";
    expect(await rulesBroken(api, 'lib/tooltip/example.ts')).toContain('no-restricted-imports');
  });

  it('passes textContent and timers given functions', async () => {
    expect(await rulesBroken('export const f = (el: Element, s: string) => { el.textContent = s; };')).toEqual([]);
    expect(await rulesBroken('export const f = (w: Window) => w.setTimeout(() => undefined, 10);')).toEqual([]);
  });
});
