import type { FactBase } from '../facts/types';
import { FactList } from './fact-list';
import { SiteControl, type SiteControlProps } from './site-control';

export interface PopupProps {
  base: FactBase;
  /** The entity to open (popup.html?entity=ID, from a tooltip). */
  entity?: string;
  /** The per-site control; absent while settings load. */
  site?: SiteControlProps;
}

export function Popup({ base, entity, site }: PopupProps) {
  return (
    <>
      <header>
        <h1>Mars Lens</h1>
        {site && <SiteControl {...site} />}
        <p class="tagline">Facts from {base.sources.length} source articles, each with its quote.</p>
      </header>
      <FactList base={base} open={entity} />
    </>
  );
}
