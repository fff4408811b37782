// The field-sales credit check (check.html, its own bundle) on a 360 px phone: offline after the first visit,
// search by number, Chinese name and pinyin initials, the verdict moving pass → warn → block
// as an amount is typed (thresholds computed from the figures shown), orders recorded as sales
// and released by the manager, and bad amount text.
import { test, expect } from '@playwright/test';
import { App, controlledByServiceWorker, EN, FIELD, VOCAB, fill, cents, formatMoney, plainAmount, decimalUnits } from './pages.mjs';

const F = FIELD.EN;
const V = VOCAB.EN;
const SALES = '5';
const MANAGER = '2';

test.use({ viewport: { width: 360, height: 740 } });

// Two-character city names of the demo portfolio and their pinyin initials.
const CITY_INITIALS = {
  上海: 'sh', 北京: 'bj', 广州: 'gz', 深圳: 'sz', 天津: 'tj', 郑州: 'zz', 苏州: 'sz', 南京: 'nj',
  青岛: 'qd', 佛山: 'fs', 杭州: 'hz', 温州: 'wz', 宁波: 'nb', 成都: 'cd', 厦门: 'xm', 武汉: 'wh',
  无锡: 'wx', 东莞: 'dg', 西安: 'xa', 合肥: 'hf', 济南: 'jn', 福州: 'fz',
};
const CITY_PINYIN = {
  上海: 'shanghai', 北京: 'beijing', 广州: 'guangzhou', 深圳: 'shenzhen', 天津: 'tianjin',
  郑州: 'zhengzhou', 苏州: 'suzhou', 南京: 'nanjing', 青岛: 'qingdao', 佛山: 'foshan',
  杭州: 'hangzhou', 温州: 'wenzhou', 宁波: 'ningbo', 成都: 'chengdu', 厦门: 'xiamen',
  武汉: 'wuhan', 无锡: 'wuxi', 东莞: 'dongguan', 西安: 'xian', 合肥: 'hefei', 济南: 'jinan',
  福州: 'fuzhou',
};

class FieldCheck {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('field-check'); }
  search() { return this.page.getByLabel(F.search_label); }
  results() { return this.page.getByTestId('search-result'); }
  /** The amount field, labelled with the customer's currency. */
  amount(currency = /[A-Z]{3}/) {
    const [before, after] = F.amount_label.split('{currency}');
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const name = typeof currency === 'string' ? fill(F.amount_label, { currency }) : new RegExp(`^${escape(before)}[A-Z]{3}${escape(after)}$`);
    return this.page.getByLabel(name, { exact: true });
  }
  amountError() { return this.page.getByTestId('amount-error'); }
  verdict() { return this.page.getByTestId('verdict'); }
  card() { return this.page.getByTestId('customer-card'); }
  record() { return this.page.getByRole('button', { name: F.record_order }); }
  orderError() { return this.page.getByTestId('order-error'); }
  orderSuccess() { return this.page.getByTestId('order-success'); }
  async open(query = '') {
    await this.app.goto(`/check.html${query}`);
    await expect(this.app.heading(F.check_title)).toBeVisible();
  }
  async line(testid) {
    return (await this.card().getByTestId(testid).locator('dd').innerText()).trim();
  }
  /** The card's figures in cents, and the warning level in hundredths of a percent. */
  async figures() {
    await expect(this.card()).toBeVisible();
    const warning = /([\d.]+)%/.exec(await this.card().getByTestId('card-warning').innerText())[1];
    return {
      limit: cents(await this.line('card-limit')),
      exposure: cents(await this.line('card-exposure')),
      available: cents(await this.line('card-available')),
      warningHundredths: decimalUnits(warning, 2),
    };
  }
  async rows() {
    await expect(this.results().first()).toBeVisible();
    const rows = [];
    for (const row of await this.results().all()) {
      rows.push({
        name: (await row.getByTestId('result-name').innerText()).trim(),
        number: (await row.getByTestId('result-number').innerText()).trim(),
        verdict: await row.getAttribute('data-verdict'),
        word: (await row.getByTestId('result-verdict').innerText()).trim(),
      });
    }
    return rows;
  }
  async searchFor(text) {
    await this.search().fill('');
    await this.search().pressSequentially(text);
    return this.rows();
  }
  async choose(number) {
    await this.results().filter({ has: this.page.getByTestId('result-number').getByText(number, { exact: true }) }).first().getByRole('link').click();
    await expect(this.page).toHaveURL(new RegExp(`/check\\.html\\?customer=${number}$`));
    await expect(this.card()).toBeVisible();
  }
  async typeAmount(text) {
    await this.amount().fill('');
    await this.amount().pressSequentially(text);
  }
  async actAs(id) {
    await this.page.getByTestId('user-switch').selectOption(id);
  }
}

