// Disputes, write-offs with four eyes and payment plans (issue 10 §4), on a customer's
// collections page of demo S: a dispute opened (its amount shown apart, the invoice out of
// the reminders) and resolved; a write-off proposed by the collector, refused when the
// collector approves their own, approved by the manager; a payment plan that does not add up
// refused naming both sums with nothing saved, then a valid one that takes the customer off
// today's list; the page in Chinese at 360 px with no serious axe violations.
import { test, expect } from '@playwright/test';
import {
  App, EN, ZH, COLLECTIONS, PLANS, PLAN_REJECTIONS, addDays, cents, escapeRegExp, expectNoSeriousViolations, fill,
  formatMoney, plainAmount,
} from './pages.mjs';

const C = COLLECTIONS.EN;
const P = PLANS.EN;
const R = PLAN_REJECTIONS.EN;
const MANAGER = '2'; // demo S: director, manager, analyst, collector, sales
const COLLECTOR = '4';

/** Opens the collections page of the customer of today's first reminder; returns its name. */
async function firstTaskCustomer(app) {
  const { page } = app;
  await app.nav().getByRole('link', { name: C.nav_collections, exact: true }).click();
  const first = page.getByTestId('task').first();
  await expect(first).toBeVisible();
  const customer = (await first.getByTestId('task-customer').innerText()).trim();
  await first.getByTestId('task-customer').click();
  await page.getByTestId('action-collections').click();
  await expect(page.getByTestId('customer-collections')).toBeVisible();
  return customer;
}

/** How many events the journal holds, as its page counts them. */
async function journalEvents(app) {
  const journal = app.journal();
  await journal.open();
  const pattern = escapeRegExp(journal.j.counts)
    .replace('\\{events\\}', '([\\d,]+)').replace('\\{entries\\}', '[\\d,]+');
  const text = (await app.page.getByTestId('journal-counts').innerText()).trim();
  return Number(new RegExp(`^${pattern}$`).exec(text)[1].replaceAll(',', ''));
}

test('a dispute on an invoice is shown apart, leaves the reminders, and is resolved', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  await firstTaskCustomer(app);
  const due = page.getByTestId('next-due-invoices');
  const invoice = (await due.innerText()).split(/[,、]\s*/)[0].trim();
  expect(invoice, 'the customer has a reminder due').not.toBe('');
  await expect(page.getByTestId('disputed-total')).toContainText(/[^\d]0\.00$/);

  // That invoice, all of it, a quantity claim owned by the collector.
  const form = page.getByTestId('dispute-form');
  const option = form.getByTestId('dispute-invoice').locator('option').filter({ hasText: `${invoice} · ` });
  const openText = (await option.innerText()).trim().split(' · ')[1];
  await form.getByTestId('dispute-invoice').selectOption(await option.getAttribute('value'));
  await form.getByTestId('dispute-category-select').selectOption('quantity');
  await form.getByTestId('dispute-reason').fill('12 of 40 cartons missing');
  await form.getByTestId('dispute-owner').selectOption(COLLECTOR);
  await form.getByTestId('dispute-save').click();

  const row = page.getByTestId('dispute').last();
  await expect(row.getByTestId('dispute-category')).toHaveText(P.cat_quantity);
  await expect(row.getByTestId('dispute-status')).toHaveText(P.dispute_open);
  // The disputed amount is shown apart, and the invoice is left out of the reminders.
  await expect(page.getByTestId('disputed-total')).toContainText(openText);
  await expect(due).not.toContainText(invoice);

  await row.getByTestId('resolve-rejected').click();
  await expect(page.getByTestId('dispute').last().getByTestId('dispute-status'))
    .toContainText(P.outcome_rejected);
  await expect(page.getByTestId('disputed-total')).toContainText(/[^\d]0\.00$/);
  await expect(due).toContainText(invoice);
});

test('a write-off takes four eyes: the proposer cannot approve it, the manager can', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  await firstTaskCustomer(app);
  const form = page.getByTestId('propose-form');
  await form.getByTestId('propose-amount').fill('12x');
  await form.getByTestId('propose-save').click();
  await expect(form.getByTestId('propose-amount-error')).not.toHaveText('');
  await expect(page.getByTestId('proposal')).toHaveCount(0);
  await form.getByTestId('propose-amount').fill('100.00');
  await form.getByTestId('propose-reason').fill('Rounding difference');
  await form.getByTestId('propose-save').click();
  const proposal = page.getByTestId('proposal');
  await expect(proposal).toHaveCount(1);

  // The collector approving their own proposal is refused, with the reason.
  await proposal.getByTestId('approve').click();
  await expect(proposal.getByTestId('proposal-error')).toHaveText(R.rej_own_proposal);

  // The manager, on the page of write-offs waiting, approves it.
  await page.getByTestId('user-switch').selectOption(MANAGER);
  await page.getByTestId('all-proposals').click();
  await expect(app.heading(P.proposals_title)).toBeVisible();
  await expect(page.getByTestId('proposal')).toHaveCount(1);
  await page.getByTestId('proposal').getByTestId('approve').click();
  await expect(page.getByTestId('no-proposals')).toHaveText(P.no_proposals);
  await page.goBack();
  await expect(page.getByTestId('proposal-status')).toContainText(/^Approved by /);
});

