import { registerBadge } from '@/lib/browser/badge';
import { registerCommands } from '@/lib/browser/commands';
import { registerOpenEntity } from '@/lib/browser/open-entity';

export default defineBackground(() => {
  registerCommands();
  registerOpenEntity();
  registerBadge();
});
