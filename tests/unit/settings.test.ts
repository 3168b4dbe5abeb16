import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isSiteEnabled,
  isSiteName,
  unlistSite,
  normalizeSite,
  mutedOn,
  muteTerm,
  unmuteTerm,
  setSiteEnabled,
  siteKey,
  validateSettings,
  type Settings,
} from '../../lib/settings/settings';

const settings = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  sites: [],
  exceptions: [],
  ...over,
});

describe('isSiteEnabled', () => {
  it.each<[string, Partial<Settings>, string, boolean]>([
    ['everywhere by default', {}, 'https://news.example.com/a', true],
    ['a listed site is off', { sites: ['example.com'] }, 'https://example.com/', false],
    ['a listed site covers its subdomains', { sites: ['example.com'] }, 'https://news.example.com/a', false],
    ['www is the same site', { sites: ['example.com'] }, 'http://www.example.com:8080/', false],
    ['a subdomain does not cover its parent', { sites: ['news.example.com'] }, 'https://example.com/', true],
    ['a look-alike is another site', { sites: ['example.com'] }, 'https://badexample.com/', true],
    ['other sites stay on', { sites: ['example.com'] }, 'https://other.org/', true],
    [
      'only-listed: a listed site is on',
      { mode: 'only-listed', sites: ['example.com'] },
      'https://a.example.com/',
      true,
    ],
    ['only-listed: others are off', { mode: 'only-listed', sites: ['example.com'] }, 'https://other.org/', false],
    ['paused is off everywhere', { paused: true }, 'https://example.com/', false],
    ['a page without a host follows the mode', {}, 'file:///tmp/a.html', true],
    ['… in only-listed mode too', { mode: 'only-listed', sites: ['x.org'] }, 'file:///tmp/a.html', false],
    ['127.0.0.1 is a site like any other', { sites: ['127.0.0.1'] }, 'http://127.0.0.1:4000/x', false],
    [
      'an exception inside a listed site is on',
      { sites: ['example.com'], exceptions: ['news.example.com'] },
      'https://a.news.example.com/',
      true,
    ],
    [
      '… and its parent stays off',
      { sites: ['example.com'], exceptions: ['news.example.com'] },
      'https://example.com/',
      false,
    ],
    [
      'the most specific entry decides',
      { sites: ['example.com', 'a.news.example.com'], exceptions: ['news.example.com'] },
      'https://a.news.example.com/',
      false,
    ],
    [
      'only-listed: an exception inside a listed site is off',
      { mode: 'only-listed', sites: ['example.com'], exceptions: ['news.example.com'] },
      'https://news.example.com/',
      false,
    ],
  ])('%s', (_what, over, url, want) => {
    expect(isSiteEnabled(url, settings(over))).toBe(want);
  });
});

