// Whole user journeys through the release build: first visit, demo data, a payment that
// changes balance and aging exactly, persistence across reload, the journal and its integrity
// check; a new customer's invoice/payment/credit-note cycle; the customer list's URL state.
import { test, expect } from '@playwright/test';
import {
  App, EN, JOURNAL, fill, cents, currencyPrefix, formatMoney, customersCount, addDays,
} from './pages.mjs';

const J = JOURNAL.EN;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const sum = (values) => values.reduce((a, b) => a + b, 0n);

test('first visit: demo S, find a customer, pay 1,000.00 oldest first; persisted, journaled, intact', async ({ page }) => {
  const app = new App(page, EN);

  // First visit: the welcome, then demo S, then the overview with CNY totals.
  await app.goto('/');
  await expect(app.welcome().root()).toBeVisible();
  await expect(app.heading(EN.welcome_title)).toBeVisible();
  await app.welcome().loadDemo('S');
  await expect(app.heading(EN.home_title)).toBeVisible({ timeout: 30_000 });
  const totals = await app.overview().figures('CNY');
  expect(currencyPrefix(totals.total)).toBe('¥');
  expect(cents(totals.total)).toBeGreaterThan(0n);
  expect(cents(totals.overdue)).toBeGreaterThan(0n);
  expect(cents(totals.overdue)).toBeLessThanOrEqual(cents(totals.total));
  expect(totals.share).toMatch(/^\d+\.\d%$/); // one decimal, like every percentage

  // Customers: 50 demo customers; pick a CNY customer with overdue and open receivables.
  const list = app.customers();
  await list.open();
  await expect(list.resultsCount()).toHaveText(fill(EN.results_count, { count: 50 }));
  const rows = await list.rows();
  expect(rows).toHaveLength(50);
  const target = rows.find((r) => currencyPrefix(r[EN.col_balance]) === '¥'
    && cents(r[EN.col_overdue]) > 0n && cents(r[EN.col_balance]) > 200000n);
  expect(target, 'a CNY demo customer with overdue and a balance above ¥2,000.00').toBeTruthy();
  const name = target[EN.col_name];

  // Search by part of the name (the brand and industry, past the city prefix).
  const part = name.slice(2, 6);
  await list.search().fill(part);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(part)}`));
  const found = await list.rows();
  expect(found.length).toBeGreaterThanOrEqual(1);
  expect(found.length).toBeLessThan(50);
  for (const row of found) expect(`${row[EN.col_name]} ${row[EN.col_number]}`.toLowerCase()).toContain(part.toLowerCase());
  await list.openCustomer(name);

  // Remember the balance and the aging legend.
  const customer = app.customer();
  const balanceBefore = cents(await customer.balance());
  expect(balanceBefore).toBe(cents(target[EN.col_balance]));
  const agingBefore = await customer.aging();
  expect(agingBefore.map((b) => b.label)).toEqual([EN.aging_not_due, ...['1–30', '31–60', '61–90', '91–180', '> 180']
    .map((range) => fill(EN.aging_days, { range }))]);
  const openBefore = cents(await customer.openReceivables());
  expect(sum(agingBefore.map((b) => cents(b.amount)))).toBe(openBefore);
  expect(openBefore).toBeGreaterThanOrEqual(100000n);

  // Record 1,000.00, oldest due date first (the default).
  await customer.recordPayment();
  const form = app.paymentForm();
  await expect(form.oldestFirst()).toBeChecked();
  await form.amount().fill('1,000.00');
  await form.reference().fill('E2E-PAY-1');
  await form.saveAndReturn();

  // The balance drops by exactly 1,000.00; the aging drops by 1,000.00 from the oldest bucket.
  const expectedBalance = formatMoney(balanceBefore - 100000n);
  await expect.poll(() => customer.balance()).toBe(expectedBalance);
  const agingAfter = await customer.aging();
  expect(agingAfter.map((b) => b.label)).toEqual(agingBefore.map((b) => b.label));
  expect(sum(agingBefore.map((b) => cents(b.amount))) - sum(agingAfter.map((b) => cents(b.amount)))).toBe(100000n);
  agingAfter.forEach((b, i) => expect(cents(b.amount)).toBeLessThanOrEqual(cents(agingBefore[i].amount)));
  const oldest = agingBefore.map((b) => cents(b.amount) > 0n).lastIndexOf(true);
  expect(cents(agingAfter[oldest].amount)).toBeLessThan(cents(agingBefore[oldest].amount));
  expect(agingAfter).not.toEqual(agingBefore);
  expect((await customer.payments())[0]).toMatchObject({ [EN.reference]: 'E2E-PAY-1', [EN.amount]: '¥1,000.00' });

  // Reload: the new balance was persisted.
  const url = page.url();
  await app.reload();
  expect(page.url()).toBe(url);
  await expect(customer.name()).toHaveText(name);
  await expect.poll(() => customer.balance()).toBe(expectedBalance);
  expect(await customer.aging()).toEqual(agingAfter);

  // The journal tells the payment as its newest entry, in event 2, and the chain verifies intact.
  const journal = app.journal();
  await journal.open();
  await journal.events(2);
  const entries = await journal.rows();
  expect(entries[0][J.col_what]).toMatch(new RegExp(
    `^Payment of ¥1,000\\.00 received from ${escapeRegExp(name)} on \\d{4}-\\d{2}-\\d{2} \\(E2E-PAY-1\\): allocated to INV-`,
  ));
  expect(entries[0][J.col_event]).toMatch(/^No\. 2 [0-9a-f]{12}$/);
  expect(entries[1][J.col_event]).toMatch(/^No\. 1 [0-9a-f]{12}$/);
  await journal.expectIntact(2);
});

test('new customer: invoice 12,345.67, pay 2,345.67 to it, credit 1,000.00 → 9,000.00 open', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const list = app.customers();
  await list.open();
  await list.newCustomer().click();

  // Register the customer.
  const cform = app.customerForm();
  await expect(app.heading(EN.form_new_customer)).toBeVisible();
  const number = await cform.number().inputValue();
  expect(number).toBe('C000051'); // the next number after the 50 demo customers
  await cform.name().fill('E2E 测试贸易有限公司');
  await expect(cform.country()).toHaveValue('CN');
  await expect(cform.currency()).toHaveValue('CNY');
  await cform.terms().fill('30');
  await cform.saveAndReturn();
  const customer = app.customer();
  await expect(customer.name()).toHaveText('E2E 测试贸易有限公司');
  await expect.poll(() => customer.balance()).toBe('¥0.00');

  // Invoice 12,345.67, terms 30.
  await customer.issueInvoice();
  const iform = app.invoiceForm();
  const invoiceNumber = await iform.number().inputValue();
  expect(invoiceNumber).toMatch(/^INV-\d{4}-\d{7}$/);
  const issueDate = await iform.issueDate().inputValue();
  await iform.terms().fill('30');
  await iform.amount().fill('12,345.67');
  await iform.saveAndReturn();
  await expect.poll(() => customer.balance()).toBe('¥12,345.67');

  // Partial payment of 2,345.67 to that one invoice.
  await customer.recordPayment();
  const pform = app.paymentForm();
  await pform.amount().fill('2345.67');
  await pform.allocateTo(invoiceNumber);
  await pform.saveAndReturn();
  await expect.poll(() => customer.balance()).toBe('¥10,000.00');

  // Credit note of 1,000.00, oldest first.
  await customer.issueCreditNote();
  const nform = app.creditNoteForm();
  await expect(nform.oldestFirst()).toBeChecked();
  const noteNumber = await nform.number().inputValue();
  await nform.amount().fill('1000');
  await nform.reason().fill('E2E price correction');
  await nform.saveAndReturn();

  await expect.poll(() => customer.openReceivables()).toBe('¥9,000.00');
  await expect.poll(() => customer.balance()).toBe('¥9,000.00');
  expect(await customer.figure('unapplied-cash')).toBe('¥0.00');
  const invoices = await customer.openInvoices();
  expect(invoices).toHaveLength(1);
  expect(invoices[0]).toMatchObject({
    [EN.invoice_number]: invoiceNumber,
    [EN.issue_date]: issueDate,
    [EN.amount]: '¥12,345.67',
    [EN.open_amount]: '¥9,000.00',
    [EN.days_past_due]: '0',
  });
  expect((await customer.payments())[0]).toMatchObject({ [EN.amount]: '¥2,345.67', [EN.unallocated]: '¥0.00' });
  expect((await customer.creditNotes())[0]).toMatchObject({ [EN.amount]: '¥1,000.00', [EN.reason]: 'E2E price correction' });

  // Four events after the demo, each told as a sentence (every form's date is today, as the
  // invoice's was), all intact.
  const journal = app.journal();
  await journal.open();
  await journal.events(5);
  const customerName = 'E2E 测试贸易有限公司';
  const day = issueDate;
  const allocated = (amount) => fill(J.allocated_to, { list: `${invoiceNumber} ${amount}` });
  expect((await journal.rows()).slice(0, 5).map((e) => e[J.col_what])).toEqual([
    fill(J.s_credit_note_issued, {
      number: noteNumber, amount: '¥1,000.00', customer: customerName, date: day, reason: 'E2E price correction', use: allocated('¥1,000.00'),
    }),
    fill(J.s_payment_received, {
      amount: '¥2,345.67', customer: customerName, date: day, reference: J.no_reference, use: allocated('¥2,345.67'),
    }),
    fill(J.s_invoice_issued, {
      number: invoiceNumber, customer: customerName, date: day, amount: '¥12,345.67', due: addDays(issueDate, 30),
    }),
    fill(J.s_customer_registered, { customer: customerName, customer_number: number, date: day, terms: 30, currency: 'CNY' }),
    expect.any(String),
  ]);
  await journal.expectIntact(5);
});

test('customer list keeps search, overdue-only and sort in the URL across a reload', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const list = app.customers();
  await list.open();

  // No filter: 50 customers on one page.
  await expect(list.resultsCount()).toHaveText(fill(EN.results_count, { count: 50 }));
  await expect(list.pageText()).toHaveText(fill(EN.page_of, { page: 1, pages: 1 }));
  // APP BUG (app/src/pages/ledger/customers.rs, the pager's Next button): view! ends the attribute
  // `disabled=move || query.get().page >= pages()` at the `>` of `>=`, so the rest of the tag
  // becomes the button's children: the text "= pages() on : click = move | _ |>" and the
  // click-handler block, which then runs on every render. Symptoms checked here: opening the
  // list adds page=2 to the URL, "Previous" is enabled on page 1 of 1, and "Next" is not named
  // "Next". Soft assertions: the rest of the journey still runs and the test still fails.
  const pager = page.getByRole('navigation', { name: /./ }).filter({ has: list.pageText() });
  await expect.soft(page, 'opening the list must not add page=2 to the URL').toHaveURL(/\/customers$/, { timeout: 2_000 });
  await expect.soft(pager.getByRole('button', { name: EN.previous, exact: true }), '"Previous" on page 1 of 1').toBeDisabled({ timeout: 2_000 });
  await expect.soft(pager.getByRole('button', { name: EN.next, exact: true }), 'a "Next" button, disabled on page 1 of 1').toBeDisabled({ timeout: 2_000 });
  // APP BUG (same file, <nav class="pager" aria-label=move || t().page_of>): the landmark is
  // named with the unfilled template "Page {page} of {pages}".
  await expect.soft(pager, 'the pager landmark must not be named with a raw template').not.toHaveAccessibleName(/[{}]/, { timeout: 2_000 });
  const all = await list.rows();
  expect(all).toHaveLength(50);

  // A search text that matches several customers, some of them overdue: "有限公司" is in every
  // Chinese name; use the most common two-character city prefix instead to narrow it.
  const counts = new Map();
  for (const row of all) {
    const prefix = row[EN.col_name].slice(0, 2);
    if (/^[\u4e00-\u9fff]{2}$/.test(prefix)) counts.set(prefix, (counts.get(prefix) || 0) + 1);
  }
  const city = [...counts.entries()].filter(([prefix]) => all.some((r) => r[EN.col_name].startsWith(prefix) && cents(r[EN.col_overdue]) > 0n))
    .sort((a, b) => b[1] - a[1])[0][0];
  const expected = all.filter((r) => r[EN.col_name].includes(city) && cents(r[EN.col_overdue]) > 0n)
    .sort((a, b) => (cents(b[EN.col_balance]) > cents(a[EN.col_balance]) ? 1 : cents(b[EN.col_balance]) < cents(a[EN.col_balance]) ? -1 : 0))
    .map((r) => r[EN.col_number]);
  expect(expected.length).toBeGreaterThanOrEqual(1);

  await list.search().fill(city);
  await list.overdueOnly().check();
  await list.sort().selectOption({ label: EN.sort_balance });

  await expect(page).toHaveURL(/[?&]overdue=1(&|$)/);
  await expect(page).toHaveURL(/[?&]sort=balance(&|$)/);
  expect(new URL(page.url()).searchParams.get('q')).toBe(city);
  await expect(list.resultsCount()).toHaveText(customersCount(EN, expected.length));
  const filtered = (await list.rows()).map((r) => r[EN.col_number]);
  expect(filtered).toEqual(expected);

  // Reload: the same view from the URL alone.
  const url = page.url();
  await app.reload();
  await expect.soft(page, 'a reload must keep the URL unchanged').toHaveURL(url, { timeout: 2_000 });
  for (const [key, value] of new URL(url).searchParams) {
    if (key !== 'page') expect(new URL(page.url()).searchParams.get(key)).toBe(value);
  }
  await expect(list.search()).toHaveValue(city);
  await expect(list.overdueOnly()).toBeChecked();
  await expect(list.sort()).toHaveValue('balance');
  await expect(list.resultsCount()).toHaveText(customersCount(EN, expected.length));
  expect((await list.rows()).map((r) => r[EN.col_number])).toEqual(filtered);
  await expect(list.pageText()).toHaveText(fill(EN.page_of, { page: 1, pages: 1 }));
});
