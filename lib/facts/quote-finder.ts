// Finds a quote in a seed with white space normalized (line breaks and double spaces in
// the article do not count), and reports where it stands in the original text.

export interface Located {
  start: number;
  end: number;
}

export class QuoteFinder {
  private readonly flat: string;
  /** flat index -> original index */
  private readonly origin: number[] = [];

  constructor(readonly text: string) {
    let flat = '';
    let inSpace = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (/\s/.test(ch)) {
        if (inSpace) continue;
        inSpace = true;
        flat += ' ';
      } else {
        inSpace = false;
        flat += ch;
      }
      this.origin.push(i);
    }
    this.flat = flat;
  }

  find(quote: string): Located | undefined {
    const needle = quote.trim().replace(/\s+/g, ' ');
    if (!needle) return undefined;
    const at = this.flat.indexOf(needle);
    if (at < 0) return undefined;
    const last = at + needle.length - 1;
    return { start: this.origin[at]!, end: this.origin[last]! + 1 };
  }
}
