import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Problem } from './problems';

// A parsed YAML file that can say on which line any value stands, so every problem
// found later (schema, quotes, aliases) points at the line to fix.

export type PathKey = string | number;

export class YamlFile {
  readonly data: unknown;
  readonly problems: Problem[] = [];
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly name: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const err of this.doc.errors) {
      const line = this.lines.linePos(err.pos[0]).line;
      this.problems.push({ file: name, line, entry: '', message: `malformed YAML: ${firstLine(err.message)}` });
    }
    this.data = this.problems.length ? undefined : this.doc.toJS();
  }

  /** The line of the value at path, or of its nearest existing parent. */
  lineOf(path: readonly PathKey[]): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return 1;
  }

  problem(path: readonly PathKey[], entry: string, message: string): Problem {
    return { file: this.name, line: this.lineOf(path), entry, message };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
