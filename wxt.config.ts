import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { writeFactBundle } from './lib/facts/write-bundle';

// Firefox needs a fixed add-on id for storage and for store submission.
export const FIREFOX_ADDON_ID = 'mars-lens@mars-lens.org';

export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Mars Lens',
    description:
      'Explains Mars exploration news while you read: marks terms like Jezero, PIXL or JPL and shows sourced facts on hover.',
    // storage: the reader's settings. contextMenus: "Look up in Mars Lens" on a
    // selection. The content script's host access comes from its `matches`, it reads
    // only the page it runs on, and pages tell us their own URL (so no "tabs"
    // permission). Host access to the same pages the content script already runs on (so
    // no new permission warning), with scripting in Chromium, for two things: a frame
    // that has marks gets their look from the background as a user stylesheet, which no
    // page can see before then (lib/browser/mark-css.ts); and after an install or an
    // update, Chromium leaves open tabs without a working content script, and the
    // background puts it back (lib/browser/reinject.ts). Firefox does that itself.
    ...(browser === 'firefox'
      ? { permissions: ['storage', 'contextMenus', '<all_urls>'] }
      : { permissions: ['storage', 'contextMenus', 'scripting'], host_permissions: ['<all_urls>'] }),
    // Every frame's script (entrypoints/frame/, an unlisted script: see there why).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['frame.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      },
      // Firefox only: the guard that keeps an open card's events from the page, first on
      // every frame's window (lib/tooltip/event-guard.ts).
      ...(browser === 'firefox'
        ? [
            {
              matches: ['<all_urls>'],
              js: ['guard.js'],
              all_frames: true,
              match_about_blank: true,
              run_at: 'document_start',
            },
          ]
        : []),
    ],
    action: { default_title: 'Mars Lens' },
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Switch marking off or on for the current site',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next marked term and show its tooltip',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous marked term and show its tooltip',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip:firefox` also packs the sources for addons.mozilla.org review; the
  // generated demo and benchmark output are not sources.
  zip: { excludeSources: ['demo-output/**', 'bench/.out/**', 'bench/results-quick.json', 'coverage/**'] },
  // `npm run bench` also builds with a fact base 100× today's (bench/fact-base-100x.ts
  // writes it): modes facts-100x (as shipped) and bench-100x (with the probe).
  vite: (env) =>
    env.mode.endsWith('-100x')
      ? {
          resolve: {
            alias: [
              { find: /^\.\/generated\/fact-base\.json$/, replacement: resolve('bench/.out/fact-base-100x.json') },
            ],
          },
        }
      : {},
  hooks: {
    // The fact base is compiled (and verified) on every build, so a bad quote can
    // never reach a package.
    'build:before': () => {
      writeFactBundle(process.cwd());
    },
  },
});
