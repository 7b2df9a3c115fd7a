import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

/**
 * The newcomer's tour (`npm run test:demo`): the built portal on the Hosting emulator, over the
 * shipped demo data (emulator-data/, imported as is). It only reads, so it resets nothing, and it
 * takes the README's screenshots (docs/screens/ with TEPAT_DOCS_SCREENS=1).
 */
export default defineConfig({
  ...base,
  testDir: 'test/tour',
  outputDir: 'test-results/tour',
  globalSetup: undefined,
});
