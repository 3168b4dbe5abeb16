// Where the benchmark listens. Production builds pass no probe (the calls are a
// no-op); `npm run bench` builds with one that reports each figure to the harness.

export interface Probe {
  /** From the script's first line to the matcher built (fact base parsed, automaton made). */
  startup(ms: number): void;
  /** One slice of reading took ms (main-thread time the extension spent). */
  slice(ms: number): void;
  /** The first full read of the frame finished; marks made. */
  ready(marks: number): void;
  /** A batch of page changes was re-read: lag from the first change to its marks. */
  batch(lagMs: number): void;
  /** A tooltip was placed (in the task that opened it), then painted (the next frame), ms after its intent delay ended. */
  tooltip(stage: 'placed' | 'painted', ms: number): void;
}

export const noProbe: Probe = {
  startup: () => undefined,
  slice: () => undefined,
  ready: () => undefined,
  batch: () => undefined,
  tooltip: () => undefined,
};
