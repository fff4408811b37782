// Page objects and helpers for Creditdesk's end-to-end tests.
//
// Texts come straight from app/src/i18n.rs (parsed at load time), so a test asserts exactly
// what a user reads and a changed translation cannot drift from the tests. Elements are found
// by role and accessible name first, then by data-testid; never by HTML/CSS structure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// ---------------------------------------------------------------------------------------------
// i18n: the ZH and EN tables of app/src/i18n.rs
// ---------------------------------------------------------------------------------------------

const I18N_RS = fileURLToPath(new URL('../../app/src/i18n.rs', import.meta.url));

function parseTable(source, name, struct = 'Texts', minKeys = 100, under = {}) {
  const start = source.indexOf(`pub static ${name}: ${struct} = ${struct} {`);
  if (start < 0) throw new Error(`i18n: table ${struct} ${name} not found`);
  const end = source.indexOf('\n};', start);
  const body = source.slice(start, end);
  const table = { ...under };
  for (const m of body.matchAll(/^\s+([a-z0-9_]+):\s*"((?:[^"\\]|\\.)*)",\s*$/gm)) {
    table[m[1]] = JSON.parse(`"${m[2]}"`);
  }
  if (Object.keys(table).length < minKeys) throw new Error(`i18n: table ${struct} ${name} parsed only ${Object.keys(table).length} keys`);
  return new Proxy(table, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target)) throw new Error(`i18n.rs ${name}: no text "${key}"`);
      return target[key];
    },
  });
}

const source = readFileSync(I18N_RS, 'utf8');
const i18nFile = (file) => readFileSync(fileURLToPath(new URL(`../../app/src/i18n/${file}.rs`, import.meta.url)), 'utf8');
// The desk's `Texts` stand on `RejectionTexts`, which stand on `CommonTexts` (the app reads
// through with Deref): the tests read one table with all three.
const standing = (name) => {
  const common = parseTable(i18nFile('common'), name, 'CommonTexts', 20);
  return parseTable(i18nFile('rejections'), name, 'RejectionTexts', 20, { ...common });
};
export const EN = parseTable(source, 'EN', 'Texts', 100, { ...standing('EN') });
export const ZH = parseTable(source, 'ZH', 'Texts', 100, { ...standing('ZH') });

/** The per-area tables in app/src/i18n/<file>.rs, e.g. `areaTexts('desk', 'DeskTexts')`. */
export function areaTexts(file, struct) {
  const text = i18nFile(file);
  return { EN: parseTable(text, 'EN', struct, 1), ZH: parseTable(text, 'ZH', struct, 1) };
}
/** Shared credit vocabulary: roles, verdicts, check reasons, limit rejections. */
export const VOCAB = areaTexts('vocab', 'VocabTexts');
/** Limit, approval and user screens. */
export const DESK = areaTexts('desk', 'DeskTexts');
/** Field-sales check and widget. */
export const FIELD = areaTexts('field', 'FieldTexts');
/** Collections: the worklist, reminders, promises. */
export const COLLECTIONS = areaTexts('collections', 'CollectionsTexts');
/** Disputes, write-offs with four eyes, payment plans. */
export const PLANS = areaTexts('plans', 'PlansTexts');
/** The messages of their rejections. */
export const PLAN_REJECTIONS = areaTexts('plan_rejections', 'PlanRejectionTexts');
/** The journal's sentences, kinds and page. */
export const JOURNAL = areaTexts('journal', 'JournalTexts');
/** Alerts: rules, reasons, the hold banner, the alerts list. */
export const ALERTS = areaTexts('alerts', 'AlertsTexts');

/** Same as the app's `fill`: replaces `{key}` placeholders. */
/** "1 customer", "1,000 customers" (issue 9), in the language of `t`. */
export function customersCount(t, count) {
  return count === 1 ? t.results_count_one : fill(t.results_count, { count: count.toLocaleString('en-US') });
}

