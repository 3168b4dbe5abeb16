/** @vitest-environment happy-dom */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SiteControl } from '../../lib/popup/site-control';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

// The popup's first line says what its switch will do, or why there is none.

const shown = (url: string | undefined, mode = DEFAULT_SETTINGS.mode) => {
  const root = document.createElement('div');
  render(
    <SiteControl
      url={url}
      settings={{ ...DEFAULT_SETTINGS, mode }}
      onSiteChange={() => undefined}
      onPauseChange={() => undefined}
    />,
    root,
  );
  return root.querySelector('.no-site')?.textContent ?? root.querySelector('.switch span')?.textContent ?? '';
};

describe('the site switch', () => {
  it('names the site it switches', () => {
    expect(shown('https://www.news.example.com/a')).toBe('Mark terms on this site news.example.com');
  });

  it('on a page Mars Lens runs on without a site (a file), says so, and does not claim it does not run', () => {
    expect(shown('file:///home/me/article.html')).toMatch(/no site to switch off/);
    expect(shown('file:///home/me/article.html', 'only-listed')).toMatch(/not marked while Mars Lens marks only/);
    expect(shown('file:///home/me/article.html')).not.toMatch(/does not run/);
  });

  it('where it cannot run (no page answered), says that', () => {
    expect(shown(undefined)).toBe('Mars Lens does not run on this page.');
  });

  const says = (url: string, over: Partial<typeof DEFAULT_SETTINGS>) => {
    const root = document.createElement('div');
    render(
      <SiteControl
        url={url}
        settings={{ ...DEFAULT_SETTINGS, ...over }}
        onSiteChange={() => undefined}
        onPauseChange={() => undefined}
      />,
      root,
    );
    const input = root.querySelector('input[role="switch"]')!;
    return root.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent;
  };

  it('says what the switch does, tied to it for screen readers', () => {
    expect(says('https://news.example.com/', {})).toBe('Switching off applies to news.example.com and its subdomains.');
    expect(says('https://news.example.com/', { sites: ['example.com'] })).toBe(
      'Off because example.com is off. Switching on applies to news.example.com and its subdomains only; example.com stays off.',
    );
    expect(
      says('https://news.example.com/', { mode: 'only-listed', sites: ['example.com', 'x.news.example.com'] }),
    ).toBe(
      'On because example.com is on. Switching off applies to news.example.com and its subdomains only (except x.news.example.com, set apart); example.com stays on.',
    );
    expect(says('https://news.example.com/', { mode: 'only-listed' })).toBe(
      'Off: Mars Lens marks only the sites you list. Switching on adds news.example.com and its subdomains.',
    );
  });
});