const VERDICT_WORD = { pass: `✓ ${V.verdict_pass}`, warn: `! ${V.verdict_warn}`, block: `✕ ${V.verdict_block}` };

/** A CNY customer whose standing passes, with room for a pass, a warn and a block a manager
 *  may release (limit ≤ 1,999,999: the manager's authority band). */
async function pickCustomer(check) {
  const rows = await check.searchFor('C0000');
  for (const row of rows.filter((r) => r.verdict === 'pass')) {
    await check.choose(row.number);
    if (!(await check.line('card-available')).startsWith('¥')) continue;
    if ((await check.card().getByTestId('card-warning').count()) === 0) continue;
    const figures = await check.figures();
    const { limit, exposure, available, warningHundredths } = figures;
    const warnStart = (limit * warningHundredths + 9999n) / 10000n - exposure;
    const passAmount = 10000n; // ¥100.00
    const roomyPass = (exposure + passAmount) * 10000n < limit * (warningHundredths - 10n);
    if (limit < 199999900n && roomyPass && available - warnStart > 1000n && available > 20000n) {
      return { ...row, ...figures, warnStart, passAmount };
    }
  }
  throw new Error('no CNY customer in the first results has room for pass, warn and block');
}

/** What the verdict must be for an order of `amount` cents, or null in the band where the
 *  core's one-decimal rounding of the utilisation may already warn. */
function expectedVerdict(c, amount) {
  if (amount > c.available) return 'block';
  if (amount >= c.warnStart) return 'warn';
  const roundingBand = (c.limit * 5n) / 10000n + 1n;
  return amount < c.warnStart - roundingBand ? 'pass' : null;
}

test('offline on a phone: search by pinyin initials, number and Chinese name', async ({ page, context }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await controlledByServiceWorker(app);
  await context.setOffline(true);
  await app.reload();
  const check = new FieldCheck(app);
  await check.open();
  await expect(app.offlineBadge()).toBeVisible();
  await expect(check.search()).toBeFocused();

  const listed = await check.searchFor('C0000');
  expect(listed.length).toBe(20);
  for (const row of listed) expect(row.word).toBe(VERDICT_WORD[row.verdict]);

  // By number.
  const target = listed[3];
  const byNumber = await check.searchFor(target.number);
  expect(byNumber[0].number).toBe(target.number);
  // By Chinese name (a part of it).
  const chinese = listed.find((r) => /^[\u4e00-\u9fff]{4}/.test(r.name));
  const byName = await check.searchFor(chinese.name.slice(2, 6));
  expect(byName.map((r) => r.number)).toContain(chinese.number);
  // By pinyin initials of the city.
  const withCity = listed.find((r) => CITY_INITIALS[r.name.slice(0, 2)]);
  expect(withCity, 'a customer named after a known city').toBeTruthy();
  const byInitials = await check.searchFor(CITY_INITIALS[withCity.name.slice(0, 2)]);
  expect(byInitials.some((r) => r.name.startsWith(withCity.name.slice(0, 2)))).toBe(true);

  // By full pinyin of the city (issue 9): 广州 guangzhou, 上海 shanghai, ...
  const byPinyin = await check.searchFor(CITY_PINYIN[withCity.name.slice(0, 2)]);
  expect(byPinyin.some((r) => r.name.startsWith(withCity.name.slice(0, 2)))).toBe(true);
  // The hint's example is one of this portfolio's customers, and each part of it finds them.
  const hint = await page.getByTestId('search-hint').innerText();
  const [, number, name, initials] = /For example (\S+), (.+) or ([a-z0-9]+)$/.exec(hint);
  for (const query of [number, name, initials]) {
    expect((await check.searchFor(query)).map((r) => r.number), `hint part ${query}`).toContain(number);
  }

  // Selecting puts the customer in the URL; the card shows; reload (still offline) keeps it.
  await check.searchFor(target.number);
  await check.choose(target.number);
  await expect(check.card().getByTestId('card-name')).toHaveText(target.name);
  await expect(check.card().getByTestId('standing')).toHaveAttribute('data-verdict', target.verdict);
  await app.reload();
  await expect(check.card().getByTestId('card-name')).toHaveText(target.name);
  await check.typeAmount('1000');
  await expect(check.verdict()).toBeVisible();
});

