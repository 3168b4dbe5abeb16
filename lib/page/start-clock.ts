// When the content script began: imported first by the entrypoint, so this runs before
// the fact base is parsed and the matcher built, and the benchmark can report what
// starting costs, apart from reading the page.
export const startedAt = performance.now();
