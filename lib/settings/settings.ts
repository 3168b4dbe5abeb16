import { z } from 'zod';

// Every setting of Mars Lens, its default and its validation, in one place. Stored
// values are validated field by field: a broken field falls back to its default and
// the others survive (a bad style value never costs the reader their site list).

export const SETTINGS_VERSION = 1;

export type SiteMode = 'all-except-listed' | 'only-listed';
export type MarkStyleName = 'underline' | 'background' | 'hover-only';

export interface Settings {
  /** Mark everywhere except the listed sites, or only on them. */
  mode: SiteMode;
  /** Site keys (see siteKey): a listed site covers its subdomains. */
  sites: string[];
  /** Marking paused everywhere (the popup's global switch). */
  paused: boolean;
  markStyle: MarkStyleName;
  firstMentionOnly: boolean;
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  mode: 'all-except-listed',
  sites: [],
  paused: false,
  markStyle: 'underline',
  firstMentionOnly: false,
  hoverDelayMs: 200,
});

const FIELDS = {
  mode: z.enum(['all-except-listed', 'only-listed']),
  // Entries that are not strings are dropped one by one; the rest of the list survives.
  sites: z.array(z.unknown()).transform((sites) => [
    ...new Set(
      sites
        .filter((x): x is string => typeof x === 'string')
        .map(normalizeSite)
        .filter((x) => x !== ''),
    ),
  ]),
  paused: z.boolean(),
  markStyle: z.enum(['underline', 'background', 'hover-only']),
  firstMentionOnly: z.boolean(),
  hoverDelayMs: z.number().int().min(0).max(2000),
} satisfies { [K in keyof Settings]: z.ZodType };

export interface Validated {
  settings: Settings;
  /** One line per field that was broken and fell back to its default. */
  problems: string[];
}

/** Reads a stored or imported value: valid fields are kept, broken ones fall back. */
export function validateSettings(raw: unknown): Validated {
  const problems: string[] = [];
  const source = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (source !== raw) problems.push(`settings: expected an object, got ${raw === null ? 'null' : typeof raw}`);
  const settings = { ...DEFAULT_SETTINGS, sites: [...DEFAULT_SETTINGS.sites] } as Settings;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (!(key in source)) continue;
    const parsed = FIELDS[key].safeParse(source[key]);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; using the default`);
  }
  return { settings, problems };
}

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
  return s;
}

/** True if the host of url is site or one of its subdomains. */
function covers(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/**
 * Whether Mars Lens marks pages at url. A listed site covers its subdomains
 * ("example.com" covers "news.example.com"; "news.example.com" does not cover
 * "example.com"). Pages without a host (file:, data:) follow the mode's default.
 */
export function isSiteEnabled(url: string, settings: Pick<Settings, 'mode' | 'sites' | 'paused'>): boolean {
  if (settings.paused) return false;
  const host = siteKey(url);
  const listed = host !== '' && settings.sites.some((site) => covers(site, host));
  return settings.mode === 'all-except-listed' ? !listed : listed;
}

/** The settings with url's site switched on or off (what the popup's one switch does). */
export function setSiteEnabled(settings: Settings, url: string, enabled: boolean): Settings {
  const host = siteKey(url);
  if (!host) return settings;
  // Listed means "off" in the first mode and "on" in the second.
  const shouldList = settings.mode === 'all-except-listed' ? !enabled : enabled;
  const others = settings.sites.filter((site) => !covers(site, host) && !covers(host, site));
  const sites = shouldList ? [...others, host] : others;
  return { ...settings, sites };
}
