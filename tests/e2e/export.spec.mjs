// Export (issue 11, §2): the customers of demo S downloaded as CSV (UTF-8 with a BOM) and as
// .xlsx, both read back here — the CSV parsed, the workbook unzipped — with a formula-like name
// neutralised in the CSV and kept as plain text (never a formula) in the workbook; the journal
// made in the worker; a bad as-of date refused by name with nothing downloaded; the section in
// Chinese at 360 px, and axe.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { App, EN, ZH, areaTexts, fill, expectNoSeriousViolations } from './pages.mjs';

const X = areaTexts('export', 'ExportTexts');
const B = areaTexts('backup', 'BackupTexts');
const FORMULA = '=HYPERLINK("http://example.com","x")';

const CUSTOMER_HEADERS = ['c_customer_number', 'c_customer_name', 'c_registration_no', 'c_industry',
  'c_country', 'c_contact', 'c_group', 'c_terms_days', 'c_currency', 'c_limit', 'c_grade', 'c_score',
  'c_balance', 'c_overdue', 'c_exposure'];

async function openData(app, b = B.EN) {
  await app.go('nav_settings');
  await app.page.getByTestId('open-backup').click();
  await expect(app.heading(b.title)).toBeVisible();
}

/** Chooses the table and format and downloads; returns the file's name and bytes. */
async function exportFile(page, table, format) {
  await page.getByTestId('export-table').selectOption(table);
  await page.getByTestId('export-format').selectOption(format);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('export-download').click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** RFC 4180 records (quoted fields with doubled quotes, CRLF between records). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 1; }
    else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

/** The named entries of a zip file, inflated (read through its central directory). */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = {};
  for (let n = 0; n < count; n += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra;
  }
  return files;
}

async function addCustomer(app, name) {
  const list = app.customers();
  await list.open();
  await list.newCustomer().click();
  const form = app.customerForm();
  await form.name().fill(name);
  await form.country().fill('CN');
  await form.terms().fill('30');
  await form.saveAndReturn();
}

test('customers of demo S as CSV with a BOM and as .xlsx, read back, a formula neutralised', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await addCustomer(app, FORMULA);
  await openData(app);
  const asOf = await page.getByTestId('export-as-of').inputValue();
  expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const csv = await exportFile(page, 'customers', 'csv-bom');
  expect(csv.name).toBe(`creditdesk-customers-${asOf}.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(CUSTOMER_HEADERS.map((key) => X.EN[key]));
  expect(rows).toHaveLength(51);
  await expect(page.getByTestId('export-message')).toContainText(
    fill(X.EN.made, { file: csv.name, rows: '51', size: '\u0000' }).split('\u0000')[0],
  );
  const byName = Object.fromEntries(rows.map((row) => [row[1], row]));
  // The typed name starts with "=": the CSV says it with a leading apostrophe.
  expect(byName[`'${FORMULA}`]).toBeTruthy();
  expect(byName[FORMULA]).toBeUndefined();
  // Demo phone numbers start with "+": neutralised too; amounts are plain numbers, never.
  const demo = rows.find((row) => row[0] === 'C000001');
  expect(demo[5]).toMatch(/^'\+86 /);
  for (const row of rows) {
    expect(row[12]).toMatch(/^-?\d+\.\d{2}$/);
    expect(row[8]).toMatch(/^[A-Z]{3}$/);
  }

  const xlsx = await exportFile(page, 'customers', 'xlsx');
  expect(xlsx.name).toBe(`creditdesk-customers-${asOf}.xlsx`);
  expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const files = unzip(xlsx.bytes);
  const sheet = files['xl/worksheets/sheet1.xml'];
  const strings = files['xl/sharedStrings.xml']
    .replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  expect(sheet).toBeTruthy();
  expect(sheet).not.toContain('<f>');
  expect(sheet).toContain('<pane ySplit="1"');
  // Written as it was typed, as a text cell (no formula anywhere in the sheet).
  expect(strings).toContain(`<t>${FORMULA}</t>`);
  expect(strings).not.toContain(`'${FORMULA}`);
  expect(strings).toContain(`<t>${X.EN.c_customer_number}</t>`);
  expect(files['xl/workbook.xml']).toContain(`name="${X.EN.t_customers}"`);
  await expect(page.getByTestId('export-message')).toContainText(xlsx.name);
});

test('the journal is made in the worker: one row per entry, the first the first customer', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openData(app);
  const file = await exportFile(page, 'journal', 'csv');
  expect(file.name).toMatch(/^creditdesk-journal-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.bytes[0]).not.toBe(0xef);
  const [header, first, ...rest] = parseCsv(file.bytes.toString('utf8'));
  expect(header).toEqual(['c_seq', 'c_time', 'c_who', 'c_kind', 'c_description', 'c_entry_json'].map((k) => X.EN[k]));
  expect(first[0]).toBe('1');
  expect(first[3]).toBe('CustomerRegistered');
  expect(JSON.parse(first[5]).kind).toBe('CustomerRegistered');
  expect(rest.length).toBeGreaterThan(1000);
  await expect(page.getByTestId('export-message')).toContainText(file.name);
});

