// When the content script began: imported first by the entrypoint, so the benchmark
// can report what starting costs (script start to reading begun), apart from reading.
export const startedAt = performance.now();
