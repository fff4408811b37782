// An app left open past midnight (or woken after sleep) moves to the new date without a
// reload: the overview's date, and with it every figure as of today.
import { test, expect } from '@playwright/test';
import { App, EN } from './pages.mjs';

test('an app left open past midnight shows the new date without a reload', async ({ page }) => {
  // The device's clock, a minute before midnight; it runs on from there.
  await page.clock.install({ time: new Date('2026-11-23T23:59:00') });
  const app = new App(page, EN);
  await app.loadDemoS();
  const asOf = app.overview().root().getByText(new RegExp(`^${EN.as_of} \\d{4}-\\d{2}-\\d{2}$`));
  await expect(asOf).toHaveText(`${EN.as_of} 2026-11-23`);
  // Two minutes later, no reload: the app has looked at the clock again.
  await page.clock.fastForward('02:00');
  await expect(asOf).toHaveText(`${EN.as_of} 2026-11-24`);
});
