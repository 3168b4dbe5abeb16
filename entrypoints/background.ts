import { registerCommands } from '@/lib/browser/commands';
import { registerContextMenu } from '@/lib/browser/context-menu';
import { registerOpenEntity } from '@/lib/browser/open-entity';
import { registerTabTerms } from '@/lib/browser/tab-terms';

export default defineBackground(() => {
  registerCommands();
  registerContextMenu();
  registerOpenEntity();
  registerTabTerms();
});
