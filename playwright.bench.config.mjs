// Long-running benchmarks (large portfolios), run on demand: npx playwright test -c playwright.bench.config.mjs
import { defineConfig } from '@playwright/test';
import { chromium, webServer } from './playwright.config.mjs';

export default defineConfig({
  testDir: 'tests/bench',
  timeout: 15 * 60_000,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: { baseURL: 'http://127.0.0.1:4173' },
  projects: [{ name: 'chromium', use: chromium }],
  webServer,
});
