import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The permission set is a promise to readers: it changes only with this test. The
// README's "Permissions" section says why each one is needed.

const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

describe('built manifests', () => {
  it.each([
    ['chrome-mv3', ['storage', 'contextMenus', 'scripting'], ['<all_urls>']],
    // MV2 lists host access among the permissions.
    ['firefox-mv2', ['storage', 'contextMenus', '<all_urls>'], undefined],
  ])('%s asks for %j and host access to the pages its content script runs on, no more', (dir, permissions, hosts) => {
    const m = manifest(dir);
    expect(m.permissions).toEqual(permissions);
    expect(m.optional_permissions).toBeUndefined();
    // The same pages as the content script's matches (no new warning): to give a frame
    // with marks their look, and in Chromium to put the content script back into open
    // tabs after an update.
    expect(m.host_permissions).toEqual(hosts);
    expect(hosts ?? permissions.filter((p) => p.includes('<'))).toEqual(m.content_scripts[0].matches);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    // No relaxed policy: the default CSP forbids remote and eval'd code.
    expect(m.content_security_policy).toBeUndefined();
    // Host access is the content script's own, on the pages people read.
    expect(m.content_scripts[0]).toMatchObject({ matches: ['<all_urls>'], all_frames: true, run_at: 'document_idle' });
    // In Firefox, the guard that keeps an open card's events from the page, first in every frame.
    expect(m.content_scripts.slice(1)).toEqual(
      dir === 'firefox-mv2'
        ? [
            {
              matches: ['<all_urls>'],
              js: ['guard.js'],
              all_frames: true,
              match_about_blank: true,
              run_at: 'document_start',
            },
          ]
        : [],
    );
    // No stylesheet goes into every page: the marks' look reaches only frames that have marks.
    expect(m.content_scripts[0].css).toBeUndefined();
    expect(existsSync(`.output/${dir}/marks.css`)).toBe(false);
    expect(Object.keys(m.commands).sort()).toEqual(['next-term', 'previous-term', 'toggle-site']);
  });

  it('Firefox declares its add-on id, minimum versions and that it collects no data', () => {
    expect(manifest('firefox-mv2').browser_specific_settings).toEqual({
      gecko: {
        id: 'mars-lens@mars-lens.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('ships no remote script and no analytics endpoint in any file', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      const m = manifest(dir);
      const files = [m.background?.service_worker ?? m.background?.scripts?.[0], m.content_scripts[0].js[0]];
      for (const file of files) {
        const code = readFileSync(`.output/${dir}/${file}`, 'utf8');
        expect(code, `${dir}/${file}`).not.toMatch(
          /https?:\/\/(?!www\.w3\.org\/)[a-z0-9.-]+\.[a-z]{2,}\/[^\s"'`]*\.js\b/i,
        );
        expect(code).not.toMatch(/google-analytics|googletagmanager|sentry\.io|segment\.io|mixpanel/i);
      }
    }
  });
});
