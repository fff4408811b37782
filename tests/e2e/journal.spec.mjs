// The journal people read (issue 9, "Screens people read"): every entry of demo S told as a
// sentence with its customer and amount, in English and in Chinese with no raw event names;
// filters by customer, kind and dates that keep paging and survive a reload; the customer's
// name a link to its page; and bad filter input named beside its field, never a blank page.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, JOURNAL, fill, cents, currencyPrefix } from './pages.mjs';
import { prefixPort, PREFIX } from '../../playwright.config.mjs';

const J = JOURNAL;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DAY = '\\d{4}-\\d{2}-\\d{2}';
const CNY = '¥[\\d,]+\\.\\d{2}';

/** Every stored kind tag: none may show on the page (nor a `×` count). */
const KIND_TAGS = [
  'CustomerRegistered', 'CustomerUpdated', 'InvoiceIssued', 'PaymentReceived', 'CreditNoteIssued',
  'InvoiceWrittenOff', 'OrderOpened', 'OrderClosed', 'DisputeOpened', 'DisputeResolved',
  'CreditRecordAdded', 'PolicyChanged', 'UserAdded', 'UserChanged', 'LimitRequested', 'LimitApproved',
  'LimitRejected', 'LimitLapsed', 'HoldPlaced', 'HoldReleased', 'OrderReleased', 'WidgetOriginsSet',
];

async function expectNoRawNames(journal) {
  const text = await journal.table().innerText();
  for (const tag of KIND_TAGS) expect(text, `the journal shows no "${tag}"`).not.toContain(tag);
  expect(text).not.toContain('×');
}

/** A CNY demo customer with a balance (so with invoices): { name, number }. */
async function someCustomer(app) {
  const list = app.customers();
  await list.open();
  const row = (await list.rows()).find((r) => currencyPrefix(r[EN.col_balance]) === '¥' && cents(r[EN.col_balance]) > 0n);
  expect(row, 'a CNY demo customer with a balance').toBeTruthy();
  return { name: row[EN.col_name], number: row[EN.col_number] };
}

/** The invoice sentence of `template` for `name`, as a pattern; groups: issue date, due date. */
function invoicePattern(template, name) {
  const pattern = escapeRegExp(template)
    .replace('\\{number\\}', 'INV-\\S+')
    .replace('\\{customer\\}', escapeRegExp(name))
    .replace('\\{date\\}', `(${DAY})`)
    .replace('\\{amount\\}', CNY)
    .replace('\\{due\\}', `(${DAY})`);
  return new RegExp(`^${pattern}$`);
}

