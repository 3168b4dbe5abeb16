import type { CardData } from '../facts/card-data';
import { decodeMatches, type TermFinder } from '../match/term-finder';
import type { MutedTerm } from '../settings/settings';
import { sendMessage } from './messages';

// A frame's line to the background, which holds the fact base: the terms in its text,
// and the cards it shows.

export function remoteFinder(muted: readonly MutedTerm[]): TermFinder {
  return {
    findEach: async (texts) =>
      decodeMatches(await sendMessage('findTerms', { texts: [...texts], muted: [...muted] }), texts.length),
  };
}

/** Cards from the background; onFailure hears of a failed request (the extension may be gone). */
export function remoteCards(onFailure: () => void) {
  return async (entityId: string, onPage: readonly string[]): Promise<CardData | undefined> => {
    try {
      return (await sendMessage('card', { entityId, onPage: [...onPage] })) ?? undefined;
    } catch (e) {
      onFailure();
      throw e;
    }
  };
}
