import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: { name: 'sync-server', include: ['sync-server/src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts', 'web/scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // one Chromium at a time: the machines have two cores
          fileParallelism: false,
        },
      },
    ],
  },
});
