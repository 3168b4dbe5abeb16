import { extractArticle } from '@/lib/library/extract';

// Injected by the popup into the tab's top frame only when the reader saves an article
// (lib/browser/article-extractor.ts), in the extension's own world: it reads a copy of
// the page and returns the article (lib/library/extract.ts). No frame carries it.
export default defineUnlistedScript(() => extractArticle(document, location.href));
