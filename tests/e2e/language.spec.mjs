// Language: the header button switches between 中文 and English everywhere, sets <html lang>,
// and the choice survives a reload; a Chinese browser starts in Chinese.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, fill } from './pages.mjs';

const NAV_KEYS = ['nav_home', 'nav_customers', 'nav_journal', 'nav_settings', 'nav_help'];

async function expectLanguage(app, t, code) {
  const { page } = app;
  app.use(t);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  for (const key of NAV_KEYS) await expect(app.navLink(key)).toBeVisible();
  await expect(page.getByRole('button', { name: t.switch_language, exact: true })).toBeVisible();
}

test('the header button switches 中文 ⇄ English and the choice persists', async ({ page }) => {
  const app = new App(page, EN);
  await app.goto('/');
  await expectLanguage(app, EN, 'en');
  await expect(app.heading(EN.welcome_title)).toBeVisible();

  // English → 中文 on the welcome page.
  await page.getByRole('button', { name: EN.switch_language, exact: true }).click();
  await expectLanguage(app, ZH, 'zh-CN');
  await expect(app.heading(ZH.welcome_title)).toBeVisible();
  await expect(app.navLink('nav_customers')).toHaveText('客户');
  await expect(page.getByRole('button', { name: ZH.load_demo_s })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('creditdesk.lang'))).toBe('zh-CN');

  // Survives a reload.
  await app.reload();
  await expectLanguage(app, ZH, 'zh-CN');
  await expect(app.heading(ZH.welcome_title)).toBeVisible();

  // Pages with data in Chinese.
  await app.welcome().loadDemo('S');
  await expect(app.heading(ZH.home_title)).toBeVisible({ timeout: 30_000 });
  await expect(app.overview().card('CNY').getByTestId('total-receivables')).toContainText(ZH.total_receivables);
  await app.customers().open();
  await expect(app.heading(ZH.customers_title)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: ZH.col_balance, exact: true })).toBeVisible();
  await expect(app.customers().resultsCount()).toHaveText(fill(ZH.results_count, { count: 50 }));

  // 中文 → English on the customer list; the list heading and columns follow.
  await page.getByRole('button', { name: ZH.switch_language, exact: true }).click();
  await expectLanguage(app, EN, 'en');
  await expect(app.heading(EN.customers_title)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: EN.col_balance, exact: true })).toBeVisible();
  await expect(app.customers().resultsCount()).toHaveText(fill(EN.results_count, { count: 50 }));
  await app.reload();
  await expectLanguage(app, EN, 'en');
  await expect(app.heading(EN.customers_title)).toBeVisible();

  // The settings select does the same.
  await app.go('nav_settings');
  await expect(app.heading(EN.settings_title)).toBeVisible();
  await page.getByRole('combobox', { name: EN.language }).selectOption('zh-CN');
  await expectLanguage(app, ZH, 'zh-CN');
  await expect(app.heading(ZH.settings_title)).toBeVisible();
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('starts in Chinese', async ({ page }) => {
    const app = new App(page, ZH);
    await app.goto('/');
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');
    await expectLanguage(app, ZH, 'zh-CN');
    await expect(app.heading(ZH.welcome_title)).toBeVisible();
    await app.welcome().loadDemo('S');
    await expect(app.heading(ZH.home_title)).toBeVisible({ timeout: 30_000 });
    await app.go('nav_help');
    await expect(app.heading(ZH.help_title)).toBeVisible();
    await expect(page.getByText(ZH.help_body_intro)).toBeVisible();
  });
});
