import { render } from 'preact';
import { activePage } from '@/lib/browser/active-page';
import { loadSettings, saveSettings, watchSettings } from '@/lib/browser/settings-store';
import { factBase } from '@/lib/facts/bundle';
import { Popup } from '@/lib/popup/popup';
import { setSiteEnabled, type Settings } from '@/lib/settings/settings';

const params = new URLSearchParams(location.search);
// popup.html?entity=ID opens on that entity ("Open in Mars Lens" in a tooltip).
const entity = params.get('entity') ?? undefined;
const app = document.getElementById('app')!;
render(<Popup base={factBase} entity={entity} />, app);

const [page, initial] = await Promise.all([activePage(location.search), loadSettings()]);
let settings: Settings = initial;
const draw = () =>
  render(
    <Popup
      base={factBase}
      entity={entity}
      site={{
        url: page.url,
        settings,
        onSiteChange: (enabled) => page.url && void saveSettings(setSiteEnabled(settings, page.url, enabled)),
        onPauseChange: (paused) => void saveSettings({ ...settings, paused }),
      }}
    />,
    app,
  );
watchSettings((next) => {
  settings = next;
  draw();
});
draw();
