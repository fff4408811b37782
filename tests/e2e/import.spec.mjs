// Import (issue 11, §1 and §4): files picked on the data page are read, previewed and
// checked in the worker; the guessed mapping can be changed and saved as a preset; the import
// is all or nothing (the stored head is compared before and after), importing the same file
// again adds nothing, a GBK register with settlement dates creates its payments, a cancel or
// a closed page mid-import leaves all or none; Chinese at 360 px, axe, offline.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  App, EN, ZH, fill, areaTexts, customersCount, expectNoSeriousViolations, controlledByServiceWorker,
} from './pages.mjs';

const P = areaTexts('import_page', 'ImportPageTexts');
const WORDS = areaTexts('import', 'ImportTexts');
const FIXTURES = new URL('../fixtures/import/', import.meta.url);

/** The stored head (`{ seq, hash }` as JSON text), or null: what "nothing written" compares. */
function storedHead(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('meta').objectStore('meta').get('head');
      get.onsuccess = () => { db.close(); resolve(get.result ?? null); };
      get.onerror = () => reject(get.error);
    };
  }));
}

async function openImport(app, p = P.EN) {
  await app.goto('/data/import');
  await expect(app.heading(p.title)).toBeVisible();
}

async function choose(page, name, buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

function csv(lines) { return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'); }

const CUSTOMERS = csv([
  'Customer No.,Customer Name,Currency,Payment Terms,Note',
  'C9001,Acme Trading Co.,CNY,30,ring Anna',
  'C9002,Blue River Ltd,CNY,45,',
  'C9003,Cedar Supplies,CNY,60,',
]);

async function start(page) { await page.getByTestId('import-start').click(); }

test('a customer file is previewed, mapped, imported once, and a second import adds nothing', async ({ page }) => {
  const app = new App(page, EN);
  // Day one: the welcome offers the import beside the demo portfolios.
  await app.goto('/');
  await page.getByTestId('welcome-import').click();
  await expect(app.heading(P.EN.title)).toBeVisible();
  await choose(page, 'customers.csv', CUSTOMERS);
  await expect(page.getByTestId('import-detected')).toHaveText(fill(P.EN.detected_csv, { encoding: WORDS.EN.enc_utf8, rows: '3' }));
  await expect(page.getByTestId('import-column-0')).toHaveValue('CustomerNumber');
  await expect(page.getByTestId('import-column-1')).toHaveValue('CustomerName');
  await expect(page.getByTestId('import-column-4')).toHaveValue('');
  // A guess changed by hand: the note column is the contact.
  await page.getByTestId('import-column-4').selectOption('Contact');
  await expect(page.getByTestId('import-preview')).toContainText('Blue River Ltd');
  await start(page);
  await expect(page.getByTestId('import-done')).toContainText(
    fill(P.EN.imported, { customers: '3', invoices: '0', payments: '0', credit_notes: '0', orders: '0' }));
  const head = await storedHead(page);
  expect(head).not.toBeNull();
  await app.go('nav_customers');
  await expect(page.getByTestId('customer-table')).toContainText('Cedar Supplies');
  await page.getByRole('link', { name: 'Acme Trading Co.' }).click();
  await expect(page.getByText('ring Anna')).toBeVisible();

  await openImport(app);
  await choose(page, 'customers.csv', CUSTOMERS);
  await expect(page.getByTestId('import-column-0')).toHaveValue('CustomerNumber');
  await page.getByTestId('import-column-4').selectOption('Contact');
  await start(page);
  await expect(page.getByTestId('import-done')).toHaveText(P.EN.nothing_new);
  expect(await storedHead(page)).toEqual(head);
});

test('every bad row is listed by row and column, nothing is written, and the list downloads', async ({ page }) => {
  const app = new App(page, EN);
  await openImport(app);
  await choose(page, 'customers.csv', CUSTOMERS);
  await start(page);
  await expect(page.getByTestId('import-done')).toBeVisible();
  const head = await storedHead(page);
  const invoices = csv([
    'Customer No.,Invoice No.,Invoice Date,Due Date,Amount',
    'C9001,INV-1,2026-10-01,2026-10-31,1200.00',
    'C9001,INV-2,2026-02-31,2026-03-31,300.00',
    'C9404,INV-3,2026-10-02,2026-11-01,50.00',
    'C9002,INV-4,2026-10-03,2026-11-02,twelve',
    'C9002,INV-1,2026-10-04,2026-11-03,10.00',
  ]);
  await choose(page, 'invoices.csv', invoices);
  await expect(page.getByTestId('import-column-1')).toHaveValue('DocumentNumber');
  await start(page);
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toBeVisible();
  const rows = page.getByTestId('import-errors').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).locator('td').nth(0)).toHaveText('3');  // the file's line
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('Invoice Date');
  await expect(rows.nth(1).locator('td').nth(0)).toHaveText('4');
  await expect(rows.nth(2).locator('td').nth(1)).toHaveText('Amount');
  await expect(rows.nth(3).locator('td').nth(0)).toHaveText('6');
  expect(await storedHead(page)).toEqual(head);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-errors-download').click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  const lines = file.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe([P.EN.error_row, P.EN.error_column, P.EN.error_reason].join(','));
  expect(lines).toHaveLength(5);
  expect(lines[1]).toMatch(/^3,Invoice Date,/);
});

