// Accessibility: axe-core finds no serious or critical violations on any page, and the
// pages fit a 360 px wide phone without sideways scrolling.
import { test, expect } from '@playwright/test';
import { App, EN, cents, currencyPrefix, expectNoSeriousViolations } from './pages.mjs';


/** Opens a CNY customer with a balance from the list; returns its URL path. */
async function openSomeCustomer(app) {
  const list = app.customers();
  await list.open();
  const row = (await list.rows()).find((r) => currencyPrefix(r[EN.col_balance]) === '¥' && cents(r[EN.col_balance]) > 0n);
  await list.openCustomer(row[EN.col_name]);
  return new URL(app.page.url()).pathname;
}

test('axe: no serious or critical violations on any page', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new App(page, EN);
  await app.goto('/');
  await expect(app.heading(EN.welcome_title)).toBeVisible();
  await expectNoSeriousViolations(page, 'welcome');

  await app.welcome().loadDemo('S');
  await expect(app.overview().card('CNY')).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousViolations(page, 'overview');

  await app.customers().open();
  await expect(app.customers().table().getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'customer list');

  await openSomeCustomer(app);
  await expectNoSeriousViolations(page, 'customer page');

  await app.customer().recordPayment();
  await app.paymentForm().toInvoice().check();
  await expect(app.paymentForm().invoiceSelect()).toBeVisible();
  await expectNoSeriousViolations(page, 'payment form');

  // A form showing its errors.
  await app.paymentForm().save();
  await expect(app.paymentForm().error('amount')).toHaveText(EN.err_amount_empty);
  await expectNoSeriousViolations(page, 'payment form with errors');

  await app.customers().open();
  await app.customers().newCustomer().click();
  await expect(app.customerForm().form()).toBeVisible();
  await expectNoSeriousViolations(page, 'new customer form');

  await app.journal().open();
  await app.journal().events(1);
  await app.journal().expectIntact(1);
  await expectNoSeriousViolations(page, 'journal');
  // The journal filtered, with a filter field showing its error.
  await app.journal().kind().selectOption('InvoiceIssued');
  await app.journal().apply();
  await expect(app.journal().matching()).toBeVisible();
  await expect(app.journal().entries().first()).toBeVisible();
  await expectNoSeriousViolations(page, 'journal filtered');
  await app.journal().from().fill('2026-02-30');
  await app.journal().apply();
  await expect(app.journal().error('filter-from')).toBeVisible();
  await expectNoSeriousViolations(page, 'journal filter with an error');

  await app.go('nav_settings');
  await expect(app.settings()).toBeVisible();
  await expectNoSeriousViolations(page, 'settings');

  await app.go('nav_help');
  await expect(app.help()).toBeVisible();
  await expectNoSeriousViolations(page, 'help');
});

test('at 360×740 the pages do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  const overflow = () => page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  const check = async (where) => {
    const { scrollWidth, innerWidth } = await overflow();
    // Soft: every page is checked and all that overflow are listed in one failure.
    expect.soft(scrollWidth, `${where}: document ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
  };

  await check('overview');
  const url = await openSomeCustomer(app);
  await expect(app.customer().agingTable()).toBeVisible();
  await check(`customer page ${url}`);
  await app.goto('/customers');
  await check('customer list');
  await app.goto(url);
  await app.customer().recordPayment();
  await app.paymentForm().toInvoice().check();
  await expect(app.paymentForm().invoiceSelect()).toBeVisible();
  await check('payment form (to one invoice)');
  await app.journal().open();
  await app.journal().events(1);
  await check('journal');
});
