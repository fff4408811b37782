// Storage safety (issue 11 §3): two tabs of one browser stay consistent — a save in one shows
// in the other without a reload, with a short notice; Settings show persistence and the
// browser's usage and quota as figures (in English, in Chinese, at 360 px, axe); an IndexedDB
// open that never answers is reported after 10 s (the page's clock fast-forwarded) with a retry.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, expectNoSeriousViolations, escapeRegExp } from './pages.mjs';

/** The usage line's template as a pattern: "{used} of {quota}" with sizes like "12.4 MB". */
function usagePattern(t) {
  const size = '[\\d.,]+ (?:B|KB|MB|GB|TB)';
  return new RegExp(`^${escapeRegExp(t.storage_usage).replace('\\{used\\}', size).replace('\\{quota\\}', size)}$`);
}

test('a customer saved in one tab shows in the other without a reload', async ({ page, context }) => {
  const one = new App(page, EN);
  await one.loadDemoS();
  const other = new App(await context.newPage(), EN);
  await other.goto('/customers');
  const otherList = other.customers();
  await expect(otherList.table()).toBeVisible();
  await expect(otherList.table().getByRole('link', { name: 'Two Tabs 测试有限公司', exact: true })).toHaveCount(0);
  let reloaded = false;
  other.page.on('framenavigated', () => { reloaded = true; });

  const list = one.customers();
  await list.open();
  await list.newCustomer().click();
  const form = one.customerForm();
  await expect(one.heading(EN.form_new_customer)).toBeVisible();
  await form.name().fill('Two Tabs 测试有限公司');
  await form.terms().fill('30');
  await form.saveAndReturn();

  await expect(otherList.table().getByRole('link', { name: 'Two Tabs 测试有限公司', exact: true })).toBeVisible();
  await expect(other.page.getByTestId('notice')).toHaveText(EN.notice_other_tab_saved);
  expect(reloaded, 'the other tab was not reloaded').toBe(false);
  // The notice goes after a few seconds; the customer stays.
  await expect(other.page.getByTestId('notice')).toHaveText('', { timeout: 10_000 });
  await expect(otherList.table().getByRole('link', { name: 'Two Tabs 测试有限公司', exact: true })).toBeVisible();

  // Deleting all data in one tab empties the other too (a full load: the journal no longer
  // continues from its head).
  await one.go('nav_settings');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('delete-all').click();
  await expect(page.getByRole('status').filter({ hasText: EN.deleted })).toBeVisible();
  await expect(other.page.getByTestId('notice')).toHaveText(EN.notice_other_tab_saved);
  await expect(otherList.table().getByRole('link', { name: 'Two Tabs 测试有限公司', exact: true })).toHaveCount(0);
});

test('settings show persistence and usage as figures, in both languages, at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.go('nav_settings');
  const settings = app.settings();
  await expect(settings.getByTestId('persistence')).toHaveText(
    new RegExp(`^(${[EN.persistent_yes, EN.persistent_no, EN.persistent_unknown].map(escapeRegExp).join('|')})$`));
  await expect(settings.getByTestId('storage-usage')).toHaveText(usagePattern(EN));
  const usage = await settings.getByTestId('storage-usage').innerText();
  // Demo S is stored: the usage is not nothing.
  expect(usage, usage).not.toMatch(/^0(\.0)? B/);
  if ((await settings.getByTestId('persistence').innerText()) !== EN.persistent_yes) {
    await settings.getByTestId('request-persistence').click();
    await expect(settings.getByTestId('persistence')).toHaveText(
      new RegExp(`^(${[EN.persistent_yes, EN.persistent_no].map(escapeRegExp).join('|')})$`));
  }
  await expectNoSeriousViolations(page, 'settings in English at 360 px');

  await app.languageButton().click();
  app.use(ZH);
  await expect(app.heading(ZH.settings_title)).toBeVisible();
  await expect(settings.getByTestId('storage-usage')).toHaveText(usagePattern(ZH));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(360);
  await expectNoSeriousViolations(page, 'settings in Chinese at 360 px');
});

/** Every IndexedDB open returns a request that never fires: the page must not spin forever. */
async function hangOpens(page) {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function open() {
      return { readyState: 'pending', result: undefined, error: null };
    };
  });
}

for (const [lang, t] of [['en', EN], ['zh-CN', ZH]]) {
  test(`an open that never answers is reported after 10 s with a retry (${lang})`, async ({ page }) => {
    await hangOpens(page);
    await page.addInitScript((code) => localStorage.setItem('creditdesk.lang', code), lang);
    // Paused from the start: only runFor moves the page's clock, however long the page takes
    // to start on a busy machine (a running fake clock also moves with real time, and once
    // fired the report 1 s early).
    await page.clock.install({ time: new Date('2026-06-30T08:00:00') });
    await page.clock.pauseAt(new Date('2026-06-30T08:01:00'));
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: t.loading })).toBeVisible();
    await page.clock.runFor(9_000);
    await expect(page.getByTestId('storage-failed')).toHaveCount(0);
    await page.clock.runFor(1_500);
    await expect(page.getByTestId('storage-failed')).toHaveText(t.storage_open_hung);
    await expect(page.getByTestId('storage-retry')).toHaveText(t.retry);
    await expect(page.getByRole('status').filter({ hasText: t.loading })).toHaveCount(0);
    // Retry is a fresh page whose open starts over (and here hangs again).
    await page.clock.resume();
    await page.getByTestId('storage-retry').click();
    await expect(page.getByRole('status').filter({ hasText: t.loading })).toBeVisible();
    await expectNoSeriousViolations(page, `the hung open (${lang})`);
  });
}

test('a write past the browser\'s real quota is refused, saying so, and nothing of it is kept', async ({ page }) => {
  const app = new App(page, EN);
  await app.goto('/');
  await expect(app.heading(EN.welcome_title)).toBeVisible();
  // Chromium's own quota for this origin made tiny (DevTools protocol): the write itself fails
  // with the browser's QuotaExceededError, no pretended estimate.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 50_000 });
  await page.getByTestId('load-demo-S').click();
  await expect(page.getByTestId('welcome').getByRole('alert')).toHaveText(EN.storage_quota);
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['events', 'meta']);
      const count = tx.objectStore('events').count();
      const head = tx.objectStore('meta').get('head');
      tx.oncomplete = () => { open.result.close(); resolve({ events: count.result, head: head.result ?? null }); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  expect(stored).toEqual({ events: 0, head: null });
  // With the quota back, the same load succeeds: the refused write left nothing in the way.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  await page.getByTestId('load-demo-S').click();
  await expect(app.overview().root()).toBeVisible({ timeout: 30_000 });
});
