import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright cannot download its own browsers here), headless and quiet on
// the network: this machine allows loopback only.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** How every test and the bench start that Chromium. */
export const CHROMIUM_START = { executablePath: process.env.PIB_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry on CI, Playwright's own practice: a retried test is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/support/playwright-samenvatting.ts']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM_START,
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    testIdAttribute: 'data-test',
  },
});
