import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    testTimeout: 90_000,
    // Starting an embedded PostgreSQL (PGlite) takes seconds, more on a busy two-core machine.
    hookTimeout: 120_000,
  },
});
