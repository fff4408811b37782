// Browser benchmark of the export (issue 11, §4): with demo L stored, the open items and the
// journal (540,000 entries) exported as .xlsx, the journal and the alerts as CSV, through the
// data page, each made in the worker.
// Prints the time from the click to the download, the file's size and the longest main-thread
// task meanwhile (Long Tasks API: the page must stay responsive). Asserts only that each
// download arrived.
import { test, expect } from '@playwright/test';
import { port } from '../../playwright.config.mjs';

const base = `http://127.0.0.1:${port}`;
const TEN_MINUTES = 10 * 60_000;

async function timedExport(page, table, format) {
  await page.getByTestId('export-table').selectOption(table);
  await page.getByTestId('export-format').selectOption(format);
  await page.evaluate(() => { window.__longest = 0; });
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TEN_MINUTES }),
    page.getByTestId('export-download').click(),
  ]);
  const ms = Date.now() - started;
  const path = await download.path();
  const { statSync } = await import('node:fs');
  const size = statSync(path).size;
  const longest = await page.evaluate(() => window.__longest);
  console.log(`${table} as ${format}: ${ms} ms to the download, ${(size / 1e6).toFixed(1)} MB, `
    + `longest main-thread task ${longest.toFixed(0)} ms (${download.suggestedFilename()})`);
}

test('export of L\'s open items and journal as .xlsx in Chromium', async ({ page }) => {
  test.setTimeout(30 * 60_000);
  await page.goto(`${base}/`);
  await page.getByTestId('load-demo-L').click();
  await expect(page.getByTestId('home')).toBeVisible({ timeout: TEN_MINUTES });
  await page.goto(`${base}/data`);
  await expect(page.getByTestId('export-download')).toBeEnabled({ timeout: TEN_MINUTES });
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  console.log('\n--- export with demo L stored (each file made in the worker) ---');
  await timedExport(page, 'open-items', 'xlsx');
  await timedExport(page, 'journal', 'xlsx');
  await timedExport(page, 'journal', 'csv-bom');
  // Over 1,000 customers even a CSV is made in the worker: the alerts of L.
  await timedExport(page, 'alerts', 'csv-bom');
});
