// The embeddable credit-check widget in an iframe on host pages served from other ports of
// the same site (127.0.0.1), so the iframe shares the app origin's storage: the allowed host
// gets ready + correct replies, the refused host gets nothing and sees nothing, every
// malformed request gets ok:false with its own code, a store the browser refuses is said so
// (to the eye and through the protocol), and invalid origins in settings are refused with
// nothing saved.
import { createServer } from 'node:http';
import { test, expect } from '@playwright/test';
import { port } from '../../playwright.config.mjs';
import { App, EN, FIELD, VOCAB, fill, cents, plainAmount } from './pages.mjs';

const F = FIELD.EN;
const V = VOCAB.EN;
const APP_ORIGIN = `http://127.0.0.1:${port}`;
const ALLOWED_PORT = port + 1;
const REFUSED_PORT = port + 2;

/** A host page: records every message it receives, embeds the widget for ?customer=… and
 *  posts a request to it when the test calls window.ask(request). */
function hostPage() {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>Intranet host</h1>
<script>
  window.received = [];
  window.addEventListener('message', (event) => {
    window.received.push({ origin: event.origin, data: event.data });
  });
  const customer = new URLSearchParams(location.search).get('customer') || '';
  const frame = document.createElement('iframe');
  frame.id = 'widget';
  frame.width = '320';
  frame.height = '260';
  frame.src = ${JSON.stringify(APP_ORIGIN)} + '/widget.html?lang=en&customer=' + encodeURIComponent(customer);
  document.body.appendChild(frame);
  window.ask = (request) => frame.contentWindow.postMessage(request, ${JSON.stringify(APP_ORIGIN)});
</script></body></html>`;
}

function serve(listenPort) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage());
  });
  return new Promise((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve(server)));
}

let servers = [];
test.beforeAll(async () => { servers = [await serve(ALLOWED_PORT), await serve(REFUSED_PORT)]; });
test.afterAll(async () => { await Promise.all(servers.map((s) => new Promise((r) => s.close(r)))); });

const received = (page) => page.evaluate(() => window.received);
const replies = async (page, id) => (await received(page)).filter((m) => m.data && m.data.type === 'creditdesk:result' && m.data.id === id);

async function reply(page, request) {
  await page.evaluate((r) => window.ask(r), request);
  await expect.poll(async () => (await replies(page, request.id)).length, { timeout: 5_000 }).toBe(1);
  const [message] = await replies(page, request.id);
  expect(message.origin).toBe(APP_ORIGIN);
  return message.data;
}

async function saveOrigins(page, text) {
  const section = page.getByTestId('widget-origins');
  await section.getByLabel(F.origins_label).fill(text);
  await section.getByRole('button', { name: F.origins_save }).click();
}

test('allowed host gets ready and exact replies; refused host gets nothing', async ({ page, context }) => {
  test.setTimeout(90_000);
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.goto('/settings');
  const allowed = `http://127.0.0.1:${ALLOWED_PORT}`;

  // Invalid origins: the message names the origin and why; nothing is saved.
  await page.getByTestId('user-switch').selectOption('2');
  await saveOrigins(page, `${allowed}\nhttp://127.0.0.1:${REFUSED_PORT}/intranet`);
  await expect(page.getByTestId('origins-error')).toHaveText(fill(V.rej_origin, { origin: `http://127.0.0.1:${REFUSED_PORT}/intranet`, why: V.origin_not_origin }));
  await saveOrigins(page, 'https://*.example.com');
  await expect(page.getByTestId('origins-error')).toHaveText(fill(V.rej_origin, { origin: 'https://*.example.com', why: V.origin_not_origin }));
  await saveOrigins(page, 'ftp://intranet');
  await expect(page.getByTestId('origins-error')).toHaveText(fill(V.rej_origin, { origin: 'ftp://intranet', why: V.origin_scheme }));
  await expect(page.getByTestId('origins-list-empty')).toHaveText(F.origins_none);
  // Not a manager: refused.
  await page.getByTestId('user-switch').selectOption('5');
  await saveOrigins(page, allowed);
  await expect(page.getByTestId('origins-error')).toHaveText(fill(V.rej_above_authority, { role: V.role_manager }));
  await expect(page.getByTestId('origins-list-empty')).toBeVisible();
  // The manager saves exactly the allowed host.
  await page.getByTestId('user-switch').selectOption('2');
  await saveOrigins(page, `  ${allowed}/  `);
  await expect(page.getByTestId('origins-saved')).toHaveText(F.origins_saved);
  await expect(page.getByTestId('origins-list').getByRole('listitem')).toHaveText([allowed]);
  await app.reload();
  await expect(page.getByTestId('origins-list').getByRole('listitem')).toHaveText([allowed]);

  // What the app's check page says for a CNY customer and an order of ¥1,000.00.
  await app.goto('/check.html');
  await page.getByLabel(F.search_label).fill('C0000');
  const rows = page.getByTestId('search-result');
  await expect(rows.first()).toBeVisible();
  let number = null;
  for (const row of await rows.all()) {
    const candidate = (await row.getByTestId('result-number').innerText()).trim();
    await app.goto(`/check.html?customer=${candidate}`);
    const available = (await page.getByTestId('card-available').locator('dd').innerText()).trim();
    if (available.startsWith('¥') || available.startsWith('-¥')) { number = candidate; break; }
    await app.goto('/check.html');
    await page.getByLabel(F.search_label).fill('C0000');
  }
  expect(number, 'a CNY customer with a limit').toBeTruthy();
  const name = (await page.getByTestId('card-name').innerText()).trim();
  const available = cents((await page.getByTestId('card-available').locator('dd').innerText()).trim());
  await page.getByLabel(fill(F.amount_label, { currency: 'CNY' })).fill('1000');
  const decision = await page.getByTestId('verdict').getAttribute('data-verdict');
  const exposure = cents((await page.getByTestId('card-exposure').locator('dd').innerText()).trim());

  // The allowed host: one ready message, then exact replies.
  const host = await context.newPage();
  await host.goto(`http://127.0.0.1:${ALLOWED_PORT}/erp?customer=${number}`);
  const frame = host.frameLocator('#widget');
  await expect(frame.getByTestId('widget-name')).toHaveText(name);
  await expect(frame.getByTestId('widget-available')).toHaveText(await page.getByTestId('card-available').locator('dd').innerText());
  await expect.poll(async () => (await received(host)).filter((m) => m.data && m.data.type === 'creditdesk:ready').length).toBe(1);
  expect((await received(host)).find((m) => m.data.type === 'creditdesk:ready').data).toEqual({ type: 'creditdesk:ready', ok: true });
  const ok = await reply(host, { type: 'creditdesk:check', id: 7, customer: number, amount: '1000.00', currency: 'CNY' });
  expect(ok).toMatchObject({
    type: 'creditdesk:result', id: 7, ok: true, customer: number, name, decision, currency: 'CNY',
    available: plainAmount(available), available_after: plainAmount(available - 100000n), exposure: plainAmount(exposure),
  });
  expect(Array.isArray(ok.reasons)).toBe(true);
  for (const reason of ok.reasons) {
    expect(reason).toEqual({ code: expect.any(String), severity: expect.stringMatching(/^(warn|block)$/), text: expect.any(String) });
  }
  expect(ok.shortfall).toMatch(/^\d+\.\d{2}$/);
  expect(ok.release_role === null || ['analyst', 'manager', 'director'].includes(ok.release_role)).toBe(true);
  if (decision === 'block') expect(ok.release_role).not.toBeNull();

  // Bad requests: ok:false with a code and a text; never a crash.
  const bad = async (id, request, code) => {
    const answer = await reply(host, { type: 'creditdesk:check', id, ...request });
    expect(answer).toMatchObject({ type: 'creditdesk:result', id, ok: false, error: { code } });
    expect(answer.error.text.length).toBeGreaterThan(0);
    return answer;
  };
  expect((await bad(8, { customer: number, amount: 'abc' }, 'bad_amount')).error.text).toBe(EN.err_amount_nan);
  await bad(9, { customer: number, amount: '1.234' }, 'bad_amount');
  await bad(10, { customer: number, amount: 50000 }, 'bad_amount');
  expect((await bad(11, { customer: 'NOPE-404', amount: '1' }, 'unknown_customer')).error.text).toBe(fill(F.api_no_customer, { number: 'NOPE-404' }));
  expect((await bad(12, { customer: number, amount: '1', currency: 'USD' }, 'currency_mismatch')).error.text).toBe(fill(V.check_currency, { found: 'USD', expected: 'CNY' }));
  await bad(13, { customer: number, amount: '1', currency: 'XXQ' }, 'unknown_currency');
  expect((await bad(14, { customer: 42, amount: '1' }, 'bad_customer')).error.text).toBe(F.api_customer_string);
  expect((await bad(15, {}, 'missing_customer')).error.text).toBe(F.api_missing_customer);
  await bad(16, { customer: '  ', amount: '1' }, 'missing_customer');
  // A missing or misspelt amount is not an order of nothing (it read as "pass" before).
  expect((await bad(17, { customer: number }, 'missing_amount')).error.text).toBe(F.api_missing_amount);
  expect((await bad(18, { customer: number, amout: '1000.00' }, 'unknown_field')).error.text).toBe(fill(F.api_unknown_field, { field: 'amout' }));
  await bad(19, { customer: number, amount: '' }, 'bad_amount');
  // A currency that is not a string is refused, not ignored.
  expect((await bad(20, { customer: number, amount: '1', currency: 156 }, 'bad_currency')).error.text).toBe(F.api_currency_string);
  await bad(21, { customer: number, amount: '1', currency: ['CNY'] }, 'bad_currency');
  // Garbage that is not a check request is ignored; the widget still answers afterwards.
  await host.evaluate(() => { window.ask('hello'); window.ask(null); window.ask([1, 2]); window.ask({ type: 'other' }); });
  const again = await reply(host, { type: 'creditdesk:check', id: 'again', customer: number, amount: '0.01' });
  expect(again).toMatchObject({ ok: true, available: plainAmount(available), available_after: plainAmount(available - 1n) });
  await expect(frame.getByTestId('widget')).toBeVisible();

  // The refused host: the widget runs (it shares the data) but shows nothing of it and never
  // answers.
  const refused = await context.newPage();
  await refused.goto(`http://127.0.0.1:${REFUSED_PORT}/portal?customer=${number}`);
  const closed = refused.frameLocator('#widget');
  await expect(closed.getByTestId('widget-closed')).toHaveText(F.widget_closed);
  await expect(closed.getByTestId('widget-name')).toHaveCount(0);
  await expect(closed.getByTestId('widget-available')).toHaveCount(0);
  await expect(closed.locator('body')).not.toContainText(name);
  await refused.evaluate((n) => window.ask({ type: 'creditdesk:check', id: 1, customer: n, amount: '1000.00', currency: 'CNY' }), number);
  await refused.waitForTimeout(3_000);
  expect(await received(refused)).toEqual([]);
});

