// zod/mini: the same validation as zod, tree-shaken to what is used (this module
// ships in the content script, which must stay small).
import * as z from 'zod/mini';
import { normalizeSite, siteKey } from './site-key';

export { normalizeSite, siteKey };

// Every setting of Mars Lens, its default and its validation, in one place. Stored
// values are validated field by field: a broken field falls back to its default and
// the others survive (a bad style value never costs the reader their site list).

// Version 2 added `muted` (reader feedback from the tooltip), version 3 `exceptions`
// (a subdomain switched back inside a listed site); see migrations.ts.
export const SETTINGS_VERSION = 3;

export type SiteMode = 'all-except-listed' | 'only-listed';
export type MarkStyleName = 'underline' | 'background' | 'hover-only';

/**
 * A term the reader asked us not to mark on a site, from the tooltip:
 * "Don't mark this term on this site" mutes the entity there; "Wrong meaning here"
 * mutes only the words that matched (an alias), so other names of it still mark.
 */
export interface MutedTerm {
  site: string;
  entityId: string;
  reason: 'not-on-site' | 'wrong-meaning';
  /** The alias text, for 'wrong-meaning'. */
  alias?: string;
}

export interface Settings {
  /** Mark everywhere except the listed sites, or only on them. */
  mode: SiteMode;
  /** Site keys (see siteKey): a listed site covers its subdomains. */
  sites: string[];
  /**
   * Sites inside a listed site that follow the mode's default instead (news.example.com
   * on while example.com is off). The most specific entry of both lists decides.
   */
  exceptions: string[];
  /** Marking paused everywhere (the popup's global switch). */
  paused: boolean;
  markStyle: MarkStyleName;
  firstMentionOnly: boolean;
  hoverDelayMs: number;
  muted: MutedTerm[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  mode: 'all-except-listed',
  sites: [],
  exceptions: [],
  paused: false,
  markStyle: 'underline',
  firstMentionOnly: false,
  hoverDelayMs: 200,
  muted: [],
});

/** A host name as pages' hosts are spelled (letters, digits, hyphens; punycode), or an IP address. */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)$/;

/** True if site, normalised, can name a site ("hello world" and "a..b" cannot). */
export function isSiteName(site: string): boolean {
  return HOST.test(normalizeSite(site));
}

/** A site name as the reader may type it, normalised; message is the problem's wording. */
const site = (message: string) =>
  z.pipe(z.string(message), z.pipe(z.transform(normalizeSite), z.string().check(z.regex(HOST, message))));

const MUTED_TERM = z.object({
  site: site('no site'),
  entityId: z.string('no entity').check(z.minLength(1, 'no entity')),
  reason: z.enum(['not-on-site', 'wrong-meaning'], 'reason must be "not-on-site" or "wrong-meaning"'),
  alias: z.optional(z.string('alias must be text').check(z.minLength(1, 'alias must be text'))),
});

const FIELDS = {
  mode: z.enum(['all-except-listed', 'only-listed'], 'expected "all-except-listed" or "only-listed"'),
  sites: z.array(z.unknown(), 'expected a list of sites'),
  exceptions: z.array(z.unknown(), 'expected a list of sites'),
  paused: z.boolean('expected true or false'),
  markStyle: z.enum(['underline', 'background', 'hover-only'], 'expected "underline", "background" or "hover-only"'),
  firstMentionOnly: z.boolean('expected true or false'),
  hoverDelayMs: z
    .int('expected a whole number of milliseconds')
    .check(z.minimum(0, 'expected 0 to 2000 ms'), z.maximum(2000, 'expected 0 to 2000 ms')),
  muted: z.array(z.unknown(), 'expected a list of muted terms'),
} satisfies { [K in keyof Settings]: z.ZodMiniType };

const SITE = site('not a site name');

// The lists are checked entry by entry: a broken entry goes alone, the rest survive.
const ENTRY = { sites: SITE, exceptions: SITE, muted: MUTED_TERM } as const;
const KEY = { sites: (s: string) => s, exceptions: (s: string) => s, muted: (m: MutedTerm) => mutedKey(m) } as const;

function validList<K extends keyof typeof ENTRY>(key: K, list: unknown[], problems: string[]): Settings[K] {
  const kept = new Map<string, Settings[K][number]>();
  list.forEach((entry, i) => {
    const parsed = ENTRY[key].safeParse(entry);
    if (!parsed.success) problems.push(`${key}[${i}]: ${parsed.error.issues[0]?.message ?? 'invalid'}; dropped`);
    else kept.set((KEY[key] as (x: unknown) => string)(parsed.data), parsed.data);
  });
  return [...kept.values()] as Settings[K];
}

export interface Validated {
  settings: Settings;
  /** One line per field that was broken and fell back to its default. */
  problems: string[];
}

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, sites: [], exceptions: [], muted: [] };
}

