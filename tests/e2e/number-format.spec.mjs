// Settings → Number format (issue 8, 3b): a decimal comma only when the user's number format
// says so. In 1.234,56 a payment typed as 1.234,56 is stored as 1234.56 and every amount is
// shown as 1.234,56 (desk and field check); in the default 1,234.56, 12,34 is refused with
// the message naming the other format, never read as 1234; the choice is per device and
// survives a reload; the setting has its Chinese label.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, FIELD, fill, cents, currencyPrefix, formatMoney } from './pages.mjs';

const F = FIELD.EN;
const KEY = 'creditdesk.numbers';

/** The Settings page's number-format select. */
async function openFormat(app) {
  await app.go('nav_settings');
  await expect(app.heading(app.t.settings_title)).toBeVisible();
  return app.settings().getByRole('combobox', { name: app.t.number_format, exact: true });
}

/** The texts of the newest journal event, read back from IndexedDB as stored. */
async function newestEventText(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('events').objectStore('events').openCursor(null, 'prev');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => { resolve(request.result.value.text); open.result.close(); };
    };
  }));
}

/** Opens a CNY demo customer with a balance, as the list shows it in `format`. */
async function openCnyCustomer(app, format) {
  const list = app.customers();
  await list.open();
  await list.sort().selectOption('balance');
  await expect(app.page).toHaveURL(/sort=balance/);
  const rows = await list.rows();
  // Every balance on the list is written in the chosen format, a foreign one with its
  // base-currency equivalent (what the list sorts by: issue 9), largest first.
  for (const row of rows) cents(row[EN.col_balance], format);
  // (A currency without a rate sorts after every converted one.)
  const base = (r) => (currencyPrefix(r[EN.col_balance]) === '¥' ? cents(r[EN.col_balance], format) : r.inBase ? cents(r.inBase, format) : null);
  const figures = rows.map(base);
  const converted = figures.filter((f) => f !== null);
  expect(figures.slice(0, converted.length)).toEqual(converted);
  expect(rows.some((r) => r.inBase), 'a foreign customer with its CNY equivalent').toBe(true);
  expect([...converted].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(converted);
  const row = rows.find((r) => currencyPrefix(r[EN.col_balance]) === '¥' && cents(r[EN.col_balance], format) > 200000n);
  expect(row, 'a CNY demo customer with a balance above 2,000').toBeTruthy();
  await list.openCustomer(row[EN.col_name]);
  return cents(await app.customer().balance(), format);
}

test('1.234,56: a payment typed with a decimal comma is stored as 1234.56 and shown 1.234,56; the choice persists', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();

  // The default follows the language: English writes 1,234.56; nothing is stored yet.
  let format = await openFormat(app);
  await expect(format).toHaveValue('point');
  await expect(format.getByRole('option')).toHaveText([EN.number_format_point, EN.number_format_comma]);
  await expect(app.settings().getByText(EN.number_format_hint, { exact: true })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();

  // Choose 1.234,56; it is remembered on the device and survives a reload.
  await format.selectOption('comma');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('comma');
  await app.reload();
  format = app.settings().getByRole('combobox', { name: EN.number_format, exact: true });
  await expect(format).toHaveValue('comma');

  // The customer list and page show amounts in 1.234,56; a payment of 1.234,56 is read so.
  const before = await openCnyCustomer(app, 'comma');
  const customer = app.customer();
  const [invoice] = await customer.openInvoices();
  const open = cents(invoice[EN.open_amount], 'comma');
  await customer.recordPayment();
  const form = app.paymentForm();
  // A decimal point is the other format here: refused, naming this one, nothing saved.
  await form.amount().fill('1234.56');
  await form.expectRejected('amount', EN.err_decimal_point_here);
  // The core's refusal names the open amount in the same format (worded after the write
  // was attempted, in a task of its own).
  await form.toInvoice().check();
  await form.allocateTo(invoice[EN.invoice_number]);
  await form.amount().fill(formatMoney(open + 100n, '', 'comma'));
  await form.expectRejected('allocation', fill(EN.rej_alloc_above_open, {
    invoice: invoice[EN.invoice_number], open: formatMoney(open, '', 'comma'),
  }));
  await form.oldestFirst().check();
  await form.amount().fill('1.234,56');
  await form.reference().fill('E2E-COMMA');
  await form.saveAndReturn();
  const after = formatMoney(before - 123456n, '¥', 'comma');
  await expect.poll(() => customer.balance()).toBe(after);
  expect((await customer.payments())[0]).toMatchObject({ [EN.reference]: 'E2E-COMMA', [EN.amount]: '¥1.234,56' });

  // Stored as the exact amount 1234.56, whatever the format it was typed in.
  const stored = JSON.parse(await newestEventText(page));
  expect(JSON.stringify(stored)).toContain('"amount":"1234.56"');
  expect(JSON.stringify(stored)).toContain('"reference":"E2E-COMMA"');

  // After a reload, the same: the figures and the setting come back.
  await app.reload();
  await expect.poll(() => customer.balance()).toBe(after);

  // Back to 1,234.56: the same balance is written with a decimal point again.
  format = await openFormat(app);
  await format.selectOption('point');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('point');
  await page.goBack();
  await expect.poll(() => customer.balance()).toBe(formatMoney(before - 123456n));
});

test('1,234.56: 12,34 is refused naming the other format; the field check follows the setting', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await openCnyCustomer(app, 'point');
  const customerUrl = new URL(page.url()).pathname;
  const customer = app.customer();
  const snapshot = await customer.snapshot();
  await customer.recordPayment();
  const form = app.paymentForm();
  await form.amount().fill('12,34');
  await form.expectRejected('amount', EN.err_decimal_comma_here);
  expect(EN.err_decimal_comma_here).toContain('1.234,56');
  expect(EN.err_decimal_comma_here).toContain('1,234.56');
  await expect(form.amount()).toHaveAttribute('aria-invalid', 'true');

  // An invoice's amount too; and terms of 30,5 days are named as a comma out of place.
  await app.goto(customerUrl);
  await customer.issueInvoice();
  const invoice = app.invoiceForm();
  await invoice.amount().fill('1.234,56');
  await invoice.expectRejected('amount', EN.err_decimal_comma_here);
  await invoice.amount().fill('100');
  await invoice.terms().fill('30,5');
  await invoice.expectRejected('terms', fill(EN.err_separator_misplaced, { separator: '“,”', position: 3, example: '1,234.56' }));
  await app.goto(customerUrl);
  expect(await customer.snapshot()).toEqual(snapshot);

  // The field check, another page of the same device, reads and writes in the setting.
  const format = await openFormat(app);
  await format.selectOption('comma');
  let checked = null;
  for (let n = 1; n <= 20 && !checked; n += 1) {
    const number = `C${String(n).padStart(6, '0')}`;
    await app.goto(`/check.html?customer=${number}`);
    const available = (await page.getByTestId('card-available').locator('dd').innerText()).trim();
    if (available.startsWith('¥') && cents(available, 'comma') > 200000n) checked = cents(available, 'comma');
  }
  expect(checked, 'a CNY customer with more than 2.000,00 available').not.toBeNull();
  const amount = page.getByLabel(fill(F.amount_label, { currency: 'CNY' }), { exact: true });
  await expect(page.getByText(fill(F.amount_hint, { example: '50.000,00' }), { exact: true })).toBeVisible();
  await amount.fill('1,5');
  await expect(page.getByTestId('verdict').getByTestId('verdict-available-after').locator('dd'))
    .toHaveText(formatMoney(checked - 150n, '¥', 'comma'));
  await amount.fill('1.5');
  await expect(page.getByTestId('amount-error')).toHaveText(EN.err_decimal_point_here);
  await expect(page.getByTestId('verdict')).toHaveCount(0);
});

