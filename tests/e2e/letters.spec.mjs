// Letters, messages and statements (issue 10 §3): the company's letterhead set in Settings
// (a missing name refused, nothing saved); a letter for an overdue customer whose totals are
// the sum of the open items it lists, plus its interest and fee; the print view without the
// navigation; the statement of account as of a past date showing only what was dated by
// then; the mailto draft with its subject and the overdue total; a template with an unknown
// placeholder refused naming it, nothing saved; Chinese at 360 px; axe.
import { test, expect } from '@playwright/test';
import {
  App, ZH, EN, COLLECTIONS, escapeRegExp, expectNoSeriousViolations, addDays,
} from './pages.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The letters' texts, read from app/src/i18n/letters.rs as pages.mjs reads the others. */
function lettersTable(lang) {
  const text = readFileSync(fileURLToPath(new URL('../../app/src/i18n/letters.rs', import.meta.url)), 'utf8');
  const start = text.indexOf(`pub static ${lang}: LettersTexts`);
  const body = text.slice(start, text.indexOf('\n};', start));
  const table = {};
  for (const match of body.matchAll(/^\s+([a-z0-9_]+):\s*"((?:[^"\\]|\\.)*)",\s*$/gm)) {
    table[match[1]] = JSON.parse(`"${match[2]}"`);
  }
  return table;
}
const L = { EN: lettersTable('EN'), ZH: lettersTable('ZH') };
const DIRECTOR = '1'; // demo S: director, manager, analyst, collector, sales
const MANAGER = '2';

/** Hundredths of a decimal written plainly (`6000.5` → 600050), to add exactly. */
function hundredths(text) {
  const [whole, fraction = ''] = text.split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number((fraction + '00').slice(0, 2)));
}

async function journalEvents(app) {
  const journal = app.journal();
  await journal.open();
  const pattern = escapeRegExp(journal.j.counts)
    .replace('\\{events\\}', '([\\d,]+)').replace('\\{entries\\}', '[\\d,]+');
  const text = (await app.page.getByTestId('journal-counts').innerText()).trim();
  const found = new RegExp(`^${pattern}$`).exec(text);
  expect(found, `journal counts: ${text}`).toBeTruthy();
  return Number(found[1].replaceAll(',', ''));
}

/** Demo S, then the company's details set through Settings (a missing name refused first). */
async function withCompany(page) {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(DIRECTOR);
  const before = await journalEvents(app);
  await app.go('nav_settings');
  await page.getByTestId('open-company').click();
  await page.getByTestId('company-name').fill('   ');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('company-name-error')).toHaveText(L.EN.rej_company_name_empty);
  expect(await journalEvents(app), 'a refused company saves nothing').toBe(before);
  await app.go('nav_settings');
  await page.getByTestId('open-company').click();
  await page.getByTestId('company-name').fill('Xinda Trading Co., Ltd.');
  await page.getByTestId('company-address').fill('100 Century Avenue\nShanghai 200120');
  await page.getByTestId('company-bank').fill('Bank of China Shanghai 6222 0000 1234');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('company-saved')).toHaveText(L.EN.company_saved);
  expect(await journalEvents(app)).toBe(before + 1);
  return app;
}

/** The first customer on today's worklist: its collections page. */
async function overdueCustomer(app) {
  await app.nav().getByRole('link', { name: COLLECTIONS.EN.nav_collections, exact: true }).click();
  const task = app.page.getByTestId('task').first();
  await expect(task).toBeVisible();
  const name = (await task.getByTestId('task-customer').innerText()).trim();
  await task.getByTestId('task-customer').click();
  await app.page.getByTestId('action-collections').click();
  await expect(app.page.getByTestId('messages')).toBeVisible();
  return name;
}

