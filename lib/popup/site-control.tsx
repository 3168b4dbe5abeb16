import { describeSiteSwitch, isSiteEnabled, siteKey, type Settings } from '../settings/settings';

// The first thing the popup shows: the current site and one switch for it, with the
// global pause beside it, and a sentence saying what the switch does. Subdomains follow
// their site (switching off example.com also switches off news.example.com) unless the
// reader set them apart; switching a subdomain never changes its parent.

export interface SiteControlProps {
  url: string | undefined;
  settings: Settings;
  onSiteChange: (enabled: boolean) => void;
  onPauseChange: (paused: boolean) => void;
}

export function SiteControl({ url, settings, onSiteChange, onPauseChange }: SiteControlProps) {
  const site = url ? siteKey(url) : '';
  const enabled = url ? isSiteEnabled(url, { ...settings, paused: false }) : false;
  return (
    <section class="site-control" aria-label="Where Mars Lens marks terms">
      {site ? (
        <>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={enabled}
              disabled={settings.paused}
              aria-describedby="site-switch-says"
              onChange={(e) => onSiteChange(e.currentTarget.checked)}
            />
            <span>
              Mark terms on this site <strong class="site-name">{site}</strong>
            </span>
          </label>
          <p id="site-switch-says" class="hint site-says">
            {describeSiteSwitch(url!, settings)}
          </p>
        </>
      ) : (
        <p class="no-site">{noSite(url, settings)}</p>
      )}
      <label class="switch pause">
        <input
          type="checkbox"
          role="switch"
          checked={settings.paused}
          onChange={(e) => onPauseChange(e.currentTarget.checked)}
        />
        <span>Pause everywhere</span>
      </label>
    </section>
  );
}

/**
 * Why there is no switch. A page that told the popup its address runs Mars Lens, but
 * may have no site (a file on disk, a data: page), so only the mode and the pause apply.
 */
function noSite(url: string | undefined, settings: Settings): string {
  if (!url) return 'Mars Lens does not run on this page.';
  return settings.mode === 'all-except-listed'
    ? 'This page has no site to switch off; “Pause everywhere” stops marking here too.'
    : 'This page has no site, so it is not marked while Mars Lens marks only the sites you list.';
}