describe('setSiteEnabled', () => {
  it('turns a site off and on again, leaving other sites alone', () => {
    const off = setSiteEnabled(settings({ sites: ['other.org'] }), 'https://news.example.com/x', false);
    expect(off.sites).toEqual(['other.org', 'news.example.com']);
    expect(isSiteEnabled('https://news.example.com/y', off)).toBe(false);
    const on = setSiteEnabled(off, 'https://news.example.com/z', true);
    expect(on.sites).toEqual(['other.org']);
    expect(isSiteEnabled('https://news.example.com/y', on)).toBe(true);
  });

  it('turning on a subdomain of a listed site makes it an exception: the parent and its other subdomains stay off', () => {
    const on = setSiteEnabled(settings({ sites: ['example.com'] }), 'https://news.example.com/', true);
    expect(on).toMatchObject({ sites: ['example.com'], exceptions: ['news.example.com'] });
    expect(isSiteEnabled('https://news.example.com/', on)).toBe(true);
    expect(isSiteEnabled('https://example.com/', on)).toBe(false);
    expect(isSiteEnabled('https://shop.example.com/', on)).toBe(false);
    // Switched off again, the exception goes: nothing is left over.
    expect(setSiteEnabled(on, 'https://news.example.com/', false)).toMatchObject({
      sites: ['example.com'],
      exceptions: [],
    });
  });

  it('only-listed: switching off a subdomain of a listed site leaves the site and its other subdomains on', () => {
    const off = setSiteEnabled(
      settings({ mode: 'only-listed', sites: ['example.com'] }),
      'https://news.example.com/',
      false,
    );
    expect(isSiteEnabled('https://news.example.com/', off)).toBe(false);
    expect(isSiteEnabled('https://example.com/', off)).toBe(true);
    expect(isSiteEnabled('https://shop.example.com/', off)).toBe(true);
  });

  // Any settings, any switch: the switched site and its subdomains without entries of
  // their own take the new state; subdomains set apart, the site's parents and every
  // other site keep theirs, also after the site is switched back.
  it('changes what the switch names and nothing else (property)', () => {
    const names = [
      'example.com',
      'news.example.com',
      'a.news.example.com',
      'shop.example.com',
      'other.org',
      'x.other.org',
    ];
    const site = fc.constantFrom(...names);
    fc.assert(
      fc.property(
        fc.constantFrom<Settings['mode']>('all-except-listed', 'only-listed'),
        fc.uniqueArray(site, { maxLength: 4 }),
        fc.uniqueArray(site, { maxLength: 4 }),
        site,
        fc.boolean(),
        (mode, sites, exceptions, target, enabled) => {
          const before = settings({ mode, sites, exceptions: exceptions.filter((e) => !sites.includes(e)) });
          const after = setSiteEnabled(before, `https://${target}/`, enabled);
          const own = (s: Settings, host: string) => s.sites.includes(host) || s.exceptions.includes(host);
          const on = (s: Settings, host: string) => isSiteEnabled(`https://${host}/`, s);
          for (const host of [...names, 'deep.a.news.example.com', 'new.example.com', 'elsewhere.net']) {
            const under = host === target || host.endsWith(`.${target}`);
            // Set apart: an entry of its own (or under one) between it and the target.
            const apart =
              under &&
              host !== target &&
              [...before.sites, ...before.exceptions].some(
                (e) => e !== target && e.endsWith(`.${target}`) && (host === e || host.endsWith(`.${e}`)),
              );
            if (!under || apart) expect(on(after, host), `${host} after switching ${target}`).toBe(on(before, host));
            else expect(on(after, host), `${host} after switching ${target}`).toBe(enabled);
          }
          // Switched back, a subdomain set apart still has its own setting.
          const back = setSiteEnabled(after, `https://${target}/`, !enabled);
          for (const e of [...before.sites, ...before.exceptions].filter(
            (e) => e !== target && e.endsWith(`.${target}`),
          ))
            expect(on(back, e), `${e} after switching ${target} back`).toBe(on(before, e));
          expect(own(after, target) || on(after, target) === enabled).toBe(true);
        },
      ),
    );
  });

  it('works the other way round in only-listed mode', () => {
    const s = settings({ mode: 'only-listed' });
    const on = setSiteEnabled(s, 'https://example.com/', true);
    expect(on.sites).toEqual(['example.com']);
    expect(isSiteEnabled('https://example.com/', on)).toBe(true);
    expect(isSiteEnabled('https://example.com/', setSiteEnabled(on, 'https://example.com/', false))).toBe(false);
  });
});