export function fill(template, values) {
  let text = template;
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{${key}}`, String(value));
  return text;
}

// ---------------------------------------------------------------------------------------------
// Money: exact string <-> integer cents (BigInt), never floats
// ---------------------------------------------------------------------------------------------

/**
 * The two number formats of Settings → Number format: the grouping and decimal separators
 * (app/src/numbers.rs stores them as 'point' / 'comma'). Helpers default to 'point', the
 * default of both languages.
 */
export const FORMATS = { point: { group: ',', decimal: '.' }, comma: { group: '.', decimal: ',' } };

function separators(format) {
  const found = FORMATS[format];
  if (!found) throw new Error(`no number format ${JSON.stringify(format)}`);
  return found;
}

const escapeChar = (c) => `\\${c}`;

/** "¥1,234.56" / "-¥12.00" / "$0.50" (or "¥1.234,56" in 'comma') -> cents as BigInt. Throws on anything else. */
export function cents(text, format = 'point') {
  const { group, decimal } = separators(format);
  const pattern = new RegExp(`^(-)?([^\\d\\s-]*)\\s?(\\d{1,3}(?:${escapeChar(group)}\\d{3})*)${escapeChar(decimal)}(\\d{2})$`);
  const m = pattern.exec(String(text).trim());
  if (!m) throw new Error(`not a formatted money amount (${format}): ${JSON.stringify(text)}`);
  const value = BigInt(m[3].replaceAll(group, '')) * 100n + BigInt(m[4]);
  return m[1] ? -value : value;
}

/** The currency prefix of a formatted amount ("¥", "$", "€"...). */
export function currencyPrefix(text) {
  return /^-?([^\d\s-]*)/.exec(String(text).trim())[1];
}

/** cents (BigInt) -> "¥1,234.56" like the app's Money::format ("¥1.234,56" in 'comma'). */
export function formatMoney(value, prefix = '¥', format = 'point') {
  const { group, decimal } = separators(format);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${prefix}${whole}${decimal}${frac}`;
}

/** cents (BigInt) -> "1234.56" (a plain decimal, as typed into a form or as Decimal prints; "1234,56" in 'comma'). */
export function plainAmount(value, format = 'point') {
  const { decimal } = separators(format);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}${decimal}${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * A shown percentage in either number format ("166.7%", "1,214.1%", "1.214,1%") -> tenths of a
 * percent (BigInt). Every percentage has exactly one decimal (core display::format_percent),
 * so the separator before the last digit is the decimal one; anything else throws.
 */
export function percentTenths(text) {
  const m = /^(-)?(\d{1,3}(?:[.,]\d{3})*)[.,](\d)%$/.exec(String(text).trim());
  if (!m) throw new Error(`not a percentage with one decimal: ${JSON.stringify(text)}`);
  const value = BigInt(m[2].replace(/[.,]/g, '') + m[3]);
  return m[1] ? -value : value;
}

/** Adds days to a YYYY-MM-DD date string (UTC arithmetic, no time-zone drift). */
export function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Tables: read rows as objects keyed by column header (robust to hidden narrow columns)
// ---------------------------------------------------------------------------------------------

async function readTable(table) {
  await expect(table).toBeVisible();
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const rows = [];
  for (const row of await table.getByRole('row').all()) {
    const cells = row.getByRole('cell');
    if ((await cells.count()) === 0) continue; // the header row
    const texts = (await cells.allInnerTexts()).map((c) => c.trim());
    const record = {};
    headers.forEach((header, i) => { record[header] = texts[i]; });
    rows.push(record);
  }
  return rows;
}

/** The value shown by a headline figure (its label is the first line, the value the last). */
async function figureValue(figure) {
  await expect(figure).toBeVisible();
  const lines = (await figure.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1];
}

// ---------------------------------------------------------------------------------------------
// The app shell
// ---------------------------------------------------------------------------------------------

export class App {
  /** @param {import('@playwright/test').Page} page */
  constructor(page, t = EN) {
    this.page = page;
    this.t = t;
  }

  /** Switches the texts used by later look-ups (after a language change). */
  use(t) {
    this.t = t;
    return this;
  }

  nav() {
    return this.page.getByRole('navigation', { name: this.t.app_name });
  }

  navLink(key) {
    return this.nav().getByRole('link', { name: this.t[key], exact: true });
  }

  languageButton() {
    return this.page.getByTestId('switch-language');
  }

  offlineBadge() {
    return this.page.getByTestId('offline-badge');
  }

  heading(text) {
    return this.page.getByRole('heading', { level: 1, name: text, exact: true });
  }

  /** Loads a path and waits until the app has left its loading phase. */
  async goto(path = '/') {
    await this.page.goto(path);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  async ready() {
    await expect(this.page.getByTestId('switch-language')).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: this.t.loading })).toHaveCount(0);
  }

  async go(key) {
    await this.navLink(key).click();
  }

  welcome() { return new Welcome(this); }
  overview() { return new Overview(this); }
  customers() { return new CustomerList(this); }
  customer() { return new CustomerPage(this); }
  journal() { return new JournalPage(this); }
  customerForm() { return new CustomerForm(this); }
  invoiceForm() { return new InvoiceForm(this); }
  paymentForm() { return new PaymentForm(this); }
  creditNoteForm() { return new CreditNoteForm(this); }
  settings() { return this.page.getByTestId('settings'); }
  help() { return this.page.getByTestId('help'); }

  /** Fresh start: open the app, see the welcome, load demo S and land on the overview. */
  async loadDemoS() {
    await this.goto('/');
    await this.welcome().loadDemo('S');
    await expect(this.overview().root()).toBeVisible({ timeout: 30_000 });
  }
}

