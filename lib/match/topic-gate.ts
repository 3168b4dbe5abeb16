import type { TermMatch } from './term-matcher';

// Decides whether a page (one frame) is about Mars exploration, from unambiguous
// evidence only: an ambiguous word ("Mars", "microphone") never votes for itself.
// A strong entity (Jezero, PIXL, Mastcam-Z) is enough alone; weak ones (NASA, JPL)
// need company. The verdict only ever turns on, so marks never flicker as a page grows.

const STRONG = 2;
const WEAK = 1;
export const ON_TOPIC_SCORE = 2;

export class TopicGate {
  private readonly strong = new Set<string>();
  private readonly weak = new Set<string>();

  /** Records the evidence in matches; returns true if the verdict just turned on. */
  observe(matches: readonly TermMatch[]): boolean {
    const before = this.onTopic;
    for (const m of matches) {
      if (m.alias.ambiguous) continue;
      if (m.evidence === 'strong') this.strong.add(m.entityId);
      else if (m.evidence === 'weak') this.weak.add(m.entityId);
    }
    return !before && this.onTopic;
  }

  get score(): number {
    return this.strong.size * STRONG + this.weak.size * WEAK;
  }

  get onTopic(): boolean {
    return this.score >= ON_TOPIC_SCORE;
  }

  /** Matches a reader should see marked under the current verdict. */
  admit(matches: readonly TermMatch[]): TermMatch[] {
    return this.onTopic ? [...matches] : matches.filter((m) => !m.alias.ambiguous);
  }
}
