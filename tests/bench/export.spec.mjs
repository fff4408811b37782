// Browser benchmark of the export (issue 11, §4): with demo L stored, the open items and the
// journal (540,000 entries) exported as .xlsx, the journal and the alerts as CSV, through the
// data page, each made in the worker.
// Prints the time from the click to the download, the file's size and the longest main-thread
// task meanwhile (Long Tasks API: the page must stay responsive). Asserts only that each
// download arrived.
import { test, expect } from '@playwright/test';
import { port } from '../../playwright.config.mjs';
import { TEN_MINUTES, timedExport, watchLongTasks } from './timing.mjs';

const base = `http://127.0.0.1:${port}`;

test('export of L\'s open items and journal as .xlsx in Chromium', async ({ page }) => {
  test.setTimeout(30 * 60_000);
  await page.goto(`${base}/`);
  await page.getByTestId('load-demo-L').click();
  await expect(page.getByTestId('home')).toBeVisible({ timeout: TEN_MINUTES });
  await page.goto(`${base}/data`);
  await expect(page.getByTestId('export-download')).toBeEnabled({ timeout: TEN_MINUTES });
  await watchLongTasks(page);
  console.log('\n--- export with demo L stored (each file made in the worker) ---');
  await timedExport(page, 'open-items', 'xlsx');
  await timedExport(page, 'journal', 'xlsx');
  await timedExport(page, 'journal', 'csv-bom');
  // Over 1,000 customers even a CSV is made in the worker: the alerts of L.
  await timedExport(page, 'alerts', 'csv-bom');
});
