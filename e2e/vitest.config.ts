import { defineConfig } from 'vitest/config';

// Browser tests: they drive Debian's Chromium against the built site in dist/
// (npm test builds it first). One file at a time: the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['e2e/global-setup.ts'],
  },
});
