import type { FactBase } from '../facts/types';
import { TermMatcher, type TermMatch } from '../match/term-matcher';
import { TopicGate } from '../match/topic-gate';
import { HighlightMarks, type HighlightEnv } from './highlight-marks';
import { installMarkStyle } from './mark-style';
import { collectTextRuns, type TextRun } from './text-runs';

// First reader pass: scan the document once, decide the topic from the whole frame,
// register the admitted marks. Chunked visible-first scheduling, the mutation observer
// and the tooltip build on this (issue 4).

export interface Reader {
  marks: HighlightMarks;
  gate: TopicGate;
}

export function startReader(doc: Document, signal: AbortSignal, base: FactBase, env: HighlightEnv): Reader | undefined {
  const root = doc.body ?? doc.documentElement;
  if (!root || signal.aborted) return undefined;
  const matcher = new TermMatcher(base);
  const gate = new TopicGate();
  const found: { run: TextRun; matches: TermMatch[] }[] = [];
  for (const run of collectTextRuns(root)) {
    const matches = matcher.find(run.text);
    if (matches.length) found.push({ run, matches });
    gate.observe(matches);
  }
  const marks = new HighlightMarks(env);
  for (const { run, matches } of found) {
    const admitted = gate.admit(matches);
    if (admitted.length) marks.add(run, admitted);
  }
  const removeStyle = marks.marks.length ? installMarkStyle(doc, env.window, marks.name) : () => undefined;
  signal.addEventListener(
    'abort',
    () => {
      marks.clear();
      removeStyle();
    },
    { once: true },
  );
  return { marks, gate };
}