/** Reads a stored or imported value: valid fields are kept, broken ones fall back. */
export function validateSettings(raw: unknown): Validated {
  const problems: string[] = [];
  const source = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (source !== raw) problems.push(`settings: expected an object, got ${raw === null ? 'null' : typeof raw}`);
  const settings = defaultSettings();
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (!(key in source)) continue;
    const parsed = FIELDS[key].safeParse(source[key]);
    if (parsed.success) {
      const value =
        key === 'sites' || key === 'exceptions' || key === 'muted'
          ? validList(key, parsed.data as unknown[], problems)
          : parsed.data;
      (settings as unknown as Record<string, unknown>)[key] = value;
    } else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; using the default`);
  }
  // A site both listed and an exception says two things: the listing stands.
  const both = settings.exceptions.filter((site) => settings.sites.includes(site));
  if (both.length) {
    problems.push(`exceptions: ${both.join(', ')} also listed in sites; dropped`);
    settings.exceptions = settings.exceptions.filter((site) => !both.includes(site));
  }
  return { settings, problems };
}

/** True if the host of url is site or one of its subdomains. */
function covers(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

type SiteRules = Pick<Settings, 'mode' | 'sites' | 'exceptions'>;

/** The entry that decides host: the most specific listed site or exception covering it. */
export function decidingEntry(host: string, rules: SiteRules): { site: string; listed: boolean } | undefined {
  let best: { site: string; listed: boolean } | undefined;
  for (const [list, listed] of [
    [rules.sites, true],
    [rules.exceptions, false],
  ] as const)
    for (const site of list)
      if (covers(site, host) && (!best || site.length > best.site.length)) best = { site, listed };
  return best;
}

/** Whether host is marked under rules (the pause aside). */
function hostEnabled(host: string, rules: SiteRules): boolean {
  const listed = host !== '' && (decidingEntry(host, rules)?.listed ?? false);
  return rules.mode === 'all-except-listed' ? !listed : listed;
}

/**
 * Whether Mars Lens marks pages at url. A listed site covers its subdomains
 * ("example.com" covers "news.example.com"; "news.example.com" does not cover
 * "example.com"), and an exception inside it covers its own. Pages without a host
 * (file:, data:) follow the mode's default.
 */
export function isSiteEnabled(
  url: string,
  settings: Pick<Settings, 'mode' | 'sites' | 'exceptions' | 'paused'>,
): boolean {
  if (settings.paused) return false;
  return hostEnabled(siteKey(url), settings);
}

/**
 * The settings with url's site switched on or off (what the popup's one switch does).
 * Only that site's own entry changes: a listed parent stays listed (switching on
 * news.example.com inside an off example.com makes it an exception), and subdomains the
 * reader set apart keep their setting (their entries stay, even where they change
 * nothing now: switching the parent back must not undo them).
 */
export function setSiteEnabled(settings: Settings, url: string, enabled: boolean): Settings {
  const host = siteKey(url);
  if (!host) return settings;
  const next: Settings = {
    ...settings,
    sites: settings.sites.filter((s) => s !== host),
    exceptions: settings.exceptions.filter((s) => s !== host),
  };
  if (hostEnabled(host, next) !== enabled) {
    // Listed means "not the mode's default"; an exception means "the default after all".
    const listed = settings.mode === 'all-except-listed' ? !enabled : enabled;
    const parent = decidingEntry(host, next);
    if (listed || parent?.listed) (listed ? next.sites : next.exceptions).push(host);
  }
  return next;
}

/** The settings without a listed site, and without the exceptions that only it held. */
export function unlistSite(settings: Settings, site: string): Settings {
  const sites = settings.sites.filter((s) => s !== site);
  const exceptions = settings.exceptions.filter((e) => !covers(site, e) || sites.some((s) => covers(s, e)));
  return { ...settings, sites, exceptions };
}

/**
 * What the popup's switch for url's site does, in a sentence; '' where there is no
 * site to switch.
 */
export function describeSiteSwitch(url: string, settings: Settings): string {
  const host = siteKey(url);
  if (!host) return '';
  const on = hostEnabled(host, settings);
  const entry = decidingEntry(host, settings);
  const word = (b: boolean) => (b ? 'on' : 'off');
  const apart = [...settings.sites, ...settings.exceptions].filter(
    (s) => s !== host && covers(host, s) && hostEnabled(s, settings) !== !on,
  );
  const except = apart.length ? ` (except ${apart.join(', ')}, set apart)` : '';
  if (entry && entry.site !== host)
    return `${word(on)[0]!.toUpperCase()}${word(on).slice(1)} because ${entry.site} is ${word(on)}. Switching ${word(!on)} applies to ${host} and its subdomains only${except}; ${entry.site} stays ${word(on)}.`;
  if (!entry && settings.mode === 'only-listed')
    return `Off: Mars Lens marks only the sites you list. Switching on adds ${host} and its subdomains${except}.`;
  return `Switching ${word(!on)} applies to ${host} and its subdomains${except}.`;
}

export function mutedKey(m: MutedTerm): string {
  return `${m.site}\u0000${m.entityId}\u0000${m.reason}\u0000${m.alias ?? ''}`;
}

/** The muted terms that apply on url's page (a site's rules cover its subdomains). */
export function mutedOn(url: string, settings: Pick<Settings, 'muted'>): MutedTerm[] {
  const host = siteKey(url);
  return host ? settings.muted.filter((m) => covers(m.site, host)) : [];
}

/** The settings with one more muted term on url's site (no duplicates). */
export function muteTerm(settings: Settings, url: string, term: Omit<MutedTerm, 'site'>): Settings {
  const site = siteKey(url);
  if (!site) return settings;
  const entry: MutedTerm = { site, ...term };
  if (settings.muted.some((m) => mutedKey(m) === mutedKey(entry))) return settings;
  return { ...settings, muted: [...settings.muted, entry] };
}

/** The settings without one muted term (the options page's undo). */
export function unmuteTerm(settings: Settings, term: MutedTerm): Settings {
  return { ...settings, muted: settings.muted.filter((m) => mutedKey(m) !== mutedKey(term)) };
}

/** What a page's content script needs to know: undefined when Mars Lens is off there. */
export interface PageConfig {
  muted: MutedTerm[];
  markStyle: MarkStyleName;
  firstMentionOnly: boolean;
  hoverDelayMs: number;
}

export function pageConfig(url: string, settings: Settings): PageConfig | undefined {
  if (!isSiteEnabled(url, settings)) return undefined;
  const { markStyle, firstMentionOnly, hoverDelayMs } = settings;
  return { muted: mutedOn(url, settings), markStyle, firstMentionOnly, hoverDelayMs };
}
