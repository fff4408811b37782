// Offline use after the first visit: the service worker serves the shell and assets, the
// journal in IndexedDB keeps working, and deep links still route.
import { test, expect } from '@playwright/test';
import { App, controlledByServiceWorker, EN, fill, cents, currencyPrefix, formatMoney } from './pages.mjs';

/** Proves the network is really gone, for the page and for the service worker's own fetches. */
async function expectNoNetwork(page) {
  const outcome = await page.evaluate(() => fetch(`not-cached-${Date.now()}.txt`).then((r) => `reached (${r.status})`, () => 'failed'));
  expect(outcome, 'a request for an uncached file must fail while offline').toBe('failed');
}

test('after the first visit the app loads, records and persists offline', async ({ page, context }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const totals = await app.overview().figures('CNY');
  await expect(app.offlineBadge()).toHaveCount(0);
  await controlledByServiceWorker(app);

  await context.setOffline(true);
  await expectNoNetwork(page);
  await app.reload();

  // The overview comes up with the same totals, and the offline badge shows.
  await expect(app.heading(EN.home_title)).toBeVisible();
  expect(await app.overview().figures('CNY')).toEqual(totals);
  await expect(app.offlineBadge()).toHaveText(EN.offline_badge);

  // Open a customer and record a payment while offline.
  const list = app.customers();
  await list.open();
  const target = (await list.rows()).find((r) => currencyPrefix(r[EN.col_balance]) === '¥' && cents(r[EN.col_balance]) > 0n);
  expect(target, 'a CNY customer with a balance').toBeTruthy();
  await list.openCustomer(target[EN.col_name]);
  const customer = app.customer();
  const before = cents(await customer.balance());
  await customer.recordPayment();
  const form = app.paymentForm();
  await form.amount().fill('123.45');
  await form.reference().fill('OFFLINE-1');
  await form.saveAndReturn();
  const expected = formatMoney(before - 12345n);
  await expect.poll(() => customer.balance()).toBe(expected);

  // Reload, still offline: the payment is still there.
  await app.reload();
  await expect(app.offlineBadge()).toBeVisible();
  await expect(customer.name()).toHaveText(target[EN.col_name]);
  await expect.poll(() => customer.balance()).toBe(expected);
  expect((await customer.payments())[0]).toMatchObject({ [EN.reference]: 'OFFLINE-1', [EN.amount]: '¥123.45' });
  const journal = app.journal();
  await journal.open();
  await journal.events(2);
  expect(await journal.newest()).toMatch(new RegExp(`^Payment of ¥123\\.45 received from ${target[EN.col_name]} on `));
  await journal.expectIntact(2);
  await expectNoNetwork(page);
});

test('a deep link opens offline: /customers?sort=balance', async ({ page, context }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await controlledByServiceWorker(app);
  await context.setOffline(true);
  await expectNoNetwork(page);

  await app.goto('/customers?sort=balance');
  await expect(app.heading(EN.customers_title)).toBeVisible();
  await expect(app.offlineBadge()).toBeVisible();
  const list = app.customers();
  await expect(list.sort()).toHaveValue('balance');
  await expect(list.resultsCount()).toHaveText(fill(EN.results_count, { count: 50 }));
  // Largest first in the base currency (a foreign balance shows its equivalent: issue 9).
  const balances = (await list.rows()).map((r) => cents(r.inBase || r[EN.col_balance]));
  expect(balances).toHaveLength(50);
  for (let i = 1; i < balances.length; i++) expect(balances[i]).toBeLessThanOrEqual(balances[i - 1]);

  // A customer page by its URL, offline too.
  await app.goto('/customers/1');
  await expect(app.customer().root()).toBeVisible();
  await expect(app.customer().name()).not.toBeEmpty();
});