describe('validateSettings', () => {
  it('keeps every valid field', () => {
    const raw = {
      mode: 'only-listed',
      sites: ['a.org'],
      exceptions: ['b.a.org'],
      paused: true,
      markStyle: 'background',
      firstMentionOnly: true,
      hoverDelayMs: 350,
      muted: [{ site: 'a.org', entityId: 'pixl', reason: 'not-on-site' }],
    };
    expect(validateSettings(raw)).toEqual({ settings: raw, problems: [] });
  });

  it('falls back field by field: a bad style never costs the site list', () => {
    const { settings: s, problems } = validateSettings({
      sites: ['Www.Example.com/', 'other.org', 'other.org'],
      markStyle: 'neon',
      hoverDelayMs: -5,
    });
    expect(s.sites).toEqual(['example.com', 'other.org']);
    expect(s.markStyle).toBe('underline');
    expect(s.hoverDelayMs).toBe(200);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^markStyle: /);
    expect(problems[1]).toMatch(/^hoverDelayMs: /);
  });

  it.each([null, 'corrupt', 42, [1, 2]])('turns %j into the defaults with a problem', (raw) => {
    const { settings: s, problems } = validateSettings(raw);
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  it('keeps the sites when they are the only valid thing in a truncated value', () => {
    expect(validateSettings({ sites: ['a.org'], mode: 7 }).settings.sites).toEqual(['a.org']);
  });
});

describe('siteKey', () => {
  it.each([
    ['https://www.News.Example.com:8080/a?b#c', 'news.example.com'],
    ['about:blank', ''],
    ['not a url', ''],
  ])('%s → %j', (url, want) => expect(siteKey(url)).toBe(want));

  it('spells a site typed with non-ASCII letters as pages do, so it matches them', () => {
    expect(normalizeSite('www.Bücher.de/')).toBe('xn--bcher-kva.de');
    expect(siteKey('https://bücher.de/buch')).toBe('xn--bcher-kva.de');
    const { settings } = validateSettings({ mode: 'all-except-listed', sites: ['bücher.de'] });
    expect(settings.sites).toEqual(['xn--bcher-kva.de']);
    expect(isSiteEnabled('https://shop.bücher.de/', settings)).toBe(false);
    expect(isSiteEnabled('https://example.de/', settings)).toBe(true);
  });
});

describe('muted terms', () => {
  it('mute a term on a site, covering its subdomains only, and undo it', () => {
    const muted = muteTerm(settings(), 'https://www.a.org/x', { entityId: 'pixl', reason: 'not-on-site' });
    expect(muted.muted).toEqual([{ site: 'a.org', entityId: 'pixl', reason: 'not-on-site' }]);
    expect(mutedOn('https://news.a.org/', muted)).toHaveLength(1);
    expect(mutedOn('https://b.org/', muted)).toHaveLength(0);
    // Muting twice keeps one entry; undo removes it.
    expect(muteTerm(muted, 'https://a.org/y', { entityId: 'pixl', reason: 'not-on-site' })).toEqual(muted);
    expect(unmuteTerm(muted, muted.muted[0]!).muted).toEqual([]);
  });

  it('pages without a site cannot mute', () => {
    expect(muteTerm(settings(), 'file:///x.html', { entityId: 'pixl', reason: 'not-on-site' }).muted).toEqual([]);
  });
});

describe('isSiteName', () => {
  it.each([
    ['example.com', true],
    ['https://www.News.Example.com/path?q', true],
    ['bücher.de', true],
    ['127.0.0.1:8080', true],
    ['localhost', true],
    ['[::1]', true],
    ['hello world', false],
    ['a..b', false],
    ['-bad.com', false],
    ['exa$mple.com', false],
  ])('%s → %s', (site, ok) => {
    expect(isSiteName(site)).toBe(ok);
  });

  it('a stored or imported site list drops what cannot be a site, saying so', () => {
    const { settings: s, problems } = validateSettings({ sites: ['example.com', 'hello world'] });
    expect(s.sites).toEqual(['example.com']);
    expect(problems).toEqual(['sites[1]: not a site name; dropped']);
  });
});

describe('unlistSite and lists that disagree', () => {
  it('removing a listed site takes the exceptions only it held', () => {
    const s = settings({ sites: ['example.com', 'other.org'], exceptions: ['news.example.com', 'a.other.org'] });
    expect(unlistSite(s, 'example.com')).toMatchObject({ sites: ['other.org'], exceptions: ['a.other.org'] });
  });

  it('a site both listed and excepted is a problem (an import with it is refused)', () => {
    const { settings: s, problems } = validateSettings({ sites: ['a.org'], exceptions: ['a.org', 'b.a.org'] });
    expect(s.exceptions).toEqual(['b.a.org']);
    expect(problems).toEqual(['exceptions: a.org also listed in sites; dropped']);
  });
});