test('the verdict follows the amount; orders as sales and released by the manager', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const check = new FieldCheck(app);
  await check.open();
  const c = await pickCustomer(check);

  // Key by key: every prefix of the blocking amount has the verdict its value calls for.
  const blockAmount = c.available + 100n;
  const typed = plainAmount(blockAmount);
  await check.amount().fill('');
  const seen = [];
  for (let i = 1; i <= typed.length; i++) {
    await check.amount().press(typed[i - 1]);
    const prefix = typed.slice(0, i);
    if (prefix.endsWith('.')) continue;
    const value = decimalUnits(prefix, 2);
    const expected = expectedVerdict(c, value);
    if (expected) {
      await expect(check.verdict()).toHaveAttribute('data-verdict', expected);
      seen.push(expected);
    }
  }
  expect(seen.at(-1)).toBe('block');
  await expect(check.verdict().getByTestId('verdict-shortfall').locator('dd')).toHaveText(formatMoney(100n));
  await expect(check.verdict().getByTestId('release-by')).toHaveText(fill(F.release_by, { role: V.role_manager }));

  // The three verdicts at amounts computed from the card.
  const warnAmount = (c.warnStart + c.available) / 2n;
  for (const [amount, verdict] of [[c.passAmount, 'pass'], [warnAmount, 'warn'], [blockAmount, 'block']]) {
    await check.typeAmount(plainAmount(amount));
    await expect(check.verdict()).toHaveAttribute('data-verdict', verdict);
    await expect(check.verdict().getByTestId('verdict-word')).toHaveText(VERDICT_WORD[verdict]);
    await expect(check.verdict().getByTestId('verdict-available-after').locator('dd')).toHaveText(formatMoney(c.available - amount));
  }
  await check.typeAmount(plainAmount(warnAmount));
  await expect(check.verdict().locator('[data-code="utilisation_high"]')).toBeVisible();

  // Record on pass as sales: the available credit drops by the order.
  await check.actAs(SALES);
  await check.typeAmount(plainAmount(c.passAmount));
  await expect(check.page.getByLabel(F.order_number)).toHaveValue(/^SO-\d{8}-\d+$/);
  await check.record().click();
  await expect(check.orderSuccess()).toContainText(formatMoney(c.passAmount));
  const afterPass = c.available - c.passAmount;
  await expect(check.card().getByTestId('card-available').locator('dd')).toHaveText(formatMoney(afterPass));

  // A blocked order as sales: who may release is said, and recording is refused.
  const blocked = afterPass + 100n;
  await check.typeAmount(plainAmount(blocked));
  await expect(check.verdict()).toHaveAttribute('data-verdict', 'block');
  await expect(page.getByTestId('release-ask')).toHaveText(fill(F.release_ask, { role: V.role_manager }));
  await expect(page.getByTestId('release-reason')).toHaveCount(0);
  await check.record().click();
  await expect(check.orderError()).toHaveText(fill(F.blocked_not_recorded, { role: V.role_manager }));
  await expect(check.card().getByTestId('card-available').locator('dd')).toHaveText(formatMoney(afterPass));

  // As the manager with a release reason: recorded.
  await check.actAs(MANAGER);
  const reason = page.getByLabel(F.release_reason);
  await expect(reason).toBeVisible();
  await check.record().click();
  await expect(check.orderError()).toHaveText(V.rej_order_blocked);
  await reason.fill('Customer paid by wire today; confirmed with bank');
  await check.record().click();
  await expect(check.orderSuccess()).toContainText(formatMoney(blocked));
  const afterRelease = afterPass - blocked;
  await expect(check.card().getByTestId('card-available').locator('dd')).toHaveText(formatMoney(afterRelease));

  // Reload keeps both orders.
  await app.reload();
  await expect(check.card().getByTestId('card-available').locator('dd')).toHaveText(formatMoney(afterRelease));
  await expect(check.card().getByTestId('standing')).toHaveAttribute('data-verdict', 'block');
});