test('a letter for an overdue customer states the sum of its overdue items, and prints without the navigation', async ({ page }) => {
  const app = await withCompany(page);
  const name = await overdueCustomer(app);
  await page.getByTestId('letter-link').click();
  const letter = page.getByTestId('letter');
  await expect(letter).toBeVisible();
  await expect(letter.getByTestId('letterhead')).toContainText('Xinda Trading Co., Ltd.');
  await expect(letter.getByTestId('letterhead-bank')).toHaveText('Bank of China Shanghai 6222 0000 1234');
  await expect(letter.getByTestId('addressee')).toContainText(name);
  // The total overdue is the sum of the overdue items the letter lists.
  const overdueItems = letter.locator('[data-testid="item"][data-overdue="true"]');
  expect(await overdueItems.count()).toBeGreaterThan(0);
  let sum = 0;
  for (const item of await overdueItems.all()) {
    sum += hundredths(await item.getByTestId('item-open').getAttribute('data-value'));
  }
  const totals = letter.getByTestId('letter-totals').first();
  expect(hundredths(await totals.getByTestId('letter-overdue').getAttribute('data-value'))).toBe(sum);
  // The total due adds the interest and the fee the letter states, and nothing else.
  const stated = async (id) => (await totals.getByTestId(id).count())
    ? hundredths(await totals.getByTestId(id).getAttribute('data-value') ?? '0') : 0;
  const interestShown = await totals.getByTestId('letter-interest').count();
  let interest = 0;
  if (interestShown) {
    for (const item of await overdueItems.all()) {
      interest += hundredths(await item.getByTestId('item-interest').getAttribute('data-value'));
    }
  }
  expect(hundredths(await totals.getByTestId('letter-total').getAttribute('data-value')))
    .toBe(sum + interest + await stated('letter-fee'));
  // The printed figure is the same sum, as the page writes money.
  const shown = (await totals.getByTestId('letter-overdue').innerText()).trim();
  expect(hundredths(shown.replace(/[^\d.-]/g, ''))).toBe(sum);

  // Print media: the navigation and the controls are gone, the letter stays.
  await page.emulateMedia({ media: 'print' });
  await expect(app.nav()).toBeHidden();
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByTestId('doc-controls')).toBeHidden();
  await expect(letter).toBeVisible();
  await expect(totals.getByTestId('letter-total')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(app.nav()).toBeVisible();
});

test('the final notice states late interest, and the statement as of a past date shows only what was dated by then', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await overdueCustomer(app);
  await page.getByTestId('statement-link').click();
  const statement = page.getByTestId('statement');
  await expect(statement).toBeVisible();
  const issued = [];
  for (const item of await statement.getByTestId('item').all()) {
    issued.push((await item.locator('td').nth(1).innerText()).trim());
  }
  expect(issued.length).toBeGreaterThan(0);
  const latest = [...issued].sort().at(-1);
  const before = addDays(latest, -1);
  await page.getByTestId('as-of').fill(before);
  await page.getByTestId('doc-show').click();
  await expect(page).toHaveURL(new RegExp(`as_of=${before}`));
  await expect(page.getByTestId('statement-as-of')).toContainText(before);
  const earlier = [];
  for (const item of await statement.getByTestId('item').all()) {
    earlier.push((await item.locator('td').nth(1).innerText()).trim());
  }
  for (const day of earlier) expect(day <= before, `${day} issued by ${before}`).toBe(true);
  expect(earlier.filter((day) => day === latest)).toEqual([]);
  // The statement's totals add its items.
  let open = 0;
  for (const item of await statement.getByTestId('item').all()) {
    open += hundredths(await item.getByTestId('item-open').getAttribute('data-value'));
  }
  const total = (await statement.getByTestId('total-open').first().innerText()).trim();
  expect(hundredths(total.replace(/[^\d.-]/g, ''))).toBe(open);

  // The final notice of the same customer states the interest its items ran up.
  const url = new URL(page.url());
  const letterPath = url.pathname.replace(/statement$/, 'letter');
  await app.goto(`${letterPath}?step=final-notice&lang=en`);
  const letter = page.getByTestId('letter');
  await expect(letter).toHaveAttribute('data-step', 'final-notice');
  const overdueItems = letter.locator('[data-testid="item"][data-overdue="true"]');
  let interest = 0;
  for (const item of await overdueItems.all()) {
    interest += hundredths(await item.getByTestId('item-interest').getAttribute('data-value'));
  }
  expect(interest, 'overdue items run late interest at the default 8%').toBeGreaterThan(0);
  const line = letter.getByTestId('letter-totals').first().getByTestId('letter-interest');
  expect(hundredths(await line.getAttribute('data-value') ?? (await line.innerText()).replace(/[^\d.-]/g, ''))).toBe(interest);
});

