import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the built portal served by the Hosting emulator, in Debian's Chromium
 * (Playwright's own browser download is not available on these machines). They run inside
 * `firebase emulators:exec` (see `npm run test:emulators`).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    baseURL: 'http://127.0.0.1:5000',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 412, height: 915 }, // a common Android phone: operators work on phones
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
