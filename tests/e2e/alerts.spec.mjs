// Alerts and the credit hold (issue 10 §1): demo S's alerts counted on the overview, the
// list opened from there, one alert acknowledged and one snoozed (each leaves the list), a
// snooze to a past day refused with nothing saved, a severe alert's customer blocked in the
// credit check, its hold released by a manager (an empty reason refused first) so the check
// no longer blocks for it; the list in Chinese at 360 px with no serious axe violations.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, ALERTS, escapeRegExp, expectNoSeriousViolations, JOURNAL } from './pages.mjs';

const A = ALERTS.EN;
const MANAGER = '2'; // demo S: director, manager, analyst, collector, sales

class AlertsPage {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('alerts-page'); }
  alerts() { return this.root().getByTestId('alert'); }
  of(customer, rule) {
    return this.alerts()
      .filter({ has: this.page.getByTestId('alert-customer').getByText(customer, { exact: true }) })
      .and(this.page.locator(`[data-rule="${rule}"]`));
  }
  async first(selector = '') {
    const alert = this.root().locator(`[data-testid="alert"]${selector}`).first();
    await expect(alert).toBeVisible();
    return {
      alert,
      customer: (await alert.getByTestId('alert-customer').innerText()).trim(),
      rule: await alert.getAttribute('data-rule'),
    };
  }
}

async function journalEvents(app) {
  const j = JOURNAL.EN;
  await app.page.getByRole('link', { name: EN.nav_journal, exact: true }).click();
  const pattern = escapeRegExp(j.counts).replace('\\{events\\}', '([\\d,]+)').replace('\\{entries\\}', '[\\d,]+');
  const counts = app.page.getByTestId('journal-counts');
  await expect(counts).toHaveText(new RegExp(`^${pattern}$`));
  return Number(new RegExp(`^${pattern}$`).exec((await counts.innerText()).trim())[1].replaceAll(',', ''));
}

async function openAlerts(app) {
  await app.page.getByTestId('nav-alerts').click();
  await expect(app.heading(A.title)).toBeVisible();
  return new AlertsPage(app);
}

test('alerts are counted on the overview, acknowledged and snoozed in place; a past snooze is refused', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(MANAGER);
  const card = page.getByTestId('home-alerts');
  await expect(card).toBeVisible();
  const counts = {};
  for (const severity of ['severe', 'warning', 'info']) {
    counts[severity] = Number((await card.getByTestId(`alerts-${severity}`).locator('.value').innerText()).replaceAll(',', ''));
  }
  expect(counts.severe + counts.warning, 'demo S has alerts to work').toBeGreaterThan(1);
  await card.getByTestId('alerts-all').click();
  const list = new AlertsPage(app);
  await expect(app.heading(A.title)).toBeVisible();
  await expect(list.alerts()).toHaveCount(Math.min(200, counts.severe + counts.warning + counts.info));
  // Each alert shows its reasons with their figures.
  await expect(list.alerts().first().getByTestId('alert-reasons').getByRole('listitem').first()).not.toHaveText('');

  const first = await list.first();
  await first.alert.getByTestId('acknowledge').click();
  await expect(page.getByTestId('alert-saved')).toContainText(first.customer);
  await expect(list.of(first.customer, first.rule)).toHaveCount(0);
  // Shown again, marked acknowledged, when asked for.
  await page.getByTestId('show-hidden').check();
  await expect(list.of(first.customer, first.rule).getByTestId('alert-status')).toContainText(A.status_acknowledged.split('{')[0].trim());
  await page.getByTestId('show-hidden').uncheck();

  // A snooze to a past day is refused beside the alert; nothing is saved.
  const before = await journalEvents(app);
  await openAlerts(app);
  const second = await list.first();
  await second.alert.getByTestId('snooze-until').fill('2020-01-01');
  await second.alert.getByTestId('snooze').click();
  await expect(second.alert.getByTestId('snooze-until-error')).toHaveText(A.rej_snooze_not_after_today);
  expect(await journalEvents(app)).toBe(before);

  // The default, a week ahead: the alert leaves the list until then.
  await openAlerts(app);
  const third = await list.first();
  await third.alert.getByTestId('snooze').click();
  await expect(page.getByTestId('alert-saved')).toContainText(third.customer);
  await expect(list.of(third.customer, third.rule)).toHaveCount(0);
  expect(await journalEvents(app)).toBe(before + 1);
  await app.reload();
  await openAlerts(app);
  await expect(list.of(third.customer, third.rule)).toHaveCount(0);
});

test('a severe alert holds credit in the check until a manager releases it with a reason', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(MANAGER);
  await page.getByTestId('home-alerts').getByTestId('alerts-severe').click();
  const list = new AlertsPage(app);
  const severe = await list.first('[data-severity="severe"]');
  await expect(severe.alert.getByTestId('alert-hold-tag')).toHaveText(A.holding);
  await severe.alert.getByTestId('alert-customer').click();
  const customerUrl = page.url();
  const number = (await page.locator('.title-row .muted').innerText()).trim();
  await expect(page.getByTestId('alert-hold-banner')).toBeVisible();

  // The credit check blocks, naming the alert hold (the customer's standing, no amount yet).
  await app.goto(`/check.html?customer=${number}`);
  const standing = page.getByTestId('standing');
  await expect(standing).toHaveAttribute('data-verdict', 'block');
  await expect(standing.locator('[data-code="alert_hold"]')).toBeVisible();

  // An empty reason is refused, nothing saved; then released with one.
  await page.goto(customerUrl);
  await app.ready();
  const banner = page.getByTestId('alert-hold-banner');
  await banner.getByTestId('release-hold').click();
  await expect(banner.getByTestId('release-reason-error')).not.toHaveText('');
  await expect(banner).toBeVisible();
  await banner.getByTestId('release-reason').fill('Paid by cheque today');
  await banner.getByTestId('release-hold').click();
  await expect(page.getByTestId('alert-hold-banner')).toHaveCount(0);
  await expect(page.getByTestId('customer-alerts').getByTestId('alert-hold-tag').first()).toHaveText(A.released);

  await app.goto(`/check.html?customer=${number}`);
  await expect(page.getByTestId('standing')).toBeVisible();
  await expect(page.getByTestId('standing').locator('[data-code="alert_hold"]')).toHaveCount(0);
  await expect(page.getByTestId('standing-reasons')).not.toHaveText('');
});

test('the alerts list in Chinese at 360 px, with no serious axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.languageButton().click();
  const zh = app.use(ZH);
  await page.getByTestId('nav-alerts').click();
  await expect(zh.heading(ALERTS.ZH.title)).toBeVisible();
  await expect(page.getByTestId('alerts-page')).toContainText(ALERTS.ZH.intro);
  await expect(page.getByTestId('alert').first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(360);
  await expectNoSeriousViolations(page, 'the alerts list in Chinese');
});