test('a customer file, a GBK invoice register with settlement dates and a payments file, mapped in Chinese', async ({ page }) => {
  const app = new App(page, ZH);
  await app.goto('/');
  await app.languageButton().click();
  const fixture = (name) => readFileSync(new URL(name, FIXTURES));
  const imported = (counts) => fill(P.ZH.imported, {
    customers: '0', invoices: '0', payments: '0', credit_notes: '0', orders: '0', ...counts,
  });
  // The ERP's customer master, Chinese headers, UTF-8.
  await openImport(app, P.ZH);
  await choose(page, 'customers.csv', fixture('customers.csv'));
  await expect(page.getByTestId('import-column-1')).toHaveValue('CustomerName');
  await start(page);
  await expect(page.getByTestId('import-done')).toContainText(imported({ customers: '3' }));
  // The invoice register as Excel on Chinese Windows saves it: GBK, settlement dates.
  await openImport(app, P.ZH);
  await choose(page, 'invoices-gbk.csv', fixture('invoices-gbk.csv'));
  await expect(page.getByTestId('import-gbk')).toHaveText(P.ZH.gbk_notice);
  await expect(page.getByTestId('import-preview')).toContainText('上海华东机械有限公司');
  await expect(page.getByTestId('import-column-7')).toHaveValue('SettledDate');
  await start(page);
  // Four invoices, three settled → three payments, and C1004 created from its name.
  await expect(page.getByTestId('import-done')).toContainText(
    imported({ customers: '1', invoices: '4', payments: '3' }));
  // Payments by invoice number; the receipt number's column is mapped by hand.
  await openImport(app, P.ZH);
  await choose(page, 'payments.csv', fixture('payments.csv'));
  await expect(page.getByTestId('import-target').locator('option:checked')).toHaveText(WORDS.ZH.target_payments);
  await expect(page.getByTestId('import-column-3')).toHaveValue('InvoiceNumber');
  await page.getByTestId('import-column-4').selectOption('DocumentNumber');
  await start(page);
  await expect(page.getByTestId('import-done')).toContainText(imported({ payments: '3' }));
  // INV-2099-999 matches nothing and row 4 names no invoice: both are unapplied cash.
  const unapplied = page.getByTestId('import-unapplied').locator('li');
  await expect(unapplied).toHaveCount(2);
  await expect(unapplied.nth(0)).toContainText('C1002');
  await expect(unapplied.nth(1)).toContainText('C1003');
  // The customer created from the register is in the list.
  await app.goto('/customers');
  await expect(page.getByTestId('customer-table')).toContainText('广州南方电子有限公司');
});

