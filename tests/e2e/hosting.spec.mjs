// Hosting (issue 9): under a sub-folder every in-app link keeps the folder; a mistyped deep
// path shows the app's own not-found page, not a blank one; the desk and the field check
// refuse to run inside another page's frame (by the server's headers, and by themselves on a
// host that sends none), while the widget may be framed.
import { test, expect } from '@playwright/test';
import { App, EN } from './pages.mjs';
import { port, prefixPort, PREFIX } from '../../playwright.config.mjs';

const HOSTS = [
  ['at the site root', `http://127.0.0.1:${port}/`],
  ['in a sub-folder', `http://127.0.0.1:${prefixPort}${PREFIX}`],
];

test('in a sub-folder, clicks on in-app links keep the folder, and reloads stay put', async ({ page }) => {
  const root = HOSTS[1][1];
  const app = new App(page, EN);
  await app.goto(root);
  await app.welcome().loadDemo('S');
  await expect(app.overview().root()).toBeVisible({ timeout: 30_000 });

  await app.go('nav_customers');
  await expect(page).toHaveURL(`${root}customers`);
  await expect(app.heading(EN.customers_title)).toBeVisible();
  await page.locator('table tbody a').first().click();
  await expect(page).toHaveURL(new RegExp(`^${root}customers/\\d+$`));
  const customer = page.url();
  await page.getByTestId('action-invoice').click();
  await expect(page).toHaveURL(`${customer}/invoice`);
  await page.getByRole('link', { name: EN.cancel, exact: true }).click();
  await expect(page).toHaveURL(customer);
  await app.reload();
  await expect(page).toHaveURL(customer);
  await expect(page.getByTestId('action-invoice')).toBeVisible();

  for (const key of ['nav_journal', 'nav_settings', 'nav_help', 'nav_home']) {
    await app.go(key);
    expect(new URL(page.url()).pathname.startsWith(PREFIX), `${key}: ${page.url()}`).toBe(true);
  }
  await expect(page).toHaveURL(root);
  await expect(app.overview().root()).toBeVisible();
});

for (const [where, root] of HOSTS) {
  test(`a mistyped deep path ${where} shows the app's not-found page`, async ({ page }) => {
    const app = new App(page, EN);
    await app.goto(`${root}nosuch/deeper`);
    await expect(page.getByRole('heading', { level: 1, name: '404' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: EN.nav_home, exact: true }).click();
    await expect(page).toHaveURL(root);
    await expect(app.welcome().root()).toBeVisible();
  });
}

/** An empty page (another origin: about:blank) that frames `url`; returns the frame. */
async function framing(page, url) {
  await page.setContent(`<iframe id="framed" src="${url}" width="800" height="400"></iframe>`);
  return page.frameLocator('#framed');
}

test('the desk and the field check refuse to be framed; the widget may be', async ({ page }) => {
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
  // With the headers a host should send, the browser does not render the page at all.
  const blocked = [];
  page.on('response', (response) => {
    const headers = response.headers();
    if (response.request().resourceType() === 'document' && headers['content-security-policy']) {
      blocked.push([new URL(response.url()).pathname, headers['content-security-policy'], headers['x-frame-options']]);
    }
  });
  for (const path of ['/', '/check.html?customer=C000001']) {
    const frame = await framing(page, `http://127.0.0.1:${port}${path}`);
    await expect(frame.getByTestId('switch-language')).toHaveCount(0);
  }
  expect(blocked.map(([path]) => path)).toEqual(['/', '/check.html']);
  for (const [, csp, xfo] of blocked) {
    expect(csp).toBe("frame-ancestors 'none'");
    expect(xfo).toBe('DENY');
  }

  // A host that sends no such headers: the pages stop themselves and say why.
  await page.route(/127\.0\.0\.1:\d+\/(check\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await route.fulfill({ response, headers });
  });
  for (const path of ['/', '/check.html?customer=C000001']) {
    const frame = await framing(page, `http://127.0.0.1:${port}${path}`);
    await expect(frame.getByTestId('framed')).toContainText('clickjacking');
    await expect(frame.getByTestId('framed')).toContainText('点击劫持');
    const open = frame.getByRole('link', { name: 'Open it in its own window' });
    await expect(open).toHaveAttribute('href', `http://127.0.0.1:${port}${path}`);
    await expect(open).toHaveAttribute('target', '_blank');
  }
  expect(wasm, 'no desk or field bundle was fetched inside a frame').toEqual([]);

  // The widget is sent without them (widget.spec.mjs frames it from other origins).
  const widget = await page.request.get(`http://127.0.0.1:${port}/widget.html?customer=C000001`);
  expect(widget.headers()['content-security-policy']).toBeUndefined();
  expect(widget.headers()['x-frame-options']).toBeUndefined();
});
