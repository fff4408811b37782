// Issue 9: the customer list's limit, utilisation and grade columns and the overview's figures as
// links to the filtered list; one way of writing percentages; buttons that never wrap in a
// table; help that describes only what the app does.
import { test, expect } from '@playwright/test';
import { App, EN, ZH } from './pages.mjs';

/** How many line boxes each button's text takes (1 when it does not wrap). */
async function buttonLines(buttons) {
  return buttons.evaluateAll((all) => all.map((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return { text: button.innerText.trim(), lines: tops.size };
  }));
}

test.describe('in a Chinese browser at 1366 px', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });

  // Issue 9: "the 36 delete buttons in the rating table wrap 删/除 at 1366 px".
  test('no button on the credit policy page wraps its text', async ({ page }) => {
    const app = new App(page, ZH);
    await app.loadDemoS();
    const policy = app.policy();
    await policy.open();
    const removes = page.getByTestId('rating-map').getByRole('button', { name: ZH.remove, exact: true });
    expect(await removes.count()).toBeGreaterThan(30);
    const buttons = await buttonLines(policy.root().getByRole('button'));
    expect(buttons.length).toBeGreaterThan(30);
    expect(buttons.filter((b) => b.lines !== 1)).toEqual([]);
    // Kept on one line, the labels do not push the page wider than the window.
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // The limit policy's tables (grade terms, authority bands, rates) hold buttons too.
    await app.goto('/policy/limits');
    const limitButtons = await buttonLines(page.getByTestId('limit-policy').getByRole('button'));
    expect(limitButtons.length).toBeGreaterThan(0);
    expect(limitButtons.filter((b) => b.lines !== 1)).toEqual([]);
  });
});

// Issue 9: "Help promises what does not exist." The help names what can be recorded and where;
// the customer page offers exactly those records, and nothing for write-offs or disputes.
test('help names the records the app has forms for, and the customer page offers those', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.go('nav_help');
  await expect(app.help().getByTestId('help-ledger')).toHaveText(EN.help_body_ledger);
  for (const forbidden of [/import/i, /backup/i, /restore/i, /export/i]) {
    await expect(app.help()).not.toContainText(forbidden);
  }
  const list = app.customers();
  await list.open();
  await list.openCustomer((await list.rows())[0][EN.col_name]);
  const actions = app.customer().root().locator('[data-testid^="action-"]');
  expect(await actions.evaluateAll((links) => links.map((a) => a.dataset.testid)))
    .toEqual(['action-invoice', 'action-payment', 'action-credit-note', 'action-edit', 'action-credit-file']);
});
