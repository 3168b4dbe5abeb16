import { mutedKey, type MutedTerm, type Settings } from './settings';

// Settings change in several places at once: the popup, the settings page, a tab's
// card, a keyboard command, another device. A change is sent as what its sender saw
// (from) and what it wants (to), and rebased onto what the settings are by the time it
// is written: the fields it changed are set, the list entries it added or removed are
// added or removed, and everything else someone changed meanwhile stays. Two changes to
// different fields or entries never lose one another, in whichever order they land.

type Scalar = Exclude<keyof Settings, 'sites' | 'exceptions' | 'muted'>;
const SCALARS = ['mode', 'paused', 'markStyle', 'firstMentionOnly', 'hoverDelayMs'] as const satisfies Scalar[];
// Every field is either a list or one of the scalars above (a new field must be added here).
type Missing = Exclude<Scalar, (typeof SCALARS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

function rebaseList<T>(current: readonly T[], from: readonly T[], to: readonly T[], key: (x: T) => string): T[] {
  const before = new Set(from.map(key));
  const after = new Set(to.map(key));
  const out = current.filter((x) => !before.has(key(x)) || after.has(key(x)));
  const have = new Set(out.map(key));
  for (const x of to) {
    const k = key(x);
    if (before.has(k) || have.has(k)) continue;
    out.push(x);
    have.add(k);
  }
  return out;
}

export function rebase(current: Settings, from: Settings, to: Settings): Settings {
  const out: Settings = { ...current };
  for (const key of SCALARS) if (from[key] !== to[key]) (out as unknown as Record<string, unknown>)[key] = to[key];
  out.sites = rebaseList(current.sites, from.sites, to.sites, (s) => s);
  out.exceptions = rebaseList(current.exceptions, from.exceptions, to.exceptions, (s) => s);
  out.muted = rebaseList<MutedTerm>(current.muted, from.muted, to.muted, mutedKey);
  return out;
}