/** The names of the .wasm files the page fetched, e.g. ['creditdesk-field']. */
export function wasmBundles(page) {
  const seen = new Set();
  page.on('request', (request) => {
    const match = /\/(creditdesk-[a-z]+)-[0-9a-f]{10,16}_bg\.wasm$/.exec(new URL(request.url()).pathname);
    if (match) seen.add(match[1]);
  });
  return () => [...seen].sort();
}

/** Waits until a service worker is active and controls this page (one reload if needed). */
export async function controlledByServiceWorker(app) {
  const { page } = app;
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await app.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

export class Welcome {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('welcome'); }
  loadButton(size) {
    return this.page.getByRole('button', { name: this.app.t[`load_demo_${size.toLowerCase()}`] });
  }
  async loadDemo(size) {
    await expect(this.app.heading(this.app.t.welcome_title)).toBeVisible();
    await this.loadButton(size).click();
  }
}

export class Overview {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('home'); }
  card(currency = 'CNY') { return this.page.getByTestId(`summary-${currency}`); }
  /** A figure of one currency's card by its test id ('customers-overdue', …): a link to the
   *  customer list filtered to what it counts. */
  figure(testid, currency = 'CNY') { return this.card(currency).getByTestId(testid); }
  /** A count figure's value as a number ("1,234" → 1234). */
  async count(testid, currency = 'CNY') {
    return Number((await figureValue(this.figure(testid, currency))).replaceAll(',', ''));
  }
  /** { total, overdue, share } as displayed for one currency. */
  async figures(currency = 'CNY') {
    const card = this.card(currency);
    await expect(card.getByRole('heading', { name: currency })).toBeVisible();
    return {
      total: await figureValue(card.getByTestId('total-receivables')),
      overdue: await figureValue(card.getByTestId('overdue-amount')),
      share: await figureValue(card.getByTestId('overdue-share')),
    };
  }
}

export class CustomerList {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('customer-list'); }
  search() { return this.page.getByRole('searchbox', { name: this.app.t.search_label }); }
  overdueOnly() { return this.page.getByRole('checkbox', { name: this.app.t.overdue_only }); }
  sort() { return this.page.getByRole('combobox', { name: this.app.t.sort_label }); }
  table() { return this.page.getByTestId('customer-table'); }
  resultsCount() { return this.page.getByTestId('results-count'); }
  pageText() { return this.page.getByTestId('page'); }
  newCustomer() { return this.page.getByRole('link', { name: this.app.t.new_customer }); }
  async open() {
    await this.app.go('nav_customers');
    await expect(this.app.heading(this.app.t.customers_title)).toBeVisible();
  }
  /** Rows as { Number, Name, Balance, Overdue, ..., Limit, Utilisation, Grade } keyed by the
   *  visible column headers. A foreign balance's base-currency equivalent (its second line,
   *  "≈ ¥…") is `inBase`; the utilisation is also `utilisationTenths`, tenths of a percent
   *  (BigInt, "166.7%" → 1667n), or null where it shows "—". */
  async rows() {
    const { col_balance: balance, col_utilisation: utilisation } = this.app.t;
    return (await readTable(this.table())).map((row) => {
      const [own, base] = String(row[balance]).split('\n');
      const shown = base && base.startsWith('≈') ? { ...row, [balance]: own, inBase: base.slice(1).trim() } : { ...row };
      shown.utilisationTenths = row[utilisation] === '—' ? null : percentTenths(row[utilisation]);
      return shown;
    });
  }
  /** The filters in force shown above the table (currency, criteria), as their labels. */
  async filters() {
    const chips = this.root().getByTestId('filter-chip');
    return (await chips.allInnerTexts()).map((text) => text.replace(/\s*✕$/, '').trim());
  }
  /** Takes one filter off by its label (the button is named "Remove filter: …"). */
  async removeFilter(label) {
    await this.root().getByRole('button', { name: fill(this.app.t.remove_filter, { filter: label }), exact: true }).click();
  }
  /** Expects the results count to say `count` customers. */
  async expectCount(count) {
    await expect(this.resultsCount()).toHaveText(customersCount(this.app.t, count));
  }
  async openCustomer(name) {
    await this.table().getByRole('link', { name, exact: true }).click();
    await expect(this.app.customer().name()).toHaveText(name);
  }
}

