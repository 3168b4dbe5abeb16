import { registerCommands } from '@/lib/browser/commands';
import { registerContextMenu } from '@/lib/browser/context-menu';
import { registerOpenEntity } from '@/lib/browser/open-entity';
import { registerTabTerms } from '@/lib/browser/tab-terms';
import { registerTermService } from '@/lib/browser/term-service';
import { registerSettingsWriter } from '@/lib/browser/settings-writer';
import { factBase } from '@/lib/facts/bundle';

export default defineBackground(() => {
  registerSettingsWriter();
  registerTermService(factBase);
  registerCommands();
  registerContextMenu();
  registerOpenEntity();
  registerTabTerms();
});
