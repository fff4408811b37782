// Browser benchmark for demo portfolio L: the core in wasm (/bench page), writing L to
// IndexedDB through the app, cold opens to the first customer-list render, and the field check
// (check.html) on a 360 px phone to the first render of a customer's card.
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
    console.log(`       load: IndexedDB read ${ms(open['creditdesk:snapshot-read'] - open['creditdesk:load-start'])}, `
      + `snapshot decode ${ms(open['creditdesk:snapshot-decoded'] - open['creditdesk:snapshot-read'])}, `
      + `SHA-256 (beside the decode) done ${ms(open['creditdesk:snapshot-hashed'] - open['creditdesk:snapshot-decoded'])} after it, `
      + `newer events + chain ${ms(open['creditdesk:load-done'] - open['creditdesk:snapshot-hashed'])}; `
      + `load to list ${ms(rendered - open['creditdesk:load-done'])}`);
    await cold.close();
  }

  // The field check is its own bundle (check.html): a phone opening one customer with L stored.
  // The 4× CPU slowdown is Lighthouse's mobile profile; the network is local.
  console.log('\n--- field check with L (360 px, new page, same profile) to the customer\'s card ---');
  for (const slowdown of [1, 4]) {
    for (let run = 1; run <= 3; run += 1) {
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 360, height: 740 });
      const cdp = await context.newCDPSession(phone);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await phone.goto(`${base}/check.html?customer=C000123`);
      await expect(phone.getByTestId('customer-card')).toBeVisible({ timeout: TEN_MINUTES });
      const open = await marks(phone);
      // The page reads the check view; the first open after the journal changed (or on a new
      // day) waits while the worker makes it.
      const remade = open['creditdesk:view-remade'] !== undefined
        ? `view made by the worker in ${ms(open['creditdesk:view-remade'] - open['creditdesk:view-remake-start'])}`
        : 'view current';
      console.log(`CPU ×${slowdown} run ${run}: card rendered at ${ms(open['creditdesk:field-check-rendered'])} after navigation start `
        + `(storage open to view shown ${ms(open['creditdesk:load-done'] - open['creditdesk:load-start'])}, ${remade}, `
        + `app start before load ${ms(open['creditdesk:load-start'])})`);
      await phone.close();
    }
  }
  await context.close();
});
