import { defineExtensionMessaging } from '@webext-core/messaging';

// The one message protocol between the background, the popup and content scripts.
// Each message is declared once with its argument and answer types; both ends are
// derived from this map, so a mismatch is a type error.

export type Direction = 1 | -1;

export interface ProtocolMap {
  /** Background → a tab's top frame: move to the next (1) or previous (-1) mark; false if none. */
  stepTerm(direction: Direction): boolean;
  /** Content → background: show an entity in Mars Lens. */
  openEntity(entityId: string): void;
  /** Content → background: the entities marked in this frame now (for the toolbar badge). */
  termsFound(entityIds: string[]): void;
  /** Popup → a tab's top frame: the page's URL (so the popup needs no "tabs" permission). */
  pageInfo(): { url: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
