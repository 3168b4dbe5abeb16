import type { Probe } from './probe';

// The probe of `npm run bench` builds: each figure goes to the console with a fixed
// tag, where the harness (playwright-core) reads it. Never in production builds.

export const BENCH_TAG = '[mars-lens-bench]';

export function consoleProbe(log: (line: string) => void, now: () => number): Probe {
  const send = (kind: string, value: number) => log(`${BENCH_TAG} ${JSON.stringify({ kind, value, at: now() })}`);
  return {
    startup: (ms) => send('startup', ms),
    slice: (ms) => send('slice', ms),
    ready: (marks) => send('ready', marks),
    batch: (lag) => send('batch', lag),
    tooltip: (stage, ms) => send(`tooltip-${stage}`, ms),
  };
}
