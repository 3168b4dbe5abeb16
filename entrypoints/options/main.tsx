import { render } from 'preact';
import {
  loadSettings,
  loadSettingsPlace,
  watchSettings,
  watchSettingsPlace,
  type SettingsPlace,
} from '@/lib/browser/settings-store';
import { sendSettingsChange } from '@/lib/browser/settings-writer';
import { library, watchLibrary } from '@/lib/browser/library-client';
import type { ArticleCard } from '@/lib/library/library';
import { factBase } from '@/lib/facts/bundle';
import { OptionsPage } from '@/lib/options/options-page';
import type { Settings } from '@/lib/settings/settings';

const names = new Map(factBase.entities.map((e) => [e.id, e.name]));
const app = document.getElementById('app')!;
let [settings, place]: [Settings, SettingsPlace] = await Promise.all([loadSettings(), loadSettingsPlace()]);

let articles: ArticleCard[] = await library.list();
const refreshLibrary = async () => {
  articles = await library.list();
  draw();
};
// Saved or deleted elsewhere (the popup, another settings page).
watchLibrary(() => void refreshLibrary());

const download = (fileName: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const draw = () =>
  render(
    <OptionsPage
      settings={settings}
      place={place}
      names={names}
      download={download}
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
        exportPack: () => library.export(null),
        importPack: async (text) => {
          const answer = await library.import(text);
          await refreshLibrary();
          return answer;
        },
      }}
      save={(next) => {
        // Shown at once; the background writes it (rebased onto any change made meanwhile
        // elsewhere), and its answer (sync or local) follows.
        const seen = settings;
        settings = next;
        draw();
        void sendSettingsChange(seen, next).then((p) => {
          place = p;
          draw();
        });
      }}
    />,
    app,
  );
watchSettings((next) => {
  settings = next;
  draw();
});
watchSettingsPlace((next) => {
  place = next;
  draw();
});
draw();