test('journal: sentences in English and Chinese, filtered by customer, kind and dates, linked to the customer', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new App(page, EN);
  await app.loadDemoS();
  const customer = await someCustomer(app);
  const journal = app.journal();
  await journal.open();
  const entries = await journal.events(1);
  expect(entries).toBeGreaterThan(100);
  // The newest 50 of demo S's one event, each a sentence; no stored kind names.
  await expect(journal.entries()).toHaveCount(50);
  await expect(journal.matching()).toHaveText(fill(J.EN.matching, { count: entries.toLocaleString('en-US'), shown: 50 }));
  await expectNoRawNames(journal);
  await journal.older().click();
  await expect(journal.entries()).toHaveCount(100);

  // By customer (its number, as the suggestion puts it): every entry names it, as a link.
  await journal.customer().fill(customer.number);
  await journal.apply();
  await expect(page).toHaveURL(new RegExp(`/journal\\?customer=${customer.number}$`));
  await expect(journal.entries().first()).toBeVisible();
  const links = journal.table().getByTestId('entry-customer');
  expect(await links.count()).toBe(await journal.entries().count());
  for (const name of await links.allInnerTexts()) expect(name).toBe(customer.name);

  // And by kind: its invoices, each "Invoice … issued to <customer> on … for ¥…, due …".
  await journal.kind().selectOption('InvoiceIssued');
  await journal.apply();
  await expect(page).toHaveURL(/[?&]kind=InvoiceIssued(&|$)/);
  const english = invoicePattern(J.EN.s_invoice_issued, customer.name);
  const sentences = await journal.sentences().allInnerTexts();
  expect(sentences.length).toBeGreaterThan(0);
  for (const sentence of sentences) expect(sentence).toMatch(english);

  // And by dates: only the invoices issued on the newest one's day; the filter survives a reload.
  const day = english.exec(sentences[0])[1];
  await journal.from().fill(day);
  await journal.to().fill(day);
  await journal.apply();
  await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}$`));
  await app.reload();
  await journal.ready();
  await expect(journal.kind()).toHaveValue('InvoiceIssued');
  await expect(journal.customer()).toHaveValue(customer.number);
  const onDay = await journal.sentences().allInnerTexts();
  expect(onDay.length).toBeGreaterThan(0);
  expect(onDay.length).toBeLessThanOrEqual(sentences.length);
  for (const sentence of onDay) expect(english.exec(sentence)?.[1]).toBe(day);

  // In Chinese: the same entries in Chinese words, no English event names; the kinds too.
  await app.languageButton().click();
  app.use(ZH);
  await expect(app.heading(ZH.journal_title)).toBeVisible();
  const chinese = invoicePattern(J.ZH.s_invoice_issued, customer.name);
  const zhSentences = await journal.sentences().allInnerTexts();
  expect(zhSentences).toHaveLength(onDay.length);
  for (const sentence of zhSentences) expect(sentence).toMatch(chinese);
  await expectNoRawNames(journal);
  await expect(journal.kind().locator('option:checked')).toHaveText(J.ZH.kind_invoice_issued);
  await expect(page.getByRole('columnheader', { name: J.ZH.col_what, exact: true })).toBeVisible();
  await app.languageButton().click();
  app.use(EN);

  // The customer's name opens its page.
  await links.first().click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  await expect(app.customer().name()).toHaveText(customer.name);

  // And the customer page's "journal of this customer" comes back with the filter.
  await page.getByTestId('action-journal').click();
  await expect(page).toHaveURL(new RegExp(`/journal\\?customer=${customer.number}$`));
  await journal.ready();
  for (const name of await links.allInnerTexts()) expect(name).toBe(customer.name);

  // By who acted: a demo profile named by the entries' own `by`.
  await journal.clear();
  await expect(page).toHaveURL(/\/journal$/);
  await journal.ready();
  const actors = await journal.actor().locator('option').allInnerTexts();
  expect(actors[0]).toBe(J.EN.filter_anyone);
  const actor = actors.find((name) => name !== 'user' && name !== J.EN.filter_anyone);
  await journal.actor().selectOption({ label: actor });
  await journal.apply();
  await expect(page).toHaveURL(new RegExp(`/journal\\?actor=${encodeURIComponent(actor)}$`));
  const byActor = await journal.rows();
  expect(byActor.length).toBeGreaterThan(0);
  for (const entry of byActor) expect(entry[J.EN.col_who]).toBe(actor);

  // A kind filter keeps paging: older adds invoices, still only invoices.
  await journal.clear();
  await expect(page).toHaveURL(/\/journal$/);
  await journal.ready();
  await journal.kind().selectOption('InvoiceIssued');
  await journal.apply();
  await expect(journal.entries()).toHaveCount(50);
  await journal.older().click();
  await expect(journal.entries()).toHaveCount(100);
  for (const sentence of await journal.sentences().allInnerTexts()) {
    // An amount is a symbol and figure (¥1,234.00) or, without a symbol, a code (SGD 1,234.00).
    expect(sentence).toMatch(new RegExp(`^Invoice INV-\\S+ issued to .+ on ${DAY} for (?:[A-Z]{3} )?\\S+, due ${DAY}\\.$`));
  }
});

test('journal: bad filter input is named beside its field; a bad link says what is wrong', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const journal = app.journal();
  await journal.open();
  await journal.events(1);

  await journal.from().fill('2026-13-45');
  await journal.apply();
  await expect(journal.error('filter-from')).toHaveText(fill(EN.err_no_such_date, { date: '2026-13-45' }));
  await expect(journal.from()).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/journal$/); // nothing applied
  await journal.from().fill('20261102');
  await journal.apply();
  await expect(journal.error('filter-from')).toHaveText(EN.err_date);

  await journal.from().fill('2026-03-01');
  await journal.to().fill('2026-02-01');
  await journal.apply();
  await expect(journal.error('filter-from')).toHaveCount(1);
  await expect(journal.error('filter-from')).toHaveText('');
  await expect(journal.error('filter-to')).toHaveText(fill(J.EN.err_dates_reversed, { from: '2026-03-01', to: '2026-02-01' }));
  await expect(page).toHaveURL(/\/journal$/);

  await journal.to().fill('');
  await journal.customer().fill('nobody at all');
  await journal.apply();
  await expect(journal.error('filter-customer')).toHaveText(fill(J.EN.err_no_customer, { text: 'nobody at all' }));
  await journal.customer().fill('C0000');
  await journal.apply();
  await expect(journal.error('filter-customer')).toHaveText(fill(J.EN.err_several_customers, { text: 'C0000', count: 50 }));
  await expect(page).toHaveURL(/\/journal$/);

  // A hand-edited address: the fault named, no rows, the page still working.
  await app.goto('/journal?from=2026-02-30');
  await expect(page.getByTestId('filter-error')).toHaveText(fill(J.EN.err_link, { message: fill(EN.err_no_such_date, { date: '2026-02-30' }) }));
  await expect(journal.entries()).toHaveCount(0);
  await app.goto('/journal?kind=LimitRequested%C3%971');
  await expect(page.getByTestId('filter-error')).toHaveText(fill(J.EN.err_link, { message: fill(J.EN.err_link_kind, { kind: 'LimitRequested×1' }) }));
  await app.goto('/journal?customer=NOPE');
  await expect(page.getByTestId('filter-error')).toHaveText(fill(J.EN.err_link, { message: fill(J.EN.err_link_customer, { number: 'NOPE' }) }));
  await journal.clear();
  await journal.ready();
  await expect(journal.entries()).toHaveCount(50);
});

test('journal in a sub-folder: the filter and the customer links stay under the folder', async ({ page }) => {
  const root = `http://127.0.0.1:${prefixPort}${PREFIX}`;
  const app = new App(page, EN);
  await app.goto(root);
  await app.welcome().loadDemo('S');
  await expect(app.overview().root()).toBeVisible({ timeout: 30_000 });
  const journal = app.journal();
  await journal.open();
  await expect(page).toHaveURL(`${root}journal`);
  await journal.kind().selectOption('InvoiceIssued');
  await journal.apply();
  await expect(page).toHaveURL(`${root}journal?kind=InvoiceIssued`);
  const link = journal.table().getByTestId('entry-customer').first();
  await expect(link).toHaveAttribute('href', new RegExp(`^${PREFIX}customers/\\d+$`));
  const name = await link.innerText();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`^${root}customers/\\d+$`));
  await expect(app.customer().name()).toHaveText(name);
  await page.getByTestId('action-journal').click();
  await expect(page).toHaveURL(new RegExp(`^${root}journal\\?customer=C\\d+$`));
  await journal.ready();
  await journal.clear();
  await expect(page).toHaveURL(`${root}journal`);
});
