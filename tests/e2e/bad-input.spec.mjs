// Bad input in every form: the exact message from i18n.rs appears beside the field it concerns,
// the form stays open, and nothing is saved (the journal still holds only the demo event and
// the customer's figures are unchanged after a reload).
import { test, expect } from '@playwright/test';
import { App, EN, fill, cents, currencyPrefix, addDays, plainAmount } from './pages.mjs';

/** Loads demo S and opens a CNY customer with open invoices; returns its URL and figures. */
async function openCnyCustomerWithOpenInvoices(app) {
  await app.loadDemoS();
  const list = app.customers();
  await list.open();
  await list.sort().selectOption('balance');
  await expect(app.page).toHaveURL(/sort=balance/);
  const row = (await list.rows()).find((r) => currencyPrefix(r[EN.col_balance]) === '¥' && cents(r[EN.col_balance]) > 0n);
  expect(row, 'a CNY demo customer with a balance').toBeTruthy();
  await list.openCustomer(row[EN.col_name]);
  const customer = app.customer();
  const before = await customer.snapshot();
  expect(before.openInvoices.length, 'the customer has open invoices').toBeGreaterThan(0);
  return { url: new URL(app.page.url()).pathname, before };
}

/** Nothing was saved: one journal event (the demo), intact, and the same figures after reload. */
async function expectNothingSaved(app, customerUrl, before) {
  const journal = app.journal();
  await journal.open();
  await journal.events(1);
  await journal.expectIntact(1);
  if (customerUrl) {
    await app.goto(customerUrl); // a fresh page load: figures come from IndexedDB again
    expect(await app.customer().snapshot()).toEqual(before);
  }
}

/** The field shows `message` as its error and as its accessible description. */
async function expectFieldError(form, testid, control, message) {
  await form.expectRejected(testid, message);
  if (control) {
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toHaveAccessibleDescription(message);
  }
}

test('customer form rejects an empty name, bad terms, a bad country and a taken number', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const list = app.customers();
  await list.open();
  await list.sort().selectOption('number');
  const existing = (await list.rows())[0][EN.col_number];
  expect(existing).toMatch(/^C\d{6}$/);
  await list.newCustomer().click();
  const form = app.customerForm();
  await expect(form.form()).toBeVisible();

  // Empty name.
  await form.name().fill('');
  await expectFieldError(form, 'name', form.name(), EN.err_required);

  // Terms "abc" (the name error goes away once the name is filled).
  await form.name().fill('E2E Bad Input Co.');
  await form.terms().fill('abc');
  await expectFieldError(form, 'terms', form.terms(), EN.err_terms);
  await expect(form.error('name')).toHaveText('');
  await expect(form.name()).toHaveAttribute('aria-invalid', 'false');

  // Country "China" (the core's rule: a two-letter code).
  await form.terms().fill('30');
  await form.country().fill('China');
  await expectFieldError(form, 'country', form.country(), EN.rej_country);
  await expect(form.error('terms')).toHaveText('');

  // The number of an existing demo customer.
  await form.country().fill('CN');
  await form.number().fill(existing);
  await expectFieldError(form, 'number', form.number(), fill(EN.rej_customer_number_taken, { number: existing }));
  await expect(form.error('country')).toHaveText('');

  await expectNothingSaved(app, null, null);
  await list.open();
  await expect(list.resultsCount()).toHaveText(fill(EN.results_count, { count: 50 }));
});