test('the email draft is a mailto with its subject and the overdue total', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await overdueCustomer(app);
  const href = await page.getByTestId('email-link').getAttribute('href');
  expect(href.startsWith('mailto:')).toBe(true);
  const query = new URLSearchParams(href.slice(href.indexOf('?') + 1).replaceAll('+', '%2B'));
  const subject = query.get('subject');
  const body = query.get('body');
  expect(subject.length).toBeGreaterThan(3);
  expect(body).toContain('\r\n');
  // The total is the statement's overdue total as of today.
  await page.getByTestId('statement-link').click();
  const overdue = (await page.getByTestId('total-overdue').first().innerText()).trim();
  expect(body).toContain(overdue);
  // The SMS text is there to copy.
  await page.goBack();
  await page.getByTestId('sms-show').click();
  await expect(page.getByTestId('sms-text')).not.toHaveValue('');
});

test('a template naming an unknown placeholder is refused, naming it, and nothing is saved', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(MANAGER);
  const before = await journalEvents(app);
  await app.go('nav_policy');
  await page.getByTestId('open-templates').click();
  await page.getByTestId('edit-friendly-email-en').click();
  await expect(page.getByTestId('template-heading')).toContainText('en');
  await page.getByTestId('template-body').fill('Dear {contact}, you owe {balance}.');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-body-error')).toHaveText(L.EN.rej_unknown_placeholder.replace('{name}', 'balance'));
  await page.getByTestId('template-subject').fill('Reminder {customer');
  await page.getByTestId('template-body').fill('Dear {contact}, {total_overdue} is overdue.');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-subject-error')).toContainText('10');
  expect(await journalEvents(app), 'refused templates save nothing').toBe(before);
  // Put right, it is saved as a new version of the strategy.
  await app.go('nav_policy');
  await page.getByTestId('open-templates').click();
  await page.getByTestId('edit-friendly-email-en').click();
  await page.getByTestId('template-body').fill('Dear {contact}, {total_overdue} is overdue.');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-saved')).not.toHaveText('');
  expect(await journalEvents(app)).toBe(before + 1);
  await expectNoSeriousViolations(page, 'the template editor');
});

test('the statement and the letter in Chinese at 360 px, with no serious axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  const name = await overdueCustomer(app);
  await app.languageButton().click();
  app.use(ZH);
  await page.getByTestId('statement-link').click();
  const statement = page.getByTestId('statement');
  await expect(statement).toBeVisible();
  await page.getByTestId('doc-lang').selectOption('zh-CN');
  await page.getByTestId('doc-show').click();
  await expect(statement.getByRole('heading', { level: 1 })).toHaveText(L.ZH.statement_title);
  await expect(statement).toContainText(L.ZH.company_missing);
  await expect(page.getByTestId('addressee')).toContainText(name);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(360);
  await expectNoSeriousViolations(page, 'the statement of account in Chinese at 360 px');
  await page.goBack();
  await page.goBack();
  await page.getByTestId('letter-link').click();
  await expect(page.getByTestId('letter')).toHaveAttribute('lang', /zh-CN|en/);
  await expect(page.getByTestId('letter-totals').first()).toContainText(/逾期合计|Total overdue/);
  await expectNoSeriousViolations(page, 'a letter at 360 px');
});

test('the late-interest rates are edited in the strategy: a rate over 100% is refused, nothing saved', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(MANAGER);
  const before = await journalEvents(app);
  await app.go('nav_policy');
  await page.getByTestId('open-templates').click();
  // The default table: 8% a year from 2020-01-01, and an empty row to add one.
  await expect(page.getByTestId('rate-from-0')).toHaveValue('2020-01-01');
  await expect(page.getByTestId('rate-percent-0')).toHaveValue('8');
  await page.getByTestId('rate-from-1').fill('2026-01-01');
  await page.getByTestId('rate-percent-1').fill('150');
  await page.getByTestId('rates-save').click();
  await expect(page.getByTestId('rates-error')).toHaveText(L.EN.strategy_rate_range.replace('{rate}', '2'));
  await page.getByTestId('rate-percent-1').fill('abc');
  await page.getByTestId('rates-save').click();
  await expect(page.getByTestId('rates-error')).not.toHaveText('');
  expect(await journalEvents(app), 'refused rates save nothing').toBe(before);
  await app.go('nav_policy');
  await page.getByTestId('open-templates').click();
  await page.getByTestId('rate-from-1').fill('2026-01-01');
  await page.getByTestId('rate-percent-1').fill('10');
  await page.getByTestId('rates-save').click();
  await expect(page.getByTestId('rates-saved')).not.toHaveText('');
  expect(await journalEvents(app)).toBe(before + 1);
  await app.go('nav_policy');
  await page.getByTestId('open-templates').click();
  await expect(page.getByTestId('rate-percent-1')).toHaveValue('10');
});