test('bad amount text gives a message and no verdict; no profile is refused; no overflow at 360 px', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const check = new FieldCheck(app);
  await check.open();
  const c = await pickCustomer(check);
  for (const [text, message] of [
    ['abc', EN.err_amount_nan],
    ['12.345', fill(EN.err_amount_decimals, { allowed: 2 })],
    ['0', EN.err_amount_positive],
    // Exponents are refused, naming the character, never read as 100,000.
    ['1e5', fill(EN.err_char_unexpected, { character: 'e', position: 2 })],
    // A decimal comma on a screen that writes 1,234.56 is refused, not read as 1234.
    ['12,34', EN.err_decimal_comma_here],
  ]) {
    await check.typeAmount(text);
    await expect(check.amountError()).toHaveText(message);
    await expect(check.verdict()).toHaveCount(0);
    await expect(check.record()).toHaveCount(0);
  }
  await check.typeAmount('１,０００.５');
  await expect(check.amountError()).toBeEmpty();
  await expect(check.verdict().getByTestId('verdict-available-after').locator('dd')).toHaveText(formatMoney(c.available - 100050n));

  // No profile chosen: the core's UnknownUser message beside the form, nothing recorded.
  await check.record().click();
  await expect(check.orderError()).toHaveText(V.rej_unknown_user);
  await expect(check.card().getByTestId('card-available').locator('dd')).toHaveText(formatMoney(c.available));

  // The widest state (card, verdict with reasons, form) fits 360 px.
  await check.typeAmount(plainAmount(c.available + 100n));
  await expect(check.verdict()).toHaveAttribute('data-verdict', 'block');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // An unknown number in the URL says so.
  await check.open('?customer=NOPE-1');
  await expect(page.getByTestId('unknown-customer')).toHaveText(fill(F.unknown_number, { number: 'NOPE-1' }));
});

/** The part of a 360 × 640 screen a phone's keyboard leaves free above it (about 300 px of
 *  keyboard): what is typed and the answer must both be in it. */
const ABOVE_KEYBOARD = 340;

test('the verdict stays in view while typing at 360 × 640, with the keyboard up', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const app = new App(page, EN);
  await app.loadDemoS();
  const check = new FieldCheck(app);
  await check.open();
  // The header is at most two short lines, not a third of the screen.
  const header = await page.locator('header.topbar').boundingBox();
  expect(header.height, 'header height').toBeLessThanOrEqual(100);
  const [first] = await check.searchFor('C0000');
  await check.choose(first.number);
  // The keyboard takes the bottom of the screen: the page keeps 360 × 340 and the browser
  // scrolls the field being typed in into what is left.
  await check.amount().focus();
  await page.setViewportSize({ width: 360, height: ABOVE_KEYBOARD });
  await check.amount().scrollIntoViewIfNeeded();
  await check.amount().pressSequentially('1000');
  const strip = page.getByTestId('verdict-strip');
  await expect(strip).toBeVisible();
  await expect(strip).toHaveAttribute('data-verdict', await check.verdict().getAttribute('data-verdict'));
  await expect(strip).toContainText((await check.verdict().getByTestId('verdict-word').innerText()).trim());
  for (const [what, locator] of [['verdict', strip], ['amount field', check.amount()]]) {
    const box = await locator.boundingBox();
    expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(ABOVE_KEYBOARD);
  }
  // Typing on, the verdict follows: an amount far above what is available blocks.
  await check.amount().pressSequentially('000000');
  await expect(strip).toHaveAttribute('data-verdict', 'block');
  const box = await strip.boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(ABOVE_KEYBOARD);
});
