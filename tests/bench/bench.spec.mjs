// Browser benchmark for demo portfolio L: the core in wasm (/bench page), writing L to
// IndexedDB through the app, and cold opens to the first customer-list render.
// Prints figures; asserts only that each stage finished. Run by scripts/bench.sh.
import { test, expect } from '@playwright/test';
import { port } from '../../playwright.config.mjs';

// Absolute URLs: the bench config's baseURL is fixed, the server honours CD_PORT.
const base = `http://127.0.0.1:${port}`;

const TEN_MINUTES = 10 * 60_000;

/** Reads the app's performance marks (ms since the page's time origin). */
async function marks(page) {
  return page.evaluate(() => Object.fromEntries(
    performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}

const ms = (value) => `${value.toFixed(0)} ms`;

test('portfolio L in Chromium', async ({ browser }) => {
  test.setTimeout(15 * 60_000);

  const wasmContext = await browser.newContext();
  const benchPage = await wasmContext.newPage();
  await benchPage.goto(`${base}/bench`);
  const results = benchPage.getByTestId('bench-results');
  await expect(results).not.toHaveText(/running/, { timeout: TEN_MINUTES });
  const wasmFigures = await results.innerText();
  console.log(`\n--- core in wasm (Chromium) ---\n${wasmFigures}`);
  const checks = /credit check: median ([\d.]+) ms, max ([\d.]+) ms/.exec(wasmFigures);
  expect(checks, 'the bench page prints the credit-check figures').toBeTruthy();
  console.log(`credit check: median ${checks[1]} ms, max ${checks[2]} ms (target ≤ 5 ms)`);
  await wasmContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByTestId('load-demo-L').click();
  await expect(page.getByTestId('home')).toBeVisible({ timeout: TEN_MINUTES });
  const load = await marks(page);
  console.log('\n--- loading demo L through the app ---');
  console.log(`generate + decide:              ${ms(load['creditdesk:demo-generated'] - load['creditdesk:demo-start'])}`);
  console.log(`seal (JSON + SHA-256):          ${ms(load['creditdesk:demo-sealed'] - load['creditdesk:demo-generated'])}`);
  console.log(`snapshot + IndexedDB commit:    ${ms(load['creditdesk:demo-saved'] - load['creditdesk:demo-sealed'])}`);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  console.log(`IndexedDB usage after load:     ${(usage / 1e6).toFixed(1)} MB`);
  await page.close();

  console.log('\n--- cold open with L (new page, same profile) to first customer-list render ---');
  for (let run = 1; run <= 3; run += 1) {
    const cold = await context.newPage();
    await cold.goto(`${base}/customers`);
    await expect(cold.getByTestId('customer-table').locator('tbody tr').first()).toBeVisible({ timeout: TEN_MINUTES });
    const open = await marks(cold);
    const rendered = open['creditdesk:customer-list-rendered'];
    console.log(`run ${run}: list rendered at ${ms(rendered)} after navigation start `
      + `(IndexedDB load + verify ${ms(open['creditdesk:load-done'] - open['creditdesk:load-start'])}, `
      + `app start before load ${ms(open['creditdesk:load-start'])})`);
    await cold.close();
  }
  await context.close();
});
