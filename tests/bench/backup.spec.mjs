// Browser benchmark of backup and restore (issue 11, §4) for demo portfolio L (10,000
// customers, ~540,000 entries): the click on "Download backup" to the download, the file's
// size, and its restore on another device (a fresh browser context, an empty store) from the
// file chosen to the confirmation and from "Restore" to done; the longest main-thread task of
// each (Long Tasks API) and the restored head compared with the original. Prints figures;
// asserts only that it finished and that the heads are equal.
import { test, expect } from '@playwright/test';
import { copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { port } from '../../playwright.config.mjs';
import { areaTexts, fill } from '../e2e/pages.mjs';

const B = areaTexts('backup', 'BackupTexts').EN;

const base = `http://127.0.0.1:${port}`;

function watchLongTasks(page) {
  return page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

const longest = (page) => page.evaluate(() => { const l = window.__longest; window.__longest = 0; return l.toFixed(0); });

function storedHead(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('meta').objectStore('meta').get('head');
      get.onsuccess = () => { open.result.close(); resolve(get.result ?? null); };
      get.onerror = () => reject(get.error);
    };
  }));
}

test('backup and restore of portfolio L in Chromium', async ({ browser }) => {
  test.setTimeout(15 * 60_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByTestId('load-demo-L').click();
  await expect(page.getByTestId('home')).toBeVisible({ timeout: 10 * 60_000 });
  const head = await storedHead(page);
  await page.goto(`${base}/data`);
  await expect(page.getByTestId('backup-download')).toBeVisible({ timeout: 120_000 });
  await watchLongTasks(page);
  const backupStart = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10 * 60_000 }),
    page.getByTestId('backup-download').click(),
  ]);
  const path = await download.path();
  const backupMs = Date.now() - backupStart;
  const backupLongest = await longest(page);
  const bytes = statSync(path).size;
  // Kept by path (the download goes with its context): a buffer this large is refused by
  // Playwright, and would cross the DevTools protocol as base64.
  const file = join(tmpdir(), 'creditdesk-backup-L.jsonl');
  copyFileSync(path, file);
  await context.close();

  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto(`${base}/data`);
  await expect(phone.getByTestId('restore-file')).toBeAttached({ timeout: 120_000 });
  await watchLongTasks(phone);
  const chooseStart = Date.now();
  await phone.getByTestId('restore-file').setInputFiles(file);
  await expect(phone.getByTestId('restore-yes')).toBeVisible({ timeout: 10 * 60_000 });
  const checkMs = Date.now() - chooseStart;
  const checkLongest = await longest(phone);
  const restoreStart = Date.now();
  await phone.getByTestId('restore-yes').click();
  // "Restoring…" first, then the outcome.
  const outcome = new RegExp(`^${fill(B.restored, { events: '\\d+' }).replace('.', '\\.')}$`);
  await expect(phone.getByTestId('restore-message')).toHaveText(outcome, { timeout: 10 * 60_000 });
  const restoreMs = Date.now() - restoreStart;
  const restoreLongest = await longest(phone);
  const restored = await storedHead(phone);
  await other.close();

  console.log('\n--- backup and restore of demo L ---');
  console.log(`backup: click to download ${backupMs} ms, ${(bytes / 1e6).toFixed(1)} MB (longest main-thread task ${backupLongest} ms)`);
  console.log(`restore on a fresh store: file chosen to the confirmation (read + chain verified) ${checkMs} ms (longest task ${checkLongest} ms; the file handed over by path)`);
  console.log(`restore: "Restore" to done ${restoreMs} ms (longest task ${restoreLongest} ms)`);
  console.log(`head: ${head} → ${restored}`);
  expect(restored).toEqual(head);
});
