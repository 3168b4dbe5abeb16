import { useState } from 'preact/hooks';
import type { SettingsPlace } from '../browser/settings-store';
import {
  defaultSettings,
  isSiteName,
  normalizeSite,
  unlistSite,
  unmuteTerm,
  type MarkStyleName,
  type Settings,
  type SiteMode,
} from '../settings/settings';
import { exportSettings, importSettings } from '../settings/settings-file';
import { LibrarySection, type LibrarySectionProps } from './library-section';

// Every setting, editable, plus export, import and reset. Each change is saved at
// once (there is no "Save" to forget); an import is all or nothing, says what it would
// replace and waits for a yes, and can be undone afterwards.

export interface OptionsPageProps {
  settings: Settings;
  place: SettingsPlace;
  /** Entity names, for the muted terms list. */
  names: ReadonlyMap<string, string>;
  save: (settings: Settings) => void;
  /** Offers text as a file download. */
  download: (fileName: string, text: string) => void;
  /** The reader's library, once known. */
  library?: Omit<LibrarySectionProps, 'download'>;
}

const MODES: [SiteMode, string][] = [
  ['all-except-listed', 'Everywhere, except on the sites listed below'],
  ['only-listed', 'Only on the sites listed below'],
];
const STYLES: [MarkStyleName, string][] = [
  ['underline', 'Dotted underline'],
  ['background', 'Tinted background'],
  ['hover-only', 'Nothing until I point at a term'],
];