test('an empty store in the widget says so and links to the help', async ({ page }) => {
  const app = new App(page, EN);
  await page.goto('/widget.html?customer=C000001&lang=en');
  await expect(page.getByTestId('widget-empty')).toContainText(F.widget_empty);
  await expect(page.getByRole('link', { name: F.widget_help_link })).toHaveAttribute('href', '/help/widget');
  await app.goto('/help/widget');
  await expect(app.heading(F.help_title)).toBeVisible();
  await expect(page.getByTestId('embed-snippet')).toContainText(`src="http://127.0.0.1:${port}/widget.html?customer=`);
  await expect(page.getByTestId('help-storage')).toHaveText(F.help_storage_1);
});

test('a store the browser refuses inside another page is said so, to the eye and to the host', async ({ page }) => {
  // What Chromium does to a cross-site frame when third-party storage is blocked: opening
  // IndexedDB fails with an UnknownError.
  await page.addInitScript(() => {
    if (window.top === window.self) return;
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      // The app's handlers are kept aside; the request then fails as the browser's would.
      const handlers = {};
      for (const name of ['onsuccess', 'onerror', 'onupgradeneeded', 'onblocked']) {
        Object.defineProperty(request, name, { get: () => handlers[name] || null, set: (f) => { handlers[name] = f; } });
      }
      const denied = new DOMException('The user denied permission to access the database.', 'UnknownError');
      Object.defineProperty(request, 'error', { get: () => denied });
      request.addEventListener('success', () => {
        request.result.close();
        if (handlers.onerror) handlers.onerror(new Event('error'));
      });
      return request;
    };
  });
  await page.goto(`http://127.0.0.1:${ALLOWED_PORT}/erp?customer=C000001`);
  const frame = page.frameLocator('#widget');
  await expect(frame.getByTestId('widget-storage')).toHaveText(F.widget_storage);
  await expect(frame.locator('body')).not.toContainText('UnknownError');
  // Told through the protocol: the ready message (Chromium names the parent's origin) and
  // every request, from any page, since there is no data to protect.
  await expect.poll(async () => (await received(page)).filter((m) => m.data && m.data.type === 'creditdesk:ready').length).toBe(1);
  const ready = (await received(page)).find((m) => m.data.type === 'creditdesk:ready');
  expect(ready.data).toMatchObject({ ok: false, error: { code: 'storage_unavailable', text: F.api_storage } });
  const answer = await reply(page, { type: 'creditdesk:check', id: 1, customer: 'C000001', amount: '1' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'storage_unavailable' } });
});

test('an empty store tells any host no_data, and the widget says why', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${REFUSED_PORT}/portal?customer=C000001`);
  await expect(page.frameLocator('#widget').getByTestId('widget-empty')).toContainText(F.widget_empty);
  await expect.poll(async () => (await received(page)).filter((m) => m.data && m.data.type === 'creditdesk:ready').length).toBe(1);
  expect((await received(page)).find((m) => m.data.type === 'creditdesk:ready').data).toMatchObject({ ok: false, error: { code: 'no_data' } });
  const answer = await reply(page, { type: 'creditdesk:check', id: 2, customer: 'C000001', amount: '1' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'no_data', text: F.api_no_data } });
});
