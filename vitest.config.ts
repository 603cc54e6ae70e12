import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { 'inside-io': fileURLToPath(new URL('./sim/index.ts', import.meta.url)) } },
  test: {
    include: ['sim/**/*.test.ts', 'content/**/*.test.ts', 'components/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
  },
});