export function OptionsPage({ settings, place, names, save, download, library }: OptionsPageProps) {
  const [newSite, setNewSite] = useState('');
  const [siteProblem, setSiteProblem] = useState('');
  const [importState, setImportState] = useState<
    { ok: boolean; text: string; undo?: { before: Settings; after: Settings } } | undefined
  >();
  // Undo is offered only while the imported settings are still in force: after any
  // other change, undoing would silently revert that change too.
  const canUndo = !!importState?.undo && JSON.stringify(importState.undo.after) === JSON.stringify(settings);
  /** A valid file read, waiting for the reader's yes. */
  const [pending, setPending] = useState<{ name: string; settings: Settings } | undefined>();
  const [confirmReset, setConfirmReset] = useState(false);
  const set = (change: Partial<Settings>) => save({ ...settings, ...change });

  const addSite = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(newSite);
    if (!site) return;
    if (!isSiteName(site)) {
      setSiteProblem(`“${newSite.trim()}” is not a site name. Type one like example.com.`);
      return;
    }
    setSiteProblem('');
    if (!settings.sites.includes(site)) set({ sites: [...settings.sites, site] });
    setNewSite('');
  };

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importSettings(await file.text());
    if (result.ok) {
      setImportState(undefined);
      setPending({ name: file.name, settings: result.settings });
    } else {
      setPending(undefined);
      setImportState({
        ok: false,
        text: `${file.name} was not imported. ${result.reason} Your settings are unchanged.`,
      });
    }
  };

  return (
    <main>
      <h1>Mars Lens settings</h1>
      {place.area === 'local' && (
        <p class="notice" role="status">
          Your settings are too large for your browser's sync storage, so they are kept in this browser only
          {place.reason ? ` (${place.reason})` : ''}. Removing sites from the list lets them sync again.
        </p>
      )}

      <fieldset>
        <legend>Where Mars Lens marks terms</legend>
        {MODES.map(([mode, label]) => (
          <label key={mode} class="choice">
            <input type="radio" name="mode" checked={settings.mode === mode} onChange={() => set({ mode })} />
            {label}
          </label>
        ))}
        <label class="choice">
          <input type="checkbox" checked={settings.paused} onChange={(e) => set({ paused: e.currentTarget.checked })} />
          Pause everywhere
        </label>
      </fieldset>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">
          {settings.mode === 'all-except-listed' ? 'Sites where Mars Lens is off' : 'Sites where Mars Lens is on'}
        </h2>
        <p class="hint">
          A site covers its subdomains: example.com also covers news.example.com, unless the popup's switch set
          news.example.com apart.
        </p>
        {settings.sites.length === 0 ? (
          <p class="none">No sites listed.</p>
        ) : (
          <ul class="sites">
            {settings.sites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" aria-label={`Remove ${site}`} onClick={() => save(unlistSite(settings, site))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        {settings.exceptions.length > 0 && (
          <>
            <h3 id="exceptions-heading">
              {settings.mode === 'all-except-listed'
                ? 'Still on, inside a site listed above'
                : 'Still off, inside a site listed above'}
            </h3>
            <ul class="sites" aria-labelledby="exceptions-heading">
              {settings.exceptions.map((site) => (
                <li key={site}>
                  <span>{site}</span>
                  <button
                    type="button"
                    aria-label={`Remove the exception for ${site}`}
                    onClick={() => set({ exceptions: settings.exceptions.filter((s) => s !== site) })}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <form class="add-site" onSubmit={addSite}>
          <label>
            Add a site{' '}
            <input
              type="text"
              name="site"
              placeholder="example.com"
              value={newSite}
              aria-invalid={siteProblem ? 'true' : undefined}
              aria-describedby={siteProblem ? 'site-problem' : undefined}
              onInput={(e) => setNewSite(e.currentTarget.value)}
            />
          </label>
          <button type="submit">Add</button>
        </form>
        {siteProblem && (
          <p id="site-problem" class="error" role="alert">
            {siteProblem}
          </p>
        )}
      </section>

      <fieldset>
        <legend>How terms are marked</legend>
        {STYLES.map(([markStyle, label]) => (
          <label key={markStyle} class="choice">
            <input
              type="radio"
              name="markStyle"
              checked={settings.markStyle === markStyle}
              onChange={() => set({ markStyle })}
            />
            {label}
          </label>
        ))}
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            onChange={(e) => set({ firstMentionOnly: e.currentTarget.checked })}
          />
          Mark only the first mention of each term
        </label>
        <label class="choice">
          Hover delay{' '}
          <input
            type="number"
            min={0}
            max={2000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              // A field being cleared (to type a new number) is no choice of 0 ms.
              const raw = e.currentTarget.value.trim();
              const n = Math.round(Number(raw));
              if (raw !== '' && Number.isFinite(n)) set({ hoverDelayMs: Math.min(2000, Math.max(0, n)) });
            }}
            onBlur={(e) => {
              // Left empty: it shows the delay still in force.
              if (e.currentTarget.value.trim() === '') e.currentTarget.value = String(settings.hoverDelayMs);
            }}
          />{' '}
          ms
        </label>
      </fieldset>

      <section aria-labelledby="muted-heading">
        <h2 id="muted-heading">Terms you asked not to mark</h2>
        {settings.muted.length === 0 ? (
          <p class="none">None. Use “Don't mark this term on this site” or “Wrong meaning here” in a tooltip.</p>
        ) : (
          <ul class="muted">
            {settings.muted.map((m) => {
              const name = names.get(m.entityId) ?? m.entityId;
              const what =
                m.reason === 'wrong-meaning'
                  ? `“${m.alias ?? name}” (${name}): wrong meaning on ${m.site}`
                  : `${name}: not marked on ${m.site}`;
              return (
                <li key={`${m.site} ${m.entityId} ${m.reason} ${m.alias ?? ''}`}>
                  <span>{what}</span>
                  <button type="button" aria-label={`Undo: ${what}`} onClick={() => save(unmuteTerm(settings, m))}>
                    Undo
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="file-heading">
        <h2 id="file-heading">Back up and restore</h2>
        <div class="row">
          <button type="button" onClick={() => download('mars-lens-settings.json', exportSettings(settings))}>
            Export settings
          </button>
          <label class="file">
            Import settings{' '}
            <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e.currentTarget)} />
          </label>
        </div>
        {pending && (
          <div class="confirm-import" role="group" aria-labelledby="confirm-import-text">
            <p id="confirm-import-text">
              Replace your settings with those in {pending.name}? {summarize(pending.settings)}
            </p>
            <div class="row">
              <button
                type="button"
                onClick={() => {
                  const undo = { before: settings, after: pending.settings };
                  save(pending.settings);
                  setPending(undefined);
                  setImportState({ ok: true, text: `Imported the settings from ${pending.name}.`, undo });
                }}
              >
                Replace my settings
              </button>
              <button type="button" onClick={() => setPending(undefined)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {importState && (
          <p class={importState.ok ? 'ok' : 'error'} role={importState.ok ? 'status' : 'alert'}>
            <span>{importState.text}</span>
            {canUndo && (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() => {
                    save(importState.undo!.before);
                    setImportState({ ok: true, text: 'Your settings are back as they were before the import.' });
                  }}
                >
                  Undo import
                </button>
              </>
            )}
          </p>
        )}
        <div class="row">
          {confirmReset ? (
            <>
              <span>Reset every setting, including your site list?</span>
              <button
                type="button"
                onClick={() => {
                  save(defaultSettings());
                  setConfirmReset(false);
                }}
              >
                Yes, reset
              </button>
              <button type="button" onClick={() => setConfirmReset(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmReset(true)}>
              Reset to defaults…
            </button>
          )}
        </div>
      </section>
      {library && <LibrarySection {...library} download={download} />}
    </main>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What an imported file would set, in a sentence. */
function summarize(s: Settings): string {
  const where = s.mode === 'all-except-listed' ? 'everywhere except' : 'only on';
  const parts = [
    `Marks ${where} ${count(s.sites.length, 'listed site', 'listed sites')}`,
    s.exceptions.length ? count(s.exceptions.length, 'exception', 'exceptions') : '',
    count(s.muted.length, 'muted term', 'muted terms'),
    s.paused ? 'paused everywhere' : '',
  ].filter(Boolean);
  return `${parts.join(', ')}.`;
}
