import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    server: {
      deps: {
        // @actions/workflow-parser imports JSON without import attributes, which plain Node ESM refuses.
        inline: ['@actions/workflow-parser'],
      },
    },
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests spawn bundles and a full rebuild; two workers match the CI machine's cores.
    maxWorkers: 2,
  },
});