export class CustomerPage {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('customer-page'); }
  name() { return this.page.getByTestId('customer-name'); }
  async figure(testid) { return figureValue(this.root().getByTestId(testid)); }
  async balance() { return this.figure('balance'); }
  async openReceivables() { return this.figure('open-receivables'); }
  agingTable() {
    return this.root().getByTestId('aging').getByRole('table', { name: this.app.t.aging });
  }
  /** The aging legend: [{ label, amount, share }] in bucket order. */
  async aging() {
    const table = this.agingTable();
    await expect(table).toBeVisible();
    const out = [];
    for (const row of await table.getByRole('row').all()) {
      const label = (await row.getByRole('rowheader').innerText()).trim();
      const [amount, share] = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      out.push({ label, amount, share });
    }
    return out;
  }
  async openInvoices() { return readTable(this.root().getByTestId('open-invoices')); }
  async payments() { return readTable(this.root().getByTestId('payments')); }
  async creditNotes() { return readTable(this.root().getByTestId('credit-notes')); }
  action(key) { return this.root().getByRole('link', { name: this.app.t[key], exact: true }); }
  async recordPayment() { await this.action('record_payment').click(); await expect(this.app.paymentForm().form()).toBeVisible(); }
  async issueInvoice() { await this.action('issue_invoice').click(); await expect(this.app.invoiceForm().form()).toBeVisible(); }
  async issueCreditNote() { await this.action('issue_credit_note').click(); await expect(this.app.creditNoteForm().form()).toBeVisible(); }
  /** Every figure on the page, for "nothing changed" comparisons. */
  async snapshot() {
    const figures = {};
    for (const id of ['balance', 'open-receivables', 'customer-overdue', 'exposure', 'unapplied-cash', 'dbt']) {
      figures[id] = await this.figure(id);
    }
    return {
      figures,
      aging: await this.aging(),
      openInvoices: await this.openInvoices(),
      payments: await this.payments(),
      creditNotes: await this.creditNotes(),
    };
  }
}

class Form {
  constructor(app, testid) { this.app = app; this.page = app.page; this.testid = testid; }
  form() { return this.page.getByTestId(this.testid); }
  field(labelKey) { return this.form().getByLabel(this.app.t[labelKey], { exact: true }); }
  error(testid) { return this.form().getByTestId(`${testid}-error`); }
  formError() { return this.form().getByTestId('form-error'); }
  saveButton() { return this.form().getByRole('button', { name: this.app.t.save, exact: true }); }
  async save() {
    await expect(this.saveButton()).toBeEnabled();
    await this.saveButton().click();
  }
  /** Submits and expects to stay on the form with `message` beside the field `testid`. */
  async expectRejected(testid, message) {
    await this.save();
    await expect(this.error(testid)).toHaveText(message);
    await expect(this.form()).toBeVisible();
  }
  /** Submits and expects to land on the customer page. */
  async saveAndReturn() {
    await this.save();
    await expect(this.app.customer().root()).toBeVisible();
  }
}

export class CustomerForm extends Form {
  constructor(app) { super(app, 'customer-form'); }
  number() { return this.field('customer_number'); }
  name() { return this.field('name'); }
  country() { return this.field('country'); }
  currency() { return this.field('currency'); }
  terms() { return this.field('payment_terms'); }
  since() { return this.field('registered_on'); }
}

