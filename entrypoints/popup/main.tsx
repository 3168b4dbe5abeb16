import { render } from 'preact';
import { browser } from 'wxt/browser';
import { activeTabId, ownTab, pageUrl } from '@/lib/browser/active-page';
import { extractFromTab, library, watchLibrary } from '@/lib/browser/library-client';
import { sendMessage, type FrameTerms } from '@/lib/browser/messages';
import { loadSettings, watchSettings } from '@/lib/browser/settings-store';
import { sendSettingsChange } from '@/lib/browser/settings-writer';
import { factBase } from '@/lib/facts/bundle';
import { analyzeArticle } from '@/lib/library/analyze';
import { isWebUrl, withLibrary, type ArticleCard } from '@/lib/library/library';
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
const tabTerms = (tabId: number | undefined) =>
  tabId === undefined ? Promise.resolve(undefined) : sendMessage('tabTerms', tabId).catch(() => []);
// Everything the first full draw needs, asked for at once and before the first draw, so
// the answers travel (tab, background, storage) while the fact list is drawn.
const tabIdAsked = activeTabId(location.search);
const answers = tabIdAsked.then((tabId) => Promise.all([pageUrl(tabId), loadSettings(), tabTerms(tabId)]));
const libraryAsked = library.list();

// Shown as a tab (Firefox for Android, or opened as a page): as wide as the screen.
void ownTab().then((tab) => tab && document.body.classList.add('in-tab'));
const app = document.getElementById('app')!;
// The fact base is in the bundle: browse and search work before anything else answers.
render(<Popup {...base} />, app);
// User Timing marks (local to this page; `npm run bench` reads them for the popup's open time).
performance.mark('mars-lens:popup-browse');

const tabId = await tabIdAsked;
const [url, initial, initialFrames] = await answers;
const page = { tabId, url };
let settings: Settings = initial;
let frames: FrameTerms[] | undefined = initialFrames;
let articles: ArticleCard[] = await libraryAsked;
// Built once per library change (the search index follows the base it is given).
let withSaved = withLibrary(factBase, articles);
const refreshLibrary = async () => {
  articles = await library.list();
  withSaved = withLibrary(factBase, articles);
  draw();
};

const show = (entityId: string, k: number) => {
  const at = frames && occurrence(frames, entityId, k);
  if (at && page.tabId !== undefined) {
    void sendMessage('showTerm', { entityId, n: at.n }, { tabId: page.tabId, frameId: at.frameId }).catch(() => false);
  }
};

// Shown at once; the background writes it, rebased onto whatever changed meanwhile.
const change = (next: Settings) => {
  const seen = settings;
  settings = next;
  draw();
  void sendSettingsChange(seen, next);
};

const draw = (): void =>
  render(
    <Popup
      {...base}
      base={withSaved}
      save={
        page.url && isWebUrl(page.url) && page.tabId !== undefined
          ? {
              extract: () => extractFromTab(page.tabId!),
              analyze: (article) => analyzeArticle(article, factBase),
              save: async (article) => {
                const answer = await library.save(article);
                await refreshLibrary();
                return answer;
              },
            }
          : undefined
      }
      library={{
        articles,
        onDelete: async (id) => {
          const gone = await library.remove(id);
          await refreshLibrary();
          return gone;
        },
        onRestore: async (article) => {
          await library.save(article);
          await refreshLibrary();
        },
      }}
      site={{
        url: page.url,
        settings,
        onSiteChange: (enabled) => page.url && change(setSiteEnabled(settings, page.url, enabled)),
        onPauseChange: (paused) => change({ ...settings, paused }),
      }}
      onPage={page.url ? { terms: frames && pageTerms(frames), onShow: show } : undefined}
    />,
    app,
  );

watchLibrary(() => void refreshLibrary());
watchSettings((next) => {
  settings = next;
  draw();
});
draw();
performance.mark('mars-lens:popup-ready');
// What the page has marked changes while the popup is open (a live page, the switch).
setInterval(async () => {
  if (!page.url) return;
  frames = await tabTerms(page.tabId);
  draw();
}, 1000);
