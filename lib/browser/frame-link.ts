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

export async function remoteCard(entityId: string, onPage: readonly string[]): Promise<CardData | undefined> {
  return (await sendMessage('card', { entityId, onPage: [...onPage] })) ?? undefined;
}