export class InvoiceForm extends Form {
  constructor(app) { super(app, 'invoice-form'); }
  number() { return this.field('invoice_number'); }
  issueDate() { return this.field('issue_date'); }
  terms() { return this.field('payment_terms'); }
  dueDate() { return this.field('due_date'); }
  currency() { return this.field('currency'); }
  amount() { return this.field('amount'); }
}

class AllocatingForm extends Form {
  allocation(key) {
    return this.form().getByRole('group', { name: this.app.t.allocation })
      .getByRole('radio', { name: this.app.t[key], exact: true });
  }
  oldestFirst() { return this.allocation('allocation_oldest_first'); }
  toInvoice() { return this.allocation('allocation_to_invoice'); }
  unapplied() { return this.allocation('allocation_unapplied'); }
  invoiceSelect() { return this.form().getByRole('combobox', { name: this.app.t.choose_invoice }); }
  /** Picks "to one invoice" and the option whose label starts with the invoice number. */
  async allocateTo(invoiceNumber) {
    await this.toInvoice().check();
    const select = this.invoiceSelect();
    await expect(select).toBeVisible();
    const option = select.getByRole('option', { name: new RegExp(`^${invoiceNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `) });
    await expect(option).toHaveCount(1);
    await select.selectOption({ label: (await option.innerText()).trim() });
  }
}

export class PaymentForm extends AllocatingForm {
  constructor(app) { super(app, 'payment-form'); }
  date() { return this.field('payment_date'); }
  amount() { return this.field('amount'); }
  reference() { return this.field('reference'); }
}

export class CreditNoteForm extends AllocatingForm {
  constructor(app) { super(app, 'credit-note-form'); }
  number() { return this.field('credit_number'); }
  date() { return this.field('payment_date'); }
  amount() { return this.field('amount'); }
  reason() { return this.field('reason'); }
}

export class JournalPage {
  constructor(app) { this.app = app; this.page = app.page; }
  /** The journal's texts in the app's current language. */
  get j() { return this.app.t === ZH ? JOURNAL.ZH : JOURNAL.EN; }
  root() { return this.page.getByTestId('journal'); }
  async open() {
    await this.app.go('nav_journal');
    await expect(this.app.heading(this.app.t.journal_title)).toBeVisible();
    await this.ready();
  }
  /** Waits until the journal has been read (the first read of demo L takes seconds). */
  async ready() {
    await expect(this.page.getByTestId('journal-counts')).toBeVisible({ timeout: 30_000 });
  }
  table() { return this.page.getByTestId('journal-table'); }
  entries() { return this.table().getByTestId('journal-entry'); }
  sentences() { return this.table().getByTestId('entry-sentence'); }
  /** Waits until the journal holds `count` events; returns the entry count it shows. */
  async events(count) {
    const counts = this.page.getByTestId('journal-counts');
    const [before, after] = fill(this.j.counts, { events: count, entries: '\u0000' }).split('\u0000');
    await expect(counts).toHaveText(new RegExp(`^${escapeRegExp(before)}[\\d,]+${escapeRegExp(after)}$`));
    const text = await counts.innerText();
    return Number(text.slice(before.length, text.length - after.length).replaceAll(',', ''));
  }
  /** The shown entries, newest first, keyed by column header. */
  async rows() { return readTable(this.table()); }
  /** The newest entry's sentence. */
  async newest() { return (await this.sentences().first().innerText()).trim(); }
  matching() { return this.page.getByTestId('journal-matching'); }
  filterField(testid) { return this.page.getByTestId(testid); }
  customer() { return this.filterField('filter-customer'); }
  actor() { return this.filterField('filter-actor'); }
  kind() { return this.filterField('filter-kind'); }
  from() { return this.filterField('filter-from'); }
  to() { return this.filterField('filter-to'); }
  error(testid) { return this.page.getByTestId(`${testid}-error`); }
  async apply() { await this.filterField('filter-apply').click(); }
  async clear() { await this.filterField('filter-clear').click(); }
  older() { return this.page.getByTestId('older'); }
  async verify() {
    await this.root().getByRole('button', { name: this.app.t.verify_integrity }).click();
  }
  result() { return this.page.getByTestId('verify-result'); }
  /** Verifies and expects "intact" with `count` events. */
  async expectIntact(count) {
    await this.verify();
    await expect(this.result()).toHaveText(fill(this.app.t.verify_ok, { count }));
  }
}

