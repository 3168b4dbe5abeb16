import { defineConfig } from 'vitest/config';

// Real browsers against the built .output/ folders; run after `npm run build`s.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