test('invoice form rejects bad amounts, a due date before issue, a duplicate number, a foreign currency', async ({ page }) => {
  const app = new App(page, EN);
  const { url, before } = await openCnyCustomerWithOpenInvoices(app);
  const existingNumber = before.openInvoices[0][EN.invoice_number];
  await app.customer().issueInvoice();
  const form = app.invoiceForm();
  const defaultNumber = await form.number().inputValue();
  const issue = await form.issueDate().inputValue();
  expect(issue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await form.amount().fill('abc');
  await expectFieldError(form, 'amount', form.amount(), EN.err_amount_nan);
  await form.amount().fill('1.234');
  await expectFieldError(form, 'amount', form.amount(), fill(EN.err_amount_decimals, { allowed: 2 }));
  await form.amount().fill('0');
  await expectFieldError(form, 'amount', form.amount(), EN.err_amount_positive);

  // A due date the day before the issue date.
  await form.amount().fill('100.00');
  await form.dueDate().fill(addDays(issue, -1));
  await expectFieldError(form, 'due-date', form.dueDate(), EN.rej_due_before_issue);
  await expect(form.error('amount')).toHaveText('');
  // 30 days' terms with a due date 45 days after issue: refused, not silently the due date.
  await form.terms().fill('30');
  await form.dueDate().fill(addDays(issue, 45));
  await expectFieldError(form, 'due-date', form.dueDate(), fill(EN.rej_terms_due, { due: addDays(issue, 30) }));
  await form.terms().fill('');
  await form.dueDate().fill('');

  // The number of one of the customer's open invoices.
  await form.number().fill(existingNumber);
  await expectFieldError(form, 'number', form.number(), fill(EN.rej_duplicate_invoice, { number: existingNumber }));
  await expect(form.error('due-date')).toHaveText('');
  await form.number().fill(defaultNumber);

  // USD for a CNY customer: the message sits under the currency select.
  await expect(form.currency()).toHaveValue('CNY');
  await form.currency().selectOption('USD');
  await expectFieldError(form, 'currency', null, fill(EN.rej_currency_mismatch, { expected: 'CNY', found: 'USD' }));
  await expect(form.error('number')).toHaveText('');

  await expectNothingSaved(app, url, before);
});

test('payment form rejects an empty amount, a missing invoice and an allocation above the open amount', async ({ page }) => {
  const app = new App(page, EN);
  const { url, before } = await openCnyCustomerWithOpenInvoices(app);
  const invoice = before.openInvoices[0];
  const invoiceNumber = invoice[EN.invoice_number];
  const open = cents(invoice[EN.open_amount]);
  await app.customer().recordPayment();
  const form = app.paymentForm();

  await form.amount().fill('');
  await expectFieldError(form, 'amount', form.amount(), EN.err_amount_empty);

  // "To one invoice" without choosing one.
  await form.amount().fill('100.00');
  await form.toInvoice().check();
  await expect(form.invoiceSelect()).toHaveValue('');
  await expectFieldError(form, 'allocation', null, EN.err_choose_invoice);
  await expect(form.error('amount')).toHaveText('');

  // 1.00 more than the invoice's open amount, all of it to that invoice.
  await form.allocateTo(invoiceNumber);
  await form.amount().fill(plainAmount(open + 100n));
  await expectFieldError(form, 'allocation', null,
    // The message states the open amount grouped like the table, without the symbol.
    fill(EN.rej_alloc_above_open, { invoice: invoiceNumber, open: invoice[EN.open_amount].replace(/^[^0-9-]+/, '') }));

  // Dated next year (a typo in the year): refused, as it would lower today's overdue.
  const today = new Date().toISOString().slice(0, 10);
  await form.amount().fill('100.00');
  await form.date().fill(addDays(today, 365));
  await expectFieldError(form, 'date', form.date(), fill(EN.rej_date_future, { today }));

  // Dated 1999, before the customer was taken on (another typo in the year): refused, naming
  // the customer's "customer since" date.
  await form.date().fill('1999-03-01');
  await form.save();
  await expect(form.error('date')).toHaveText(/\d{4}-\d{2}-\d{2}/);
  const since = await form.error('date').textContent();
  const sinceDate = since.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  expect(sinceDate > '1999-03-01', `customer since ${sinceDate}`).toBe(true);
  await expectFieldError(form, 'date', form.date(), fill(EN.rej_before_since, { since: sinceDate }));

  await expectNothingSaved(app, url, before);
});

test('customer since: a future date is refused, and moved back it admits an older payment', async ({ page }) => {
  const app = new App(page, EN);
  const { url, before } = await openCnyCustomerWithOpenInvoices(app);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByTestId('action-edit').click();
  const form = app.customerForm();
  await expect(form.form()).toBeVisible();
  const was = await form.since().inputValue();
  expect(was > '1999-03-01', `customer since ${was}`).toBe(true);

  await form.since().fill(addDays(today, 1));
  await expectFieldError(form, 'since', form.since(), fill(EN.rej_date_future, { today }));
  await expectNothingSaved(app, url, before);

  // Moved back to 1998: the 1999 payment is then accepted, and the page shows the new date.
  await page.getByTestId('action-edit').click();
  await form.since().fill('1998-01-01');
  await form.saveAndReturn();
  await expect(app.customer().root()).toContainText('1998-01-01');
  await app.customer().recordPayment();
  const payment = app.paymentForm();
  await payment.amount().fill('1.00');
  await payment.date().fill('1999-03-01');
  await payment.unapplied().check();
  await payment.saveAndReturn();
  await expect(app.customer().root().getByTestId('payments')).toContainText('1999-03-01');
});

test('credit note form rejects an empty reason and a negative amount', async ({ page }) => {
  const app = new App(page, EN);
  const { url, before } = await openCnyCustomerWithOpenInvoices(app);
  await app.customer().issueCreditNote();
  const form = app.creditNoteForm();

  await form.amount().fill('100.00');
  await form.reason().fill('');
  await expectFieldError(form, 'reason', form.reason(), EN.err_required);

  await form.reason().fill('E2E bad input');
  await form.amount().fill('-5');
  await expectFieldError(form, 'amount', form.amount(), EN.err_amount_positive);
  await expect(form.error('reason')).toHaveText('');

  await expectNothingSaved(app, url, before);
});
