import type { Alias, Entity, Evidence } from '../facts/types';
import { Automaton, selectLongest } from './automaton';
import { keepInWindow, windowOf } from './window';

// Turns the fact base's aliases (and its trap phrases) into one automaton and answers
// "which terms does this text mention?". Traps take part in the longest-match
// selection and are then dropped, so "Bruno Mars" swallows its "Mars".

export interface TermSource {
  entities: readonly Pick<Entity, 'id' | 'evidence' | 'aliases'>[];
  traps: readonly string[];
}

export interface TermMatch {
  start: number;
  end: number;
  entityId: string;
  alias: Alias;
  evidence: Evidence;
}

interface PatternInfo {
  entityId: string;
  alias: Alias;
  evidence: Evidence;
}

export class TermMatcher {
  private readonly automaton: Automaton;
  /** One entry per pattern; undefined marks a trap. */
  private readonly info: (PatternInfo | undefined)[] = [];

  constructor(source: TermSource) {
    const specs: { text: string; caseSensitive: boolean }[] = [];
    for (const entity of source.entities) {
      for (const alias of entity.aliases) {
        if (alias.searchOnly) continue;
        specs.push({ text: alias.text, caseSensitive: alias.caseSensitive });
        this.info.push({ entityId: entity.id, alias, evidence: entity.evidence });
      }
    }
    for (const trap of source.traps) {
      specs.push({ text: trap, caseSensitive: true });
      this.info.push(undefined);
    }
    this.automaton = new Automaton(specs);
  }

  /**
   * The terms that start in text[from, to), for reading a huge run in pieces: pieces
   * that start where the previous one ended (or after its last term) find exactly
   * what find() finds in the whole text.
   */
  findWindow(text: string, from: number, to: number): TermMatch[] {
    const w = windowOf(text, from, to);
    return keepInWindow(w, this.find(w.text));
  }

  /** find() on each text (a TermFinder that answers at once). */
  findEach(texts: readonly string[]): TermMatch[][] {
    return texts.map((t) => this.find(t));
  }

  /** Non-overlapping term matches in text, in order. */
  find(text: string): TermMatch[] {
    const raw = this.automaton.findAll(text);
    if (raw.length === 0) return [];
    const out: TermMatch[] = [];
    for (const m of selectLongest(raw)) {
      const info = this.info[m.pattern];
      if (info) out.push({ start: m.start, end: m.end, ...info });
    }
    return out;
  }
}