/** An invoice register of `rows` rows over 500 customers, all in the file. */
function bigRegister(rows) {
  const lines = ['Customer No.,Customer Name,Currency,Invoice No.,Invoice Date,Due Date,Amount'];
  for (let i = 0; i < rows; i += 1) {
    const c = i % 500;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`K${c},Customer ${c},CNY,B${i},2026-06-${day},2026-07-${day},${100 + (i % 900)}.50`);
  }
  return csv(lines);
}

test('a cancelled import leaves nothing behind', async ({ page }) => {
  const app = new App(page, EN);
  await openImport(app);
  await choose(page, 'big.csv', bigRegister(150_000));
  await expect(page.getByTestId('import-column-3')).toHaveValue('DocumentNumber', { timeout: 30_000 });
  await start(page);
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toHaveText(P.EN.cancelled);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  expect(await storedHead(page)).toBeNull();
});

test('a page closed in the middle of a large import finds all of it or none after reopening', async ({ context }) => {
  const page = await context.newPage();
  const app = new App(page, EN);
  await openImport(app);
  await choose(page, 'big.csv', bigRegister(60_000));
  await expect(page.getByTestId('import-column-3')).toHaveValue('DocumentNumber', { timeout: 30_000 });
  await start(page);
  await expect(page.getByTestId('import-progress')).toContainText(/Checking|Writing/, { timeout: 60_000 });
  await page.close();
  const again = await context.newPage();
  const reopened = new App(again, EN);
  await reopened.goto('/customers');
  // The closed page's worker may still be committing: a read-write transaction on the head
  // waits for any transaction writing it (IndexedDB orders overlapping read-write scopes),
  // then the page is read again, so the list and the head are of the same, settled store.
  await again.waitForTimeout(1_000);
  const head = await again.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('meta', 'readwrite').objectStore('meta').get('head');
      get.onsuccess = () => { open.result.close(); resolve(get.result ?? null); };
      get.onerror = () => reject(get.error);
    };
  }));
  await reopened.reload();
  // None of it: no customer; all of it: 500 customers and every invoice, in one event.
  if (head !== null) expect(JSON.parse(head).seq).toBe(1);
  await expect(again.getByTestId('results-count')).toHaveText(customersCount(EN, head === null ? 0 : 500));
});

test('the import page in Chinese at 360 px, with the preset saved and applied, passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const app = new App(page, ZH);
  await app.goto('/');
  await app.languageButton().click();
  await openImport(app, P.ZH);
  await choose(page, 'customers.csv', CUSTOMERS);
  await page.getByTestId('import-column-4').selectOption('Contact');
  await page.getByTestId('import-preset-name').fill('ERP 客户');
  await page.getByTestId('import-preset-save').click();
  await expect(page.getByTestId('import-preset-message')).toHaveText(fill(P.ZH.preset_saved, { name: 'ERP 客户' }));
  await choose(page, 'customers.csv', CUSTOMERS);
  await expect(page.getByTestId('import-column-4')).toHaveValue('');
  await page.getByTestId('import-preset').selectOption('ERP 客户');
  await expect(page.getByTestId('import-column-4')).toHaveValue('Contact');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expectNoSeriousViolations(page, 'import page, zh-CN, 360 px');
});

test('an import runs offline once the app has been opened', async ({ page, context }) => {
  const app = new App(page, EN);
  await app.goto('/');
  await controlledByServiceWorker(app);
  await context.setOffline(true);
  await openImport(app);
  await choose(page, 'customers.csv', CUSTOMERS);
  await start(page);
  await expect(page.getByTestId('import-done')).toContainText(
    fill(P.EN.imported, { customers: '3', invoices: '0', payments: '0', credit_notes: '0', orders: '0' }));
  await context.setOffline(false);
});
