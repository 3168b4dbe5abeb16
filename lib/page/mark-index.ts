import type { TermMatch } from '../match/term-matcher';
import type { TopicGate } from '../match/topic-gate';
import type { HighlightMarks } from './highlight-marks';
import { locate, type TextRun } from './text-runs';

// What is marked where. Every text node maps to the run record it was last read in, so
// re-reading any part of the page replaces exactly the records it touches: nothing is
// marked twice, and marks of text that changed or left the page go with it.

export interface Mark {
  match: TermMatch;
  /** The match's entity and alias again, so a mark is what the tooltip calls an anchor. */
  entityId: string;
  alias: TermMatch['alias'];
  range: StaticRange;
  record: RunRecord;
}

export interface RunRecord {
  run: TextRun;
  /** Every term found in the run, admitted by the topic gate or not. */
  matches: TermMatch[];
  marks: Mark[];
  /** The matches that have a mark. */
  marked: Set<TermMatch>;
}

export class MarkIndex {
  private readonly byNode = new WeakMap<Text, RunRecord>();
  private readonly byRange = new Map<StaticRange, Mark>();
  readonly records = new Set<RunRecord>();
  /** Bumped on every change, so views (badge, popup, next/previous) know to refresh. */
  revision = 0;

  constructor(private readonly highlight: HighlightMarks) {}

  get size(): number {
    return this.byRange.size;
  }

  /** Records a freshly read run, replacing whatever its nodes were part of before. */
  put(run: TextRun, matches: TermMatch[], gate: TopicGate): void {
    for (const node of run.nodes) this.removeNode(node);
    if (matches.length === 0) return;
    this.markAdmitted(this.open(run, matches), gate);
  }

  /** Starts a record for a run read in pieces (see extend). */
  open(run: TextRun, matches: TermMatch[] = []): RunRecord {
    for (const node of run.nodes) this.removeNode(node);
    const record: RunRecord = { run, matches, marks: [], marked: new Set() };
    for (const node of run.nodes) this.byNode.set(node, record);
    this.records.add(record);
    return record;
  }

  /** Adds the terms of the next piece of a run read in pieces. */
  extend(record: RunRecord, matches: TermMatch[], gate: TopicGate): void {
    for (const m of matches) record.matches.push(m);
    this.markAdmitted(record, gate, matches);
  }

  /** True while record is the current one for its run (nothing re-read it since). */
  isCurrent(record: RunRecord): boolean {
    return this.records.has(record);
  }

  /** Marks the record's matches the gate now admits (after the page turned out on topic). */
  markAdmitted(record: RunRecord, gate: TopicGate, matches: TermMatch[] = record.matches): void {
    const before = record.marks.length;
    for (const match of gate.admit(matches)) {
      if (record.marked.has(match)) continue;
      record.marked.add(match);
      const start = locate(record.run, match.start);
      const end = locate(record.run, match.end, true);
      const range = this.highlight.range({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      const mark: Mark = { match, entityId: match.entityId, alias: match.alias, range, record };
      record.marks.push(mark);
      this.byRange.set(range, mark);
      this.highlight.add(range);
    }
    if (record.marks.length !== before) this.revision++;
  }

  admitAll(gate: TopicGate): void {
    for (const record of this.records) this.markAdmitted(record, gate);
  }

  recordOf(node: Text): RunRecord | undefined {
    return this.byNode.get(node);
  }

  markOfRange(range: AbstractRange): Mark | undefined {
    return this.byRange.get(range as StaticRange);
  }

  /** The mark covering a caret position, if any. */
  markAt(node: Text, offset: number): Mark | undefined {
    const record = this.byNode.get(node);
    if (!record) return undefined;
    const i = record.run.nodes.indexOf(node);
    const at = record.run.starts[i]! + offset;
    return record.marks.find((m) => m.match.start <= at && at < m.match.end);
  }

  removeNode(node: Text): void {
    const record = this.byNode.get(node);
    if (!record) return;
    for (const n of record.run.nodes) if (this.byNode.get(n) === record) this.byNode.delete(n);
    for (const mark of record.marks) {
      this.highlight.delete(mark.range);
      this.byRange.delete(mark.range);
    }
    this.records.delete(record);
    if (record.marks.length) this.revision++;
  }

  /** All marks, in the order they were made (not document order). */
  *marks(): IterableIterator<Mark> {
    yield* this.byRange.values();
  }

  clear(): void {
    for (const record of this.records) for (const n of record.run.nodes) this.byNode.delete(n);
    this.records.clear();
    this.byRange.clear();
    this.highlight.clear();
    this.revision++;
  }
}
