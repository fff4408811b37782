// The field check and the widget read the check view (every customer's standing for today,
// made by the worker from the verified journal), never the journal: their pages fetch no desk
// bundle, follow what another tab writes without a reload, and a view edited in storage is
// named in a banner and not used.
import { test, expect } from '@playwright/test';
import { App, EN, FIELD, wasmBundles } from './pages.mjs';

const F = FIELD.EN;

/** Rewrites the stored check view's bytes (a Uint8Array) with `edit`, its seal left as it
 * was; whether any byte changed. */
async function editStoredView(page, edit) {
  return page.evaluate((source) => new Promise((resolve, reject) => {
    const change = new Function('bytes', `return (${source})(bytes);`);
    const open = indexedDB.open('creditdesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('snapshots', 'readwrite');
      const store = tx.objectStore('snapshots');
      const get = store.get('check-view');
      get.onsuccess = () => {
        const record = get.result;
        if (!record) { reject(new Error('no stored check view')); return; }
        const before = Array.from(record.view);
        record.view = change(new Uint8Array(record.view));
        store.put(record, 'check-view');
        const changed = before.some((byte, at) => byte !== record.view[at]);
        tx.oncomplete = () => { db.close(); resolve(changed); };
      };
      tx.onerror = () => reject(tx.error);
    };
  }), edit.toString());
}

test('the field check reads the view: no desk bundle, another tab\'s customer found without a reload', async ({ page, context }) => {
  const desk = new App(page, EN);
  await desk.loadDemoS();
  const phone = new App(await context.newPage(), EN);
  const loaded = wasmBundles(phone.page);
  await phone.goto('/check.html?customer=C000001');
  await expect(phone.page.getByTestId('customer-card')).toBeVisible();
  // The worker made the view; the page itself holds no fold and fetched no desk bundle.
  expect(loaded()).toEqual(['creditdesk-field', 'creditdesk-worker']);
  let reloaded = false;
  phone.page.on('framenavigated', () => { reloaded = true; });

  const list = desk.customers();
  await list.open();
  await list.newCustomer().click();
  const form = desk.customerForm();
  await form.name().fill('Field View 测试有限公司');
  await form.terms().fill('30');
  await form.saveAndReturn();

  const search = phone.page.getByLabel(F.search_label);
  await search.fill('Field View');
  await expect(phone.page.getByTestId('result-name')).toHaveText(['Field View 测试有限公司']);
  expect(reloaded, 'the field check was not reloaded').toBe(false);
});

test('a check view edited in storage is named and not used; the figures come from the journal', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.goto('/check.html?customer=C000001');
  const exposure = page.getByTestId('card-exposure').locator('dd');
  await expect(exposure).toBeVisible();
  const shown = await exposure.innerText();
  // One byte in the middle of the stored view changes (a figure, a name or a length).
  const edited = await editStoredView(page, (bytes) => {
    bytes[bytes.length >> 1] ^= 0x5a;
    return bytes;
  });
  expect(edited).toBe(true);

  await app.reload();
  const banner = page.getByTestId('banner');
  // The event the view was made after is the journal's last (the demo load, or the lapses
  // journalled after it).
  const [before, after] = EN.chain_check_view_edited.split('{seq}');
  await expect(banner).toContainText(before);
  await expect(banner).toContainText(after);
  // Made again from the verified journal: the figure shown is the true one.
  await expect(exposure).toHaveText(shown);
  // Writing stays stopped until a reload, which then finds the view made again intact.
  await app.reload();
  await expect(page.getByTestId('banner')).toHaveCount(0);
  await expect(exposure).toHaveText(shown);
});

test('the widget answers from the view the worker made, with no desk or field bundle', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const loaded = wasmBundles(page);
  await page.goto('/widget.html?customer=C000001&lang=en');
  await expect(page.getByTestId('widget-name')).toBeVisible();
  await expect(page.getByTestId('widget-verdict')).toBeVisible();
  expect(loaded()).toEqual(['creditdesk-widget', 'creditdesk-worker']);
});
