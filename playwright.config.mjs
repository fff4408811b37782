// End-to-end tests against the release build in dist/ (run scripts/build.sh first; scripts/test.sh
// does). Uses Debian's Chromium: Playwright's own browser download is unreachable.
import { defineConfig } from '@playwright/test';

export const chromium = {
  browserName: 'chromium',
  headless: true,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    // --no-sandbox: CI runs as root. The rest keep Chromium from phoning home (no network here).
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
};

// CD_DIST / CD_PORT let two builds be tested side by side (e.g. while developing); CI uses the
// defaults.
const dist = process.env.CD_DIST || 'dist';
export const port = Number(process.env.CD_PORT || 4173);

export const webServer = {
  command: `node tests/serve.mjs ${dist} ${port}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
  timeout: 30_000,
};

// The same build hosted in a sub-folder, as an intranet would (tests/e2e/bundles.spec.mjs).
export const PREFIX = '/tools/creditdesk/';
export const prefixPort = port + 3;
const prefixServer = {
  command: `node tests/serve.mjs ${dist} ${prefixPort} --prefix ${PREFIX}`,
  url: `http://127.0.0.1:${prefixPort}${PREFIX}`,
  reuseExistingServer: false,
  timeout: 30_000,
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1, // one IndexedDB-heavy browser at a time on a 2-core machine
  retries: 0,
  reporter: 'list',
  use: { baseURL: `http://127.0.0.1:${port}`, trace: 'retain-on-failure' },
  projects: [{ name: 'chromium', use: chromium }],
  webServer: [webServer, prefixServer],
});