test('the setting is labelled in Chinese, and the help explains how numbers are typed', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('creditdesk.lang', 'zh-CN');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const app = new App(page, ZH);
  await app.goto('/');
  const format = await openFormat(app);
  // Chinese defaults to 1,234.56 too.
  await expect(format).toHaveValue('point');
  await expect(format.getByRole('option')).toHaveText([ZH.number_format_point, ZH.number_format_comma]);
  await expect(app.settings().getByText(ZH.number_format_hint, { exact: true })).toBeVisible();
  expect(ZH.number_format).toBe('数字格式');
  await format.selectOption('comma');
  await app.reload();
  await expect(app.settings().getByRole('combobox', { name: ZH.number_format, exact: true })).toHaveValue('comma');
  await app.go('nav_help');
  await expect(app.help().getByRole('heading', { name: ZH.help_numbers_title, exact: true })).toBeVisible();
  await expect(app.help().getByTestId('help-numbers')).toHaveText(ZH.help_body_numbers);
});

test('1.234,56: the policy editors write their cells in it, read them back and save', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await (await openFormat(app)).selectOption('comma');
  await page.getByTestId('user-switch').selectOption('2'); // the manager changes policies

  // The credit policy: Z″ bound 1.10 is shown as 1,1 and saved as it was.
  const policy = app.policy();
  await policy.open();
  await policy.expectVersion(1);
  await expect(policy.bandUpper('z-bands', 1)).toHaveValue('1,1');
  await policy.weight(0).fill('40');
  await policy.weight(3).fill('5');
  await policy.save();
  await expect(policy.root().getByText(fill(EN.policy_current, { version: 2 }), { exact: true })).toBeVisible();
  await app.reload();
  await policy.expectVersion(2);
  await expect(policy.bandUpper('z-bands', 1)).toHaveValue('1,1');

  // The limit policy: the USD rate 7.10 is 7,1; a decimal point is refused naming the format.
  await page.getByTestId('open-limit-policy').click();
  const lp = page.getByTestId('limit-policy-form');
  await expect(lp.getByTestId('fx-rate-0')).toHaveValue('7,1');
  await expect(lp.getByTestId('fx-rate-4')).toHaveValue('0,047');
  const versionText = await page.getByTestId('limit-policy-version').innerText();
  const version = Number(/(\d+)/.exec(versionText)[1]);
  await lp.getByTestId('fx-rate-0').fill('7.25');
  await lp.getByTestId('save').click();
  await expect(lp.getByTestId('policy-error')).toContainText(EN.err_decimal_point_here);
  await expect(page.getByTestId('limit-policy-version')).toHaveText(versionText);
  await lp.getByTestId('fx-rate-0').fill('7,25');
  await lp.getByTestId('save').click();
  await expect(page.getByTestId('limit-policy-version')).toHaveText(fill(EN.policy_current, { version: version + 1 }));
  await expect(lp.getByTestId('fx-rate-0')).toHaveValue('7,25');
});
