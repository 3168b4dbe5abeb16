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
});
