// One bundle per kind of user: the desk (index.html), the field check (check.html) and the
// widget (widget.html) each load only their own .wasm, link to each other at the site root and
// in a sub-folder, send the old routes (/check, /widget/check) to their new pages with the
// query kept, pass axe, and all open offline after a visit to any one of them.
import { test, expect } from '@playwright/test';
import { App, EN, FIELD, controlledByServiceWorker, expectNoSeriousViolations, wasmBundles } from './pages.mjs';
import { port, prefixPort, PREFIX } from '../../playwright.config.mjs';

const F = FIELD.EN;
const HOSTS = [
  ['at the site root', `http://127.0.0.1:${port}/`],
  ['in a sub-folder', `http://127.0.0.1:${prefixPort}${PREFIX}`],
];

for (const [where, root] of HOSTS) {
  test(`desk and field check link to each other ${where}, each with its own bundle`, async ({ page }) => {
    const app = new App(page, EN);
    const loaded = wasmBundles(page);
    await app.goto(root);
    expect(loaded()).toEqual(['creditdesk-app']);

    await page.getByRole('navigation', { name: EN.app_name }).getByRole('link', { name: F.nav_check, exact: true }).click();
    await expect(page).toHaveURL(`${root}check.html`);
    await expect(app.heading(F.check_title)).toBeVisible();
    expect(loaded()).toEqual(['creditdesk-app', 'creditdesk-field']);

    await page.getByTestId('nav-desk').click();
    await expect(page).toHaveURL(root);
    await app.ready();
    await expect(app.welcome().root()).toBeVisible();
  });

  test(`the old routes go to the new pages with their query ${where}`, async ({ page }) => {
    const loaded = wasmBundles(page);
    await page.goto(`${root}check?customer=C000007`);
    await expect(page).toHaveURL(`${root}check.html?customer=C000007`);
    await expect(page.getByTestId('field-check')).toBeVisible();
    await page.goto(`${root}widget/check?customer=C000001&lang=en`);
    await expect(page).toHaveURL(`${root}widget.html?customer=C000001&lang=en`);
    await expect(page.getByTestId('widget-empty')).toContainText(F.widget_empty);
    // The redirect runs before the desk's bundle is fetched.
    expect(loaded()).toEqual(['creditdesk-field', 'creditdesk-widget']);
  });
}

test('axe: the field check and the widget have no serious or critical violations', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.goto('/check.html?customer=C000001');
  await expect(page.getByTestId('customer-card')).toBeVisible();
  for (const where of ['check.html', 'widget.html']) {
    if (where === 'widget.html') {
      await page.goto('/widget.html?customer=C000001&lang=en');
      await expect(page.getByTestId('widget')).toBeVisible();
    }
    await expectNoSeriousViolations(page, where);
  }
});

test('a visit to the field check alone is enough for all three pages offline', async ({ page, context }) => {
  const app = new App(page, EN);
  await app.goto('/check.html');
  await controlledByServiceWorker(app);
  await context.setOffline(true);
  await app.goto('/');
  await expect(app.welcome().root()).toBeVisible();
  await page.goto('/widget.html?customer=C000001&lang=en');
  await expect(page.getByTestId('widget-empty')).toContainText(F.widget_empty);
  await app.goto('/check.html');
  await expect(app.heading(F.check_title)).toBeVisible();
  await expect(app.offlineBadge()).toBeVisible();
});
