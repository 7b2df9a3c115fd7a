import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Vitest projects: `unit` is pure and fast (no emulator); `emulator` runs only inside
 * `firebase emulators:exec` (see `npm run test:emulators`), one file at a time because the files
 * share one emulator suite; `demo` checks the shipped demo data on an emulator that imported it.
 */
export default defineConfig({
  // The portal's `$domain` alias (web/svelte.config.js), for every project: the portal's modules load
  // in Node as the portal builds them, whether a unit test, an emulator test or the demo check imports them.
  resolve: { alias: { $domain: fileURLToPath(new URL('./functions/src/domain', import.meta.url)) } },
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
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
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
        extends: true,
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
