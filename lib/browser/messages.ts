import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CardData } from '../facts/card-data';
import type { Alias } from '../facts/types';
import type { ArticleCard, SavedArticle } from '../library/library';
import type { WireMatches } from '../match/term-finder';
import type { MutedTerm, PageConfig, Settings } from '../settings/settings';
import type { SettingsPlace } from './settings-store';

// The one message protocol between the background, the popup and content scripts.
// Each message is declared once with its argument and answer types; both ends are
// derived from this map, so a mismatch is a type error.

export type Direction = 1 | -1;

/** How often an entity is marked in one frame. */
export interface TermCount {
  id: string;
  count: number;
}

/** A frame's terms now, for the document it names (a token of its frame script's). */
export interface TermsReport {
  doc: string;
  terms: TermCount[];
}

/** The terms marked in one frame of a tab. */
export interface FrameTerms {
  frameId: number;
  terms: TermCount[];
}

/** A rectangle in a frame's viewport (CSS px). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A card a child frame asks the top frame to draw, for a term of its own (lib/frame/cards-above.ts). */
export interface CardAbove {
  /** One per showing, random (the page never sees it). */
  token: string;
  /** The frame's place among its ancestors' frames, from the top (lib/frame/frame-place.ts). */
  path: number[];
  card: CardData;
  alias: Alias;
  /** The term's text as the page has it. */
  pageText: string;
  /** The term's boxes in the frame's viewport. */
  rects: Box[];
  /** The frame's viewport size (the top frame checks the frame it finds has it). */
  viewport: { width: number; height: number };
  /** Whether the reader can mute the term here (the page has a site). */
  muteable: boolean;
}

/** What happened to a card the top frame draws for a child frame. */
export type CardEvent = 'enter' | 'leave' | 'closed';

export interface ProtocolMap {
  /** Background → a tab's top frame: move to the next (1) or previous (-1) mark; false if none. */
  stepTerm(direction: Direction): boolean;
  /** Content → background: show an entity in Mars Lens. */
  openEntity(entityId: string): void;
  /** Content → background: the terms marked in this frame now (toolbar badge, "On this page"); [] when it stops or goes. */
  termsFound(report: TermsReport): void;
  /** Background → a frame that reported terms: the token of the document it speaks for (is it still there?). */
  frameDoc(): string;
  /** Content → background: this frame's page took out frames of its own; check which of the tab's frames are left. */
  framesRemoved(): void;
  /** Content → background: this frame has marks now; put their look into it. False if it could not. */
  styleMarks(): boolean;
  /** Content → background: this frame has no marks any more (its site was switched off); take their look away. */
  unstyleMarks(): boolean;
  /** Popup → background: what each frame of a tab has marked. */
  tabTerms(tabId: number): FrameTerms[];
  /** Popup → one frame: scroll to the nth mark of an entity (wrapping) and open its tooltip; false if none. */
  showTerm(request: { entityId: string; n: number }): boolean;
  /** Popup → a tab's top frame: the page's URL (so the popup needs no "tabs" permission). */
  pageInfo(): { url: string };
  /** Content → background: what the frame of a tab showing url must do (with the library's revision); null where Mars Lens is off. */
  frameConfig(url: string): (PageConfig & { library: number }) | null;
  /** Content → background: the terms in each text, leaving out what the reader muted there. */
  findTerms(request: { texts: string[]; muted: MutedTerm[] }): WireMatches;
  /** Content → background: an entity's card, with the facts that fit the entities on the page. */
  card(request: { entityId: string; onPage: string[] }): CardData | null;
  /** Content → background: the reader's feedback from a card ("don't mark this term here"). */
  muteTerm(request: { url: string; term: Omit<MutedTerm, 'site'> }): void;
  /** Child frame → background: have the tab's top frame draw this card for my term; false where it cannot. */
  cardAbove(request: CardAbove): boolean;
  /** Background → top frame: draw this card for the term of frame frameId; false where it cannot. */
  drawCard(request: CardAbove & { frameId: number }): boolean;
  /** Child frame → background: my term moved (rects) or its card is done (no rects). */
  cardAboveChange(change: { token: string; rects?: Box[] }): void;
  /** Background → top frame: a change from the frame whose card it draws. */
  cardChange(change: { frameId: number; token: string; rects?: Box[] }): void;
  /** Top frame → background: the pointer came onto the card for frame frameId, left it, or the card closed. */
  cardBelow(report: { frameId: number; token: string; event: CardEvent }): void;
  /** Background → the frame whose card the top frame draws: what happened to it. */
  cardEvent(report: { token: string; event: CardEvent }): void;
  /** Popup → background: save an article to the library (checked as an import is). */
  librarySave(article: SavedArticle): { ok: true } | { ok: false; reason: string };
  /** Popup or settings page → background: the library's articles, without their text. */
  libraryList(): ArticleCard[];
  /** Popup or settings page → background: delete an article; it comes back whole (for undo), or null. */
  libraryDelete(id: string): SavedArticle | null;
  /** Settings page → background: a fact pack of the articles with these ids (null: all). */
  libraryExport(ids: string[] | null): string;
  /** Settings page → background: import a fact pack; refused whole, with its reason, if anything is wrong. */
  libraryImport(text: string): { ok: true; count: number } | { ok: false; reason: string };
  /** Popup or settings page → background, the one writer: change the settings from what the page saw to what it wants. */
  changeSettings(request: { from: Settings; to: Settings }): SettingsPlace;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
