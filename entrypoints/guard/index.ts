import { installEventGuard } from '@/lib/tooltip/event-guard';

// Firefox only, in every frame before the page's own scripts (wxt.config.ts): the
// guard that keeps the page from seeing events aimed at an open card
// (lib/tooltip/event-guard.ts). It does nothing else.
export default defineUnlistedScript({
  include: ['firefox'],
  main() {
    installEventGuard(window);
  },
});
