import { render } from 'preact';
import { browser } from 'wxt/browser';
import { activePage } from '@/lib/browser/active-page';
import { sendMessage, type FrameTerms } from '@/lib/browser/messages';
import { loadSettings, saveSettings, watchSettings } from '@/lib/browser/settings-store';
import { factBase } from '@/lib/facts/bundle';
import { occurrence, pageTerms } from '@/lib/popup/occurrence';
import { Popup, type PopupProps } from '@/lib/popup/popup';
import { setSiteEnabled, type Settings } from '@/lib/settings/settings';

const params = new URLSearchParams(location.search);
const base: PopupProps = {
  base: factBase,
  // popup.html?entity=ID opens on that entity ("Open in Mars Lens" in a tooltip);
  // popup.html?q=… starts a search ("Look up in Mars Lens" on a selection).
  entity: params.get('entity') ?? undefined,
  query: params.get('q') ?? undefined,
  onOpenOptions: () => void browser.runtime.openOptionsPage(),
};
const app = document.getElementById('app')!;
// The fact base is in the bundle: browse and search work before anything else answers.
render(<Popup {...base} />, app);

const [page, initial] = await Promise.all([activePage(location.search), loadSettings()]);
let settings: Settings = initial;
let frames: FrameTerms[] | undefined;

const show = (entityId: string, k: number) => {
  const at = frames && occurrence(frames, entityId, k);
  if (at && page.tabId !== undefined) {
    void sendMessage('showTerm', { entityId, n: at.n }, { tabId: page.tabId, frameId: at.frameId }).catch(() => false);
  }
};

const draw = () =>
  render(
    <Popup
      {...base}
      site={{
        url: page.url,
        settings,
        onSiteChange: (enabled) => page.url && void saveSettings(setSiteEnabled(settings, page.url, enabled)),
        onPauseChange: (paused) => void saveSettings({ ...settings, paused }),
      }}
      onPage={page.url ? { terms: frames && pageTerms(frames), onShow: show } : undefined}
    />,
    app,
  );

// What the page has marked changes while the popup is open (a live page, the switch).
const refreshTerms = async () => {
  if (page.tabId === undefined || !page.url) return;
  frames = await sendMessage('tabTerms', page.tabId).catch(() => []);
  draw();
};
watchSettings((next) => {
  settings = next;
  draw();
});
draw();
await refreshTerms();
setInterval(() => void refreshTerms(), 1000);
