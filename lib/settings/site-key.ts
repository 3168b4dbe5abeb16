// Site keys without the settings' validation, for code that must stay small (every
// frame's content script asks only this of the settings module).

/** "https://www.News.example.com:8080/x" → "news.example.com"; a bare host is accepted too. */
export function siteKey(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return '';
  }
  return normalizeSite(host);
}

/** A site as the reader types it ("www.example.com/", "Example.com") → "example.com". */
export function normalizeSite(site: string): string {
  let s = site.trim().toLowerCase();
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '');
  s = s.replace(/^www\./, '').replace(/\.$/, '');
  // A site typed with non-ASCII letters ("bücher.de") is kept as pages' hosts are
  // spelled, in punycode ("xn--bcher-kva.de").
  if (/[^ -~]/.test(s)) {
    try {
      s = new URL(`http://${s}`).hostname;
    } catch {
      // not a host name: kept as typed
    }
  }
  return s;
}