test('a bad as-of date is refused by name and nothing is downloaded', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openData(app);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  const refusals = [
    ['2026-02-31', fill(EN.err_no_such_date, { date: '2026-02-31' })],
    ['yesterday', fill(EN.err_char_unexpected, { character: 'y', position: '1' })],
    ['', EN.err_required],
  ];
  for (const [bad, message] of refusals) {
    await page.getByTestId('export-as-of').fill(bad);
    await page.getByTestId('export-download').click();
    await expect(page.getByTestId('export-as-of-error')).toHaveText(message);
    await expect(page.getByTestId('export-as-of')).toHaveAttribute('aria-invalid', 'true');
  }
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
  await expect(page.getByTestId('export-message')).toHaveCount(0);
});

test('the export section in Chinese at 360 px, with Chinese headers and no serious axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.languageButton().click();
  app.use(ZH);
  await openData(app, B.ZH);
  const section = page.getByTestId('export');
  await expect(section.getByRole('heading', { name: X.ZH.title })).toBeVisible();
  await expect(page.getByTestId('export-download')).toHaveText(X.ZH.download);
  const csv = await exportFile(page, 'open-items', 'csv-bom');
  expect(csv.name).toMatch(/^creditdesk-open-items-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header] = parseCsv(csv.bytes.subarray(3).toString('utf8'));
  expect(header.slice(0, 3)).toEqual([X.ZH.c_customer_number, X.ZH.c_customer_name, X.ZH.c_invoice_number]);
  await expect(page.getByTestId('export-message')).toContainText(csv.name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page, 'the export section in Chinese at 360 px');
});

/** Imports one file on the import page with the guessed mapping, the amount taken from the
 * column headed `amountHeader` when given (an open-items file's open amount, as a user maps it). */
async function importFile(app, file, amountHeader) {
  await app.goto('/data/import');
  await app.page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.bytes });
  const [header] = parseCsv(file.bytes.subarray(3).toString('utf8'));
  await expect(app.page.getByTestId('import-column-0')).toHaveValue('CustomerNumber');
  if (amountHeader) {
    for (let i = 0; i < header.length; i += 1) {
      const select = app.page.getByTestId(`import-column-${i}`);
      if (header[i] === amountHeader) await select.selectOption('Amount');
      else if (await select.inputValue() === 'Amount') await select.selectOption('');
    }
  }
  await app.page.getByTestId('import-start').click();
  await expect(app.page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
}

test('export then import through the screens: another device gets the same customers and aging', async ({ page, browser }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openData(app);
  const customers = await exportFile(page, 'customers', 'csv-bom');
  const openItems = await exportFile(page, 'open-items', 'csv-bom');
  const aging = await exportFile(page, 'aging', 'csv-bom');

  const other = await browser.newContext();
  const device = new App(await other.newPage(), EN);
  await importFile(device, customers);
  await importFile(device, openItems, X.EN.c_open_amount);
  await openData(device);
  const customersAgain = await exportFile(device.page, 'customers', 'csv-bom');
  const agingAgain = await exportFile(device.page, 'aging', 'csv-bom');
  // The master data customer by customer, and the receivables bucket by bucket with the
  // totals (payments' history, unapplied cash, credit files and limits travel only in a backup).
  const rows = (file, width) => parseCsv(file.bytes.subarray(3).toString('utf8'))
    .map((row) => row.slice(0, width).join('|')).sort();
  const masterData = rows(customers, 9);
  expect(masterData).toHaveLength(51);
  expect(rows(customersAgain, 9)).toEqual(masterData);
  const buckets = rows(aging);
  expect(buckets.length).toBeGreaterThan(50);
  expect(rows(agingAgain)).toEqual(buckets);
  await other.close();
});

test('an export made in the worker can be cancelled: nothing is downloaded, and the next one works', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openData(app);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByTestId('export-table').selectOption('journal');
  await page.getByTestId('export-format').selectOption('xlsx');
  await page.getByTestId('export-download').click();
  await expect(page.getByTestId('export-message')).toHaveText(X.EN.making);
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-message')).toHaveText(X.EN.cancelled);
  await expect(page.getByTestId('export-cancel')).toHaveCount(0);
  await page.waitForTimeout(3_000);
  expect(downloads).toBe(0);
  const file = await exportFile(page, 'customers', 'xlsx');
  expect(file.name).toMatch(/\.xlsx$/);
  expect(downloads).toBe(1);
});