/** Fills the plan form: every open invoice checked, two instalments; returns what is open. */
async function fillPlan(form, first, second) {
  let total = 0n;
  for (const box of await form.getByTestId('plan-invoice').all()) {
    await box.check();
    const label = (await form.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).trim();
    total += cents(label.split(' · ').pop());
  }
  const today = new Date().toISOString().slice(0, 10);
  await form.getByTestId('instalment-due').nth(0).fill(addDays(today, 10));
  await form.getByTestId('instalment-due').nth(1).fill(addDays(today, 40));
  const [a, b] = [first(total), second(total)];
  await form.getByTestId('instalment-amount').nth(0).fill(plainAmount(a));
  await form.getByTestId('instalment-amount').nth(1).fill(plainAmount(b));
  return total;
}

test('a payment plan that does not add up is refused and nothing saved; a valid one takes the task off the list', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  const events = await journalEvents(app);
  const customer = await firstTaskCustomer(app);
  const form = page.getByTestId('plan-form');

  // 1.00 + 1.00 = 2.00, not what is open: refused beside the instalments, naming both sums.
  const total = await fillPlan(form, () => 100n, () => 100n);
  expect(total, 'more than 2.00 is open').toBeGreaterThan(200n);
  await form.getByTestId('plan-save').click();
  const error = form.getByTestId('plan-instalments-error');
  // Both sums are written exactly (trailing zeros dropped): 1.00 + 1.00 = 2.
  await expect(error).toContainText(fill(R.rej_plan_sum.split('{open}')[0], { instalments: '2' }));
  await expect(error).toContainText(formatMoney(total, '').replace(/\.?0+$/, ''));
  await expect(page.getByTestId('plan')).toHaveCount(0);
  expect(await journalEvents(app)).toBe(events);
  await page.goBack();

  // Halves that add up exactly: the plan is current and the reminder waits.
  await fillPlan(form, (t) => t / 2n, (t) => t - t / 2n);
  await form.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-status')).toHaveText(P.plan_current);
  await expect(page.getByTestId('instalment')).toHaveCount(2);
  await expect(page.getByTestId('instalment-status').first()).toHaveText(P.inst_upcoming);
  await expect(page.getByTestId('next-due')).toHaveText(C.next_none);
  expect(await journalEvents(app)).toBe(events + 1);
  await app.nav().getByRole('link', { name: C.nav_collections, exact: true }).click();
  await expect(page.getByTestId('task').first()).toBeVisible();
  await expect(page.getByTestId('task').filter({
    has: page.getByTestId('task-customer').getByText(customer, { exact: true }),
  })).toHaveCount(0);
});

test('disputes, plans and write-offs in Chinese at 360 px, with no serious axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  await app.languageButton().click();
  app.use(ZH);
  const Z = COLLECTIONS.ZH;
  await app.nav().getByRole('link', { name: Z.nav_collections, exact: true }).click();
  await page.getByTestId('task').first().getByTestId('task-customer').click();
  await page.getByTestId('action-collections').click();
  await expect(page.getByRole('heading', { name: PLANS.ZH.disputes_title, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: PLANS.ZH.new_plan_title, exact: true })).toBeVisible();
  await page.getByTestId('propose-amount').fill('100.00');
  await page.getByTestId('propose-reason').fill('尾差');
  await page.getByTestId('propose-save').click();
  await page.getByTestId('proposal').getByTestId('approve').click();
  await expect(page.getByTestId('proposal-error')).toHaveText(PLAN_REJECTIONS.ZH.rej_own_proposal);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(360);
  await expectNoSeriousViolations(page, "a customer's disputes, plans and write-offs in Chinese");
});

test('a customer on 2/10 net 30: a payment inside the window is offered the discount as a credit note', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(MANAGER);
  await app.nav().getByRole('link', { name: C.nav_collections, exact: true }).click();
  await page.getByTestId('task').first().getByTestId('task-customer').click();
  await expect(app.customer().root()).toBeVisible();
  await page.getByTestId('action-edit').click();
  const form = app.customerForm();
  await form.terms().fill('30');
  // The days without the percent: refused beside the days, nothing saved.
  await form.form().getByTestId('discount-days').fill('10');
  await form.expectRejected('discount-days', P.discount_both);
  // A window as long as the terms is no discount for paying early.
  await form.form().getByTestId('discount-percent').fill('2');
  await form.form().getByTestId('discount-days').fill('30');
  await form.expectRejected('discount-days', fill(R.rej_discount_days, { terms: '30' }));
  await form.form().getByTestId('discount-days').fill('10');
  await form.saveAndReturn();

  // An invoice of 1,000.00 today: paid today, 2 % of it (20.00) is offered.
  await app.customer().issueInvoice();
  const invoice = app.invoiceForm();
  await invoice.number().fill('INV-DISC-1');
  await invoice.amount().fill('1000.00');
  await invoice.saveAndReturn();
  const notesBefore = (await app.customer().creditNotes()).length;
  await app.customer().recordPayment();
  const payment = app.paymentForm();
  const offer = payment.form().getByTestId('discount-offer');
  await expect(offer).toContainText('INV-DISC-1');
  // Allocated to that invoice, the offer is its discount alone: 1,000.00 × 2 % = 20.00.
  await payment.amount().fill('980.00');
  await payment.allocateTo('INV-DISC-1');
  await expect(offer).toContainText(fill(P.discount_offer, { items: 'INV-DISC-1 ¥20.00', total: '¥20.00' }));
  await payment.form().getByTestId('discount-accept').check();
  await payment.saveAndReturn();
  const notes = await app.customer().creditNotes();
  expect(notes.length).toBe(notesBefore + 1);
  expect(notes[0].Amount).toBe('¥20.00');
  expect(notes[0].Reason).toBe(P.discount_reason);
});
