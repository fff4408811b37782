// Backup and restore (issue 11, §2): the whole journal downloaded as one file, restored on
// another device (a fresh browser context) to the same journal and head hash; restoring over
// a journal asks first and a cancel changes nothing; a changed, cut-off or foreign file is
// refused naming what is wrong, with the store as it was; Settings say when the last backup was
// made and remind; the page in Chinese at 360 px and axe.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  App, EN, ZH, fill, areaTexts, expectNoSeriousViolations,
} from './pages.mjs';

const B = areaTexts('backup', 'BackupTexts');

async function openData(app, b = B.EN) {
  await app.go('nav_settings');
  await app.page.getByTestId('open-backup').click();
  await expect(app.heading(b.title)).toBeVisible();
}

/** Downloads a backup; returns its text. */
async function downloadBackup(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^creditdesk-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
  return readFileSync(await download.path(), 'utf8');
}

/** The header and the event lines of a backup file. */
function parts(file) {
  const lines = file.split('\n').filter((line) => line !== '');
  return { header: JSON.parse(lines[0]), events: lines.slice(1) };
}

async function chooseFile(page, text, name = 'backup.jsonl') {
  await page.getByTestId('restore-file').setInputFiles({
    name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text, 'utf8'),
  });
}

async function eventCount(app) {
  const journal = app.journal();
  await journal.open();
  const text = (await app.page.getByTestId('journal-counts').innerText()).trim();
  return Number(/[\d,]+/.exec(text)[0].replaceAll(',', ''));
}

test('a backup restores on another device to the same journal and head hash', async ({ page, browser }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.go('nav_settings');
  await expect(page.getByTestId('last-backup')).toHaveText(B.EN.no_backup);
  await expect(page.getByTestId('backup-due')).toHaveText(fill(B.EN.due, { days: '7' }));
  await openData(app);
  const file = await downloadBackup(page);
  const { header, events } = parts(file);
  expect(header.format).toBe('creditdesk-backup');
  expect(header.events).toBe(events.length);
  expect(header.head.seq).toBe(events.length);
  await expect(page.getByTestId('backup-message')).toHaveText(fill(B.EN.downloaded, { events: String(events.length) }));
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(page.getByTestId('last-backup')).toHaveText(fill(B.EN.last_backup, { date: today }));
  await expect(page.getByTestId('backup-due')).toHaveCount(0);
  const count = await eventCount(app);
  expect(count).toBe(events.length);

  // Another device: nothing stored; the backup is restored from a deep link to the page.
  const other = await browser.newContext();
  const phone = await other.newPage();
  const fresh = new App(phone, EN);
  await fresh.goto('/data');
  await chooseFile(phone, file);
  await expect(phone.getByTestId('restore-confirm')).toContainText(
    fill(B.EN.confirm_empty, { events: String(events.length), date: '\u0000' }).split('\u0000')[0],
  );
  await phone.getByTestId('restore-yes').click();
  await expect(phone.getByTestId('restore-message')).toHaveText(fill(B.EN.restored, { events: String(events.length) }));
  await fresh.reload();
  const journal = fresh.journal();
  await journal.open();
  await journal.expectIntact(events.length);
  // Backed up again there, it is the same journal to the byte and the same head.
  await openData(fresh);
  const again = parts(await downloadBackup(phone));
  expect(again.header.head).toEqual(header.head);
  expect(again.events).toEqual(events);
  await other.close();
});

test('a changed, cut-off or foreign file is refused naming what is wrong; over a journal it asks first', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openData(app);
  const file = await downloadBackup(page);
  const { header, events } = parts(file);
  const before = await eventCount(app);
  await openData(app);

  // One character of the first event changed (the demo's customers in CNY, now USD).
  const changed = [JSON.stringify(header), events[0].replace('"CNY"', '"USD"'), ...events.slice(1)].join('\n');
  expect(changed).not.toBe(file.trimEnd());
  const edited = fill(EN.chain_edited, { seq: '1' });
  const refusals = [
    [changed, fill(B.EN.err_broken, { detail: edited })],
    [[JSON.stringify(header), ...events.slice(0, -1)].join('\n'),
      fill(B.EN.err_count, { stated: String(events.length), found: String(events.length - 1) })],
    ['name,amount\nACME,100\n', B.EN.err_not_backup],
    ['', B.EN.err_empty],
    [file.replace('"version":1', '"version":9'), fill(B.EN.err_newer, { found: '9' })],
  ];
  for (const [text, message] of refusals) {
    await chooseFile(page, text);
    await expect(page.getByTestId('restore-message')).toHaveText(message);
    await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
  }

  // The good file over this journal: it asks first, naming both counts; cancel keeps all.
  await chooseFile(page, file);
  await expect(page.getByTestId('restore-confirm')).toContainText(
    fill(B.EN.confirm, { current: String(before), events: String(events.length), date: '\u0000' }).split('\u0000')[0],
  );
  await page.getByTestId('restore-no').click();
  await expect(page.getByTestId('restore-message')).toHaveText(B.EN.cancelled);
  expect(await eventCount(app)).toBe(before);
  await app.journal().expectIntact(before);
});

test('the backup page in Chinese at 360 px, with no serious axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.languageButton().click();
  app.use(ZH);
  await openData(app, B.ZH);
  await expect(page.getByTestId('backup-download')).toHaveText(B.ZH.download);
  await expect(page.getByText(B.ZH.restore_file, { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page, 'the backup page in Chinese at 360 px');
});

test('a damaged store is replaced by a restore, and the break it showed is gone', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openData(app);
  const file = await downloadBackup(page);
  const { header, events } = parts(file);
  // The recorded head removed on disk while the events stay: the next open refuses the store.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('meta', 'readwrite');
      tx.objectStore('meta').delete('head');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await app.reload();
  const banner = page.getByTestId('banner');
  await expect(banner).toContainText(EN.integrity_banner.split('{detail}')[0]);
  await app.goto('/data');
  await chooseFile(page, file);
  await expect(page.getByTestId('restore-confirm')).toBeVisible();
  await page.getByTestId('restore-yes').click();
  await expect(page.getByTestId('restore-message')).toHaveText(fill(B.EN.restored, { events: String(events.length) }));
  await expect(banner).toHaveCount(0);
  await app.reload();
  await expect(banner).toHaveCount(0);
  await app.journal().open();
  await app.journal().expectIntact(events.length);
  await openData(app);
  expect(parts(await downloadBackup(page)).header.head).toEqual(header.head);
});
