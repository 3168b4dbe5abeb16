import type { CardData } from '../facts/card-data';
import { formatSourceDate } from '../facts/format';
import type { Alias } from '../facts/types';
import { isWebUrl } from '../library/library';
import { whyMarked } from './why';

// The tooltip's content, built with createElement and attributes only: fact text and
// page text can never become markup. Its words are drawn as generated content (each
// element's data-t, shown by `[data-t]::before { content: attr(data-t) }`), not text
// nodes: the browser's find (window.find(), which searches closed shadow roots too)
// then cannot tell a page what the card says, nor can the page read a selection of it.
// Screen readers read generated content as text.

export interface CardInput {
  /** What to say (the facts already chosen for the page). */
  card: CardData;
  alias: Alias;
  /** The words on the page that matched. */
  pageText: string;
  onOpen: (entityId: string) => void;
  /** Reader feedback; without it (a page with no site to remember) the buttons are left out. */
  onMute?: (reason: MuteReason) => void;
}

export type MuteReason = 'not-on-site' | 'wrong-meaning';

/** What each of a card's buttons does, for clicks that reach the card another way (event-guard.ts). */
const actions = new WeakMap<Element, () => void>();

/** The action of the card's button at or around node, if any. */
export function cardAction(node: EventTarget | null): (() => void) | undefined {
  const button = (node as Element | null)?.closest?.('button');
  return button ? actions.get(button) : undefined;
}

/** A card button's action, on the reader's own click. */
function onClick(button: HTMLElement, action: () => void): void {
  actions.set(button, action);
  button.addEventListener('click', (e) => e.isTrusted && action());
}

type Children = (Node | string)[];

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  ...children: Children
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (children.every((child) => typeof child === 'string')) setText(node, children.join(''));
  else for (const child of children) node.append(typeof child === 'string' ? words(doc, child) : child);
  return node;
}

function words(doc: Document, text: string): HTMLElement {
  const span = doc.createElement('span');
  setText(span, text);
  return span;
}

function setText(node: HTMLElement, text: string): void {
  if (text) node.setAttribute('data-t', text);
  else node.removeAttribute('data-t');
}

/** The words a card element shows, in order (its generated content and its children's). */
export function cardText(node: Element): string {
  let text = node.getAttribute('data-t') ?? '';
  for (const child of node.children) text += cardText(child);
  return text;
}

/** Ids of the card's name and summary, inside its own shadow root (they name and describe the card). */
export const CARD_NAME_ID = 'ml-name';
export const CARD_SUMMARY_ID = 'ml-summary';

function named<T extends HTMLElement>(node: T, id: string): T {
  node.id = id;
  return node;
}

export function buildCard(doc: Document, input: CardInput): HTMLElement {
  const { card } = input;
  const facts = card.facts;
  const quotes: HTMLElement[] = [];
  const list = el(doc, 'ul', 'facts');
  for (const fact of facts) {
    const item = el(doc, 'li', '', el(doc, 'p', 'fact', fact.text));
    for (const citation of fact.citations) {
      item.append(el(doc, 'p', 'source', citation.source));
      const quote = el(doc, 'blockquote', 'quote', `“${citation.quote}”`);
      quote.hidden = true;
      quotes.push(quote);
      item.append(quote);
    }
    list.append(item);
  }

  // "From your reading": sentences of articles the reader saved, each with its site,
  // date and a link back to it (http and https only).
  const reading: HTMLElement[] = [];
  for (const r of (card.reading ?? []).slice(0, 2)) {
    if (!isWebUrl(r.url)) continue;
    const link = el(doc, 'a', 'link', r.title || r.site);
    link.href = r.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    const when = r.published ? `, ${formatSourceDate({ date: r.published, dateApproximate: false })}` : '';
    reading.push(
      el(
        doc,
        'li',
        '',
        el(doc, 'p', 'reading-quote', `“${r.quote}”`),
        el(doc, 'p', 'source', `${r.site}${when} · `, link),
      ),
    );
  }

  const toggle = el(doc, 'button', 'link', 'Show quotes');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  onClick(toggle, () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    setText(toggle, open ? 'Hide quotes' : 'Show quotes');
    for (const quote of quotes) quote.hidden = !open;
  });

  const more = card.factCount - facts.length;
  const open = el(doc, 'button', 'link', more > 0 ? `All ${card.factCount} facts in Mars Lens` : 'Open in Mars Lens');
  open.type = 'button';
  // Opening a tab is the reader's call alone (as with feedback below).
  onClick(open, () => input.onOpen(card.entityId));

  const feedback: HTMLElement[] = [];
  if (input.onMute) {
    const onMute = input.onMute;
    for (const [reason, label] of [
      ['not-on-site', "Don't mark this term on this site"],
      ['wrong-meaning', 'Wrong meaning here'],
    ] as const) {
      const button = el(doc, 'button', 'link', label);
      button.type = 'button';
      // Only the reader's own click counts: a page cannot reach into the closed shadow
      // root, and untrusted events it synthesises elsewhere are ignored too.
      onClick(button, () => onMute(reason));
      feedback.push(button);
    }
  }

  return el(
    doc,
    'div',
    'body',
    el(
      doc,
      'p',
      'head',
      named(el(doc, 'span', 'name', card.name), CARD_NAME_ID),
      el(doc, 'span', 'category', card.category),
    ),
    named(el(doc, 'p', 'summary', card.summary), CARD_SUMMARY_ID),
    list,
    ...(reading.length
      ? [el(doc, 'p', 'reading-head', 'From your reading'), el(doc, 'ul', 'reading', ...reading)]
      : []),
    el(doc, 'p', 'why', whyMarked(card, input.alias, input.pageText)),
    el(
      doc,
      'div',
      'actions',
      el(doc, 'p', 'primary', toggle, open),
      ...(feedback.length ? [el(doc, 'p', 'feedback', ...feedback)] : []),
    ),
  );
}