// ---------------------------------------------------------------------------------------------
// Credit file, credit-record forms and the credit policy (issue 3)
// ---------------------------------------------------------------------------------------------

/**
 * A shown decimal ("+17.5", "-3", "4.07", "1,234.5", "60.0%") -> an integer count of
 * 10^-places units (BigInt), exactly. Throws on anything else, or on more decimals than
 * `places` (so a figure shown with too much precision is caught, not rounded away).
 */
export function decimalUnits(text, places) {
  const m = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?%?$/.exec(String(text).trim());
  if (!m) throw new Error(`not a shown decimal: ${JSON.stringify(text)}`);
  const frac = m[3] || '';
  if (frac.length > places) throw new Error(`${JSON.stringify(text)} has more than ${places} decimals`);
  const value = BigInt(m[2].replaceAll(',', '') + frac.padEnd(places, '0'));
  return m[1] === '-' ? -value : value;
}

/**
 * numerator / denominator (BigInt, denominator > 0) rounded half away from zero to `places`
 * decimals and printed like the core's format_decimal in the 1,234.56 format ("4.07", "1,234.50", "-0.30").
 */
export function roundedQuotient(numerator, denominator, places) {
  if (denominator <= 0n) throw new Error('roundedQuotient: denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const scale = 10n ** BigInt(places);
  const units = (abs * scale * 2n + denominator) / (denominator * 2n);
  const whole = (units / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = places > 0 ? `.${(units % scale).toString().padStart(places, '0')}` : '';
  return `${negative && units !== 0n ? '-' : ''}${whole}${frac}`;
}

/** The factors in the order of the score card and the policy's weights (core Factor::ALL). */
export const FACTORS = ['FinancialStrength', 'PaymentBehaviour', 'ExternalRating', 'RiskSignals', 'Relationship'];
export const FACTOR_TEXT = {
  FinancialStrength: 'factor_financial',
  PaymentBehaviour: 'factor_payment',
  ExternalRating: 'factor_external',
  RiskSignals: 'factor_signals',
  Relationship: 'factor_relationship',
};

/** Statement lines in form / what-if order: [testid, i18n key]. */
export const STATEMENT_LINES = [
  ['current-assets', 'line_current_assets'],
  ['total-assets', 'line_total_assets'],
  ['current-liabilities', 'line_current_liabilities'],
  ['total-liabilities', 'line_total_liabilities'],
  ['equity', 'line_equity'],
  ['retained-earnings', 'line_retained_earnings'],
  ['inventory', 'line_inventory'],
  ['cash', 'line_cash'],
  ['revenue', 'line_revenue'],
  ['ebit', 'line_ebit'],
  ['net-profit', 'line_net_profit'],
  ['interest-expense', 'line_interest_expense'],
];

export class CreditFile {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('credit-file'); }
  heading() {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(this.app.t.credit_file)} · `) });
  }
  /** The customer page's link "Credit file · Grade X". */
  customerLink() {
    return this.app.customer().root().getByRole('link', {
      name: new RegExp(`^${escapeRegExp(this.app.t.credit_file)} · ${escapeRegExp(this.app.t.grade)} [A-E]$`),
    });
  }
  /** From the customer page: the grade its link shows, then open the credit file. */
  async openFromCustomer() {
    const link = this.customerLink();
    await expect(link).toBeVisible();
    const grade = (await link.innerText()).trim().slice(-1);
    await link.click();
    await expect(this.root()).toBeVisible();
    await expect(this.heading()).toBeVisible();
    return grade;
  }
  scoreCard() { return this.root().getByTestId('score-card'); }
  scoreValue() { return this.scoreCard().getByTestId('score'); }
  grade() { return this.scoreCard().getByTestId('grade'); }
  pd() { return this.scoreCard().getByTestId('pd'); }
  policyVersion() { return this.scoreCard().getByTestId('policy-version'); }
  flagList() { return this.scoreCard().getByTestId('quality-flags'); }
  /** Data-quality flag texts; [] when the card shows none. */
  async flags() {
    const list = this.flagList();
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('listitem').allInnerTexts()).map((f) => f.trim());
  }
  /** { FinancialStrength: { weight, points, contribution }, ... } as displayed. */
  async contributions() {
    const table = this.scoreCard().getByTestId('contributions');
    await expect(table).toBeVisible();
    const out = {};
    for (const factor of FACTORS) {
      const row = table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: this.app.t[FACTOR_TEXT[factor]], exact: true }) });
      await expect(row).toHaveCount(1);
      const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      out[factor] = {
        weight: cells[0],
        points: cells[1],
        contribution: (await table.getByTestId(`contribution-${factor}`).innerText()).trim(),
      };
    }
    return out;
  }
  zScore() { return this.scoreCard().getByTestId('z-score'); }
  /** The ratio table as { label: value }. */
  async ratios() {
    const table = this.scoreCard().getByTestId('ratios');
    await expect(table).toBeVisible();
    const out = {};
    // Each body row: the ratio (row header), its value (first cell), the policy's limit.
    for (const row of await table.locator('tbody tr').all()) {
      out[(await row.getByRole('rowheader').innerText()).trim()] = (await row.getByRole('cell').first().innerText()).trim();
    }
    return out;
  }
  /** The investigation records: one section per kind (`records-statement`, ...). */
  recordsArea() { return this.root().getByTestId('credit-records'); }
  recordSection(kind) { return this.recordsArea().getByTestId(`records-${kind}`); }
  /** Every record row, section by section (statement, report, reference, visit, signal). */
  async records() {
    await expect(this.recordsArea()).toBeVisible();
    await expect(this.recordSection('signal')).toBeVisible();
    const rows = [];
    for (const table of await this.recordsArea().getByRole('table').all()) rows.push(...await readTable(table));
    return rows;
  }
  staleBadges() { return this.recordsArea().getByTestId('stale'); }
  addLink(kind) {
    return this.root().getByRole('link', { name: this.app.t[`add_${kind}`], exact: true });
  }
  async add(kind) {
    await this.addLink(kind).click();
    const form = this.app.creditRecordForm();
    await expect(form.form()).toBeVisible();
    await expect(this.app.heading(this.app.t[`add_${kind}`])).toBeVisible();
    return form;
  }
  // What-if panel
  whatIf() { return this.root().getByTestId('what-if'); }
  async openWhatIf() {
    const panel = this.whatIf();
    if (!(await panel.evaluate((d) => d.open))) await panel.getByText(this.app.t.what_if, { exact: true }).click();
    await expect(this.whatIfResult()).toBeVisible();
  }
  whatIfLine(index) { return this.whatIf().getByTestId(`whatif-line-${index}`); }
  whatIfPaid() { return this.whatIf().getByRole('checkbox'); }
  whatIfResult() { return this.whatIf().getByRole('status'); }
  whatIfHorizon() { return this.whatIf().getByLabel(this.app.t.whatif_horizon, { exact: true }); }
  whatIfPaidNote() { return this.whatIf().getByTestId('whatif-paid-note'); }
  /** { score, grade, was, wasGrade } (and days, for `whatif_result_ahead`) read from the
   *  what-if result text. */
  async whatIfFigures(key = 'whatif_result') {
    const text = (await this.whatIfResult().innerText()).trim();
    const pattern = escapeRegExp(this.app.t[key]).replace('\\{days\\}', '(?<days>\\d+)')
      .replace('\\{score\\}', '(?<score>[\\d,]+\\.\\d)').replace('\\{grade\\}', '(?<grade>[A-E])')
      .replace('\\{was\\}', '(?<was>[\\d,]+\\.\\d)').replace('\\{was_grade\\}', '(?<wasGrade>[A-E])');
    const m = new RegExp(`^${pattern}$`).exec(text);
    if (!m) throw new Error(`what-if result not in the form of whatif_result: ${JSON.stringify(text)}`);
    return { ...m.groups };
  }
  trend() { return this.root().getByRole('img', { name: this.app.t.score_trend, exact: true }); }
  /** The trend's numbers (opens "Show the numbers"): [[date, score, grade], ...] oldest first. */
  async trendRows() {
    const table = this.root().getByTestId('trend-table');
    if (!(await table.isVisible())) await this.root().getByText(this.app.t.show_numbers, { exact: true }).click();
    await expect(table).toBeVisible();
    const rows = [];
    for (const row of await table.getByRole('row').all()) rows.push((await row.getByRole('cell').allInnerTexts()).map((c) => c.trim()));
    return rows;
  }
  /** Everything the score card and the records table show, for "nothing changed" checks. */
  async snapshot() {
    return {
      score: (await this.scoreValue().innerText()).trim(),
      grade: (await this.grade().innerText()).trim(),
      pd: (await this.pd().innerText()).trim(),
      version: (await this.policyVersion().innerText()).trim(),
      flags: await this.flags(),
      contributions: await this.contributions(),
      z: (await this.zScore().innerText()).trim(),
      ratios: await this.ratios(),
      records: await this.records(),
    };
  }
}

export function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

export class CreditRecordForm extends Form {
  constructor(app) { super(app, 'credit-record-form'); }
  date() { return this.form().getByTestId('date'); }
  periodEnd() { return this.field('period_end'); }
  currency() { return this.form().getByRole('combobox', { name: this.app.t.currency, exact: true }); }
  /** A statement line by its i18n key, e.g. line('line_total_assets'). */
  line(key) { return this.field(key); }
  statementError() { return this.form().getByTestId('statement-error'); }
  statementWarning() { return this.form().getByTestId('statement-warning'); }
  /** Fills statement lines: { 'total-assets': '1,000,000', ... } keyed by test id. */
  async fillStatement(values) {
    for (const [testid, key] of STATEMENT_LINES) {
      if (testid in values) {
        const input = this.line(key);
        await expect(input).toHaveAttribute('data-testid', testid);
        await input.fill(values[testid]);
      }
    }
  }
  // Report
  agency() { return this.field('agency'); }
  reportDate() { return this.field('report_date'); }
  rating() { return this.field('rating'); }
  recommendedLimit() { return this.field('recommended_limit'); }
  notes() { return this.field('notes'); }
  // Reference / visit / signal
  choice(key) { return this.form().getByRole('combobox', { name: this.app.t[key], exact: true }); }
  source() { return this.field('source'); }
  findings() { return this.field('findings'); }
  who() { return this.field('who'); }
  /** Submits and expects the credit file again. */
  async saveAndReturnToFile() {
    await this.save();
    await expect(this.app.creditFile().root()).toBeVisible();
  }
}

export class PolicyPage {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('policy'); }
  form() { return this.page.getByTestId('policy-form'); }
  async open() {
    await this.app.go('nav_policy');
    await expect(this.app.heading(this.app.t.policy_title)).toBeVisible();
  }
  async expectVersion(version) {
    await expect(this.root().getByText(fill(this.app.t.policy_current, { version }), { exact: true })).toBeVisible();
  }
  group(key) { return this.form().getByRole('group', { name: this.app.t[key], exact: true }); }
  /** The weight input of a factor (index in FACTORS order). */
  weight(index) {
    return this.group('weights').getByRole('textbox', { name: this.app.t[FACTOR_TEXT[FACTORS[index]]], exact: true });
  }
  cell(testid) { return this.form().getByTestId(testid); }
  bandUpper(set, index) { return this.cell(`${set}-upper-${index}`); }
  bandPoints(set, index) { return this.cell(`${set}-points-${index}`); }
  error() { return this.form().getByTestId('policy-error'); }
  formError() { return this.form().getByTestId('form-error'); }
  saveButton() { return this.form().getByRole('button', { name: this.app.t.save_policy, exact: true }); }
  async save() {
    await expect(this.saveButton()).toBeEnabled();
    await this.saveButton().click();
  }
  async expectRejected(message) {
    await this.save();
    await expect(this.error()).toHaveText(message);
    await expect(this.form()).toBeVisible();
  }
}

App.prototype.creditFile = function creditFile() { return new CreditFile(this); };
App.prototype.creditRecordForm = function creditRecordForm() { return new CreditRecordForm(this); };
App.prototype.policy = function policy() { return new PolicyPage(this); };

/** axe-core finds no serious or critical violation on the page as it stands; `where` names it. */
export async function expectNoSeriousViolations(page, where) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n`
    + v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')).join('\n');
  expect(serious, `axe on ${where}:\n${report}`).toEqual([]);
}
