import { registerCardRelay } from '@/lib/browser/card-relay';
import { registerCommands } from '@/lib/browser/commands';
import { registerLibrary } from '@/lib/browser/library-service';
import { registerContextMenu } from '@/lib/browser/context-menu';
import { registerMarkCss } from '@/lib/browser/mark-css';
import { registerOpenEntity } from '@/lib/browser/open-entity';
import { registerReinjection } from '@/lib/browser/reinject';
import { registerTabTerms } from '@/lib/browser/tab-terms';
import { registerTermService } from '@/lib/browser/term-service';
import { registerSettingsWriter } from '@/lib/browser/settings-writer';
import { factBase } from '@/lib/facts/bundle';

// In Firefox an event page, as Chromium's service worker is: unloaded while idle (it
// holds the fact base), and nothing in it lives only in memory.
export default defineBackground({
  persistent: false,
  main() {
    registerSettingsWriter();
    registerTermService(factBase, registerLibrary(factBase));
    registerCommands();
    registerContextMenu();
    registerOpenEntity();
    registerTabTerms();
    registerReinjection();
    registerMarkCss();
    registerCardRelay();
  },
});
