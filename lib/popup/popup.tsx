import type { FactBase } from '../facts/types';
import { FactList } from './fact-list';

export function Popup({ base, entity }: { base: FactBase; entity?: string }) {
  return (
    <>
      <header>
        <h1>Mars Lens</h1>
        <p class="tagline">Facts from {base.sources.length} source articles, each with its quote.</p>
      </header>
      <FactList base={base} open={entity} />
    </>
  );
}
