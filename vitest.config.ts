import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Vitest projects: `unit` is pure and fast (no emulator); `emulator` runs only inside
 * `firebase emulators:exec` (see `npm run test:emulators`), one file at a time because the files
 * share one emulator suite; `demo` checks the shipped demo data on an emulator that imported it.
 */
export default defineConfig({
  test: {
    // `npm run test:unit` adds --coverage: the pure domain module must keep ≥ 95% branch coverage.
    coverage: {
      provider: 'v8',
      include: ['functions/src/domain/**/*.ts'],
      // Generated wilayah tables (data, no logic) and the script that generates them.
      exclude: ['functions/src/domain/**/*.generated.ts', 'functions/src/domain/wilayah-data/generate.*'],
      reporter: ['text-summary', ['text', { skipFull: true }]],
      thresholds: { branches: 95, statements: 95, functions: 95, lines: 95 },
    },
    projects: [
      {
        // The portal's `$domain` alias, so web modules load in Node as the portal builds them.
        resolve: { alias: { $domain: fileURLToPath(new URL('./functions/src/domain', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The same alias: an emulator test checks the portal's decision module against the callable.
        resolve: { alias: { $domain: fileURLToPath(new URL('./functions/src/domain', import.meta.url)) } },
        test: {
          name: 'emulator',
          include: ['test/emulator/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The demo data of emulator-data/, read back from an emulator that imported it (`npm run test:demo`).
        test: {
          name: 'demo',
          include: ['test/demo/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
