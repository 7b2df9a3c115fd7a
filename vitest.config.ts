import { defineConfig } from 'vitest/config';

/**
 * Vitest projects: `unit` is pure and fast (no emulator); `emulator` runs only inside
 * `firebase emulators:exec` (see `npm run test:emulators`), one file at a time because the files
 * share one emulator suite.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['test/emulator/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
