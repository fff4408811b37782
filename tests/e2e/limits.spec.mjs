// Credit limits, approvals, holds and user profiles (issue 4): profiles and roles; the limit
// policy editor; a customer's recommended limit with every method, its basis and the binding
// method (figures computed by hand); requests and four-eyes approvals through the authority
// matrix; rejections needing a comment; temporary limits with their last day; holds; bad input
// on every form with nothing saved; reload; Chinese texts; a 360 px phone.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, DESK, VOCAB, fill, expectNoSeriousViolations } from './pages.mjs';

const D = DESK.EN;
const V = VOCAB.EN;

/** Today in the browser's local time zone, as the app sees it (YYYY-MM-DD). */
async function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Page objects
// ---------------------------------------------------------------------------------------------

class UsersPage {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('users'); }
  async open() {
    await this.app.page.getByRole('navigation', { name: this.app.t.app_name }).getByRole('link', { name: this.d().nav_users, exact: true }).click();
    await expect(this.app.heading(this.d().users_title)).toBeVisible();
  }
  d() { return this.app.t === ZH ? DESK.ZH : DESK.EN; }
  addForm() { return this.page.getByTestId('add-user-form'); }
  table() { return this.page.getByTestId('users-table'); }
  row(name) { return this.table().getByRole('row').filter({ has: this.page.locator(`input[value="${name}"]`) }); }
  async add(name, roleToken) {
    const form = this.addForm();
    await form.getByLabel(this.d().col_name, { exact: true }).fill(name);
    await form.getByTestId('user-role').selectOption(roleToken);
    await form.getByRole('button', { name: this.d().add_user }).click();
  }
  async names() {
    return this.table().getByTestId('edit-name').evaluateAll((inputs) => inputs.map((i) => i.value));
  }
  async roles() {
    return this.table().getByTestId('edit-role').evaluateAll((selects) => selects.map((s) => s.value));
  }
}

class LimitPage {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('limit-page'); }
  status() { return this.root().getByTestId('limit-status'); }
  kind() { return this.status().getByTestId('limit-kind'); }
  async amount() { return (await this.status().getByTestId('limit-amount').innerText()).split('\n').pop().trim(); }
  verdict() { return this.status().getByTestId('verdict'); }
  /** The grade letter the status line shows after "Grade". */
  async grade() {
    const text = (await this.status().locator('p').first().innerText()).trim();
    return text.slice(-1);
  }
  recommended() { return this.root().getByTestId('recommended'); }
  monthly() { return this.recommended().getByTestId('expected-monthly'); }
  method(token) { return this.recommended().getByTestId(`method-${token}`); }
  recommendedAmount() { return this.recommended().getByTestId('recommended-amount'); }
  requestForm() { return this.root().getByTestId('request-form'); }
  decisionForm() { return this.root().getByTestId('decision-form'); }
  holdForm() { return this.root().getByTestId('hold-form'); }
  history() { return this.root().getByTestId('limit-history'); }
  async request({ amount, reason, until = '' }) {
    const form = this.requestForm();
    await form.getByTestId('request-amount').fill(amount);
    await form.getByTestId('request-reason').fill(reason);
    await form.getByTestId('request-until').fill(until);
    await form.getByTestId('request-submit').click();
  }
  async decide(approve, comment) {
    const form = this.decisionForm();
    await form.getByTestId('decision-comment').fill(comment);
    await form.getByTestId(approve ? 'approve' : 'reject').click();
  }
  async historyRows() {
    const rows = [];
    for (const row of await this.history().locator('tbody tr').all()) {
      rows.push((await row.getByRole('cell').allInnerTexts()).map((c) => c.trim()));
    }
    return rows;
  }
}

async function actAs(page, name, roleText) {
  await page.getByTestId('user-switch').selectOption({ label: `${name} · ${roleText}` });
}

/** The number of events the journal holds, as its page counts them. */
async function journalCount(app) {
  const journal = app.journal();
  await journal.open();
  const counts = await app.page.getByTestId('journal-counts').innerText();
  return Number(/\d[\d,]*/.exec(counts)[0].replaceAll(',', ''));
}


// ---------------------------------------------------------------------------------------------
// The journey
// ---------------------------------------------------------------------------------------------

test('limits: profiles, policy, recommended limit, four-eyes approvals, temporary limit, holds, bad input, reload', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new App(page, EN);
  await app.goto('/');
  await page.getByTestId('start-empty').click();

  // Profiles: the first one sets the team up (a bad name refused, nothing added); every
  // later one is added by someone on it, so nobody acting is refused.
  const users = new UsersPage(app);
  await users.open();
  await expect(users.root().getByTestId('roles-note')).toHaveText(D.roles_note);
  await users.addForm().getByRole('button', { name: D.add_user }).click();
  await expect(users.addForm().getByTestId('user-name-error')).toHaveText(EN.rej_name_empty);
  await users.add('Dana Director', 'director');
  await expect(users.table().getByTestId('edit-name')).toHaveCount(1);
  await users.add('Ann Analyst', 'analyst');
  await expect(users.addForm().getByTestId('form-error')).toHaveText(V.rej_profile_required);
  await expect(users.table().getByTestId('edit-name')).toHaveCount(1);
  await users.table().getByTestId('user-1').getByTestId('act-as').click();
  await users.add('Ann Analyst', 'analyst');
  await expect(users.table().getByTestId('edit-name')).toHaveCount(2);
  await users.add('ann analyst', 'manager');
  await expect(users.addForm().getByTestId('user-name-error')).toHaveText(fill(V.rej_user_name_taken, { name: 'ann analyst' }));
  await expect(users.table().getByTestId('edit-name')).toHaveCount(2);
  await users.add('Alan Analyst', 'analyst');
  await users.add('Mark Manager', 'manager');
  await users.add('Sam Sales', 'sales');
  await expect(users.table().getByTestId('edit-name')).toHaveCount(5);
  expect(await users.names()).toEqual(['Dana Director', 'Ann Analyst', 'Alan Analyst', 'Mark Manager', 'Sam Sales']);
  // Edit: rename Sam; an empty name is refused.
  const samRow = users.table().getByTestId('user-5');
  await samRow.getByTestId('edit-name').fill('  ');
  await samRow.getByTestId('save-user').click();
  await expect(samRow.getByTestId('edit-name-error')).toHaveText(EN.rej_name_empty);
  await samRow.getByTestId('edit-name').fill('Sam Seller');
  await samRow.getByTestId('save-user').click();
  await expect.poll(() => users.names()).toEqual(['Dana Director', 'Ann Analyst', 'Alan Analyst', 'Mark Manager', 'Sam Seller']);

  // Internal control (issue 9): nobody promotes themselves or gives more than they hold.
  await samRow.getByTestId('act-as').click();
  await samRow.getByTestId('edit-role').selectOption('director');
  await samRow.getByTestId('save-user').click();
  await expect(samRow.getByTestId('form-error')).toHaveText(V.rej_own_role);
  const annRow = users.table().getByTestId('user-2');
  await annRow.getByTestId('edit-role').selectOption('sales');
  await annRow.getByTestId('save-user').click();
  await expect(annRow.getByTestId('form-error')).toHaveText(fill(V.rej_above_authority, { role: V.role_manager }));
  await users.add('Eve Manager', 'manager');
  await expect(users.addForm().getByTestId('form-error')).toHaveText(fill(V.rej_above_authority, { role: V.role_manager }));
  await users.table().getByTestId('user-4').getByTestId('act-as').click();
  const alanRow = users.table().getByTestId('user-3');
  await alanRow.getByTestId('edit-role').selectOption('director');
  await alanRow.getByTestId('save-user').click();
  await expect(alanRow.getByTestId('form-error')).toHaveText(fill(V.rej_grant_above_own, { role: V.role_director }));
  await app.reload();
  expect(await users.roles()).toEqual(['director', 'analyst', 'analyst', 'manager', 'sales']);
  // Act as Ann from the list.
  await users.table().getByTestId('user-2').getByTestId('act-as').click();
  await expect(users.root().getByTestId('acting-now')).toHaveText(fill(D.acting_now, { name: 'Ann Analyst', role: V.role_analyst }));

  // The limit policy: bad cells are named and nothing is saved; then every grade's maximum
  // becomes 1,000,000 so the test does not depend on the new customer's grade.
  const policy = app.policy();
  await policy.open();
  await page.getByTestId('open-limit-policy').click();
  await expect(app.heading(D.limit_policy_title)).toBeVisible();
  const lp = page.getByTestId('limit-policy-form');
  const versionText = await page.getByTestId('limit-policy-version').innerText();
  // The policy and its authority bands are a manager's or a director's to change.
  await lp.getByTestId('save').click();
  await expect(lp.getByTestId('form-error')).toHaveText(fill(V.rej_above_authority, { role: V.role_manager }));
  await expect(page.getByTestId('limit-policy-version')).toHaveText(versionText);
  await actAs(page, 'Mark Manager', V.role_manager);
  await lp.getByTestId('grade-A-0').fill('abc');
  await lp.getByTestId('save').click();
  await expect(lp.getByTestId('policy-error')).toHaveText(fill(EN.err_policy_cell, { cell: `${D.grade_word} A · ${D.pol_limit_max}` }));
  await lp.getByTestId('grade-A-0').fill('5000000');
  await lp.getByTestId('grade-B-5').fill('0');
  await lp.getByTestId('save').click();
  await expect(lp.getByTestId('policy-error')).toHaveText(fill(V.lim_warning_range, { grade: 'B' }));
  await lp.getByTestId('grade-B-5').fill('90');
  await lp.getByTestId('fx-rate-0').fill('-1');
  await lp.getByTestId('save').click();
  await expect(lp.getByTestId('policy-error')).toHaveText(fill(V.lim_fx_positive, { currency: 'USD' }));
  await lp.getByTestId('fx-rate-0').fill('7.10');
  await lp.getByTestId('step').fill('ten');
  await lp.getByTestId('save').click();
  await expect(lp.getByTestId('policy-error')).toHaveText(fill(EN.err_policy_cell, { cell: D.pol_step }));
  await expect(page.getByTestId('limit-policy-version')).toHaveText(versionText);
  await lp.getByTestId('step').fill('10000');
  for (const g of ['A', 'B', 'C', 'D', 'E']) await lp.getByTestId(`grade-${g}-0`).fill('1,000,000');
  // Authority: add a row and remove it again (the editor's rows), then save.
  await lp.getByTestId('authority-add').click();
  await expect(lp.getByTestId('authority-up-to-3')).toBeVisible();
  await lp.getByTestId('authority-remove-3').click();
  await expect(lp.getByTestId('authority-up-to-3')).toHaveCount(0);
  await lp.getByTestId('save').click();
  const version = Number(/(\d+)/.exec(versionText)[1]);
  await expect(page.getByTestId('limit-policy-version')).toHaveText(fill(EN.policy_current, { version: version + 1 }));
  await expect(page.getByTestId('grade-E-0')).toHaveValue('1000000');

  // A new customer, terms 30.
  const list = app.customers();
  await list.open();
  await list.newCustomer().click();
  const cform = app.customerForm();
  await cform.name().fill('Limit Test Trading');
  await cform.terms().fill('30');
  await cform.saveAndReturn();
  const customerUrl = page.url();
  const line = page.getByTestId('limit-line');
  await expect(line.getByTestId('limit-line-text')).toHaveText(fill(D.limit_line, { limit: V.limit_none, available: '—' }));
  await expect(line.getByTestId('verdict')).toHaveText(V.verdict_block);
  await line.getByTestId('open-limit').click();

  // The limit page: no limit yet, blocked for that reason.
  const limit = new LimitPage(app);
  await expect(limit.root()).toBeVisible();
  await expect(limit.kind()).toHaveText(V.limit_none);
  await expect(limit.verdict()).toHaveText(V.verdict_block);
  await expect(limit.status().getByTestId('check-reasons')).toContainText(V.reason_no_limit);

  // Recommended: no data from history, statements or reports; the grade maximum is shown.
  await expect(limit.method('trading').getByTestId('basis')).toHaveText(D.basis_trading_none);
  await expect(limit.method('capacity').getByTestId('basis')).toHaveText(D.basis_no_statement);
  await expect(limit.method('agency').getByTestId('basis')).toHaveText(D.basis_no_report);
  const grade = await limit.grade();
  await expect(limit.method('grade-max').getByTestId('figure')).toHaveText('¥1,000,000.00');
  await expect(limit.method('grade-max').getByTestId('basis')).toHaveText(fill(D.basis_grade_max, { grade, amount: '¥1,000,000.00' }));
  await expect(limit.recommendedAmount()).toHaveText(D.no_data);
  // What-if: 120,000 a month × (30 + 15) ÷ 30 = 180,000 (binds: below the cap of 1,000,000).
  await limit.monthly().fill('120,000');
  await expect(limit.method('trading').getByTestId('figure')).toHaveText('¥180,000.00');
  await expect(limit.method('trading').getByTestId('basis')).toHaveText(
    fill(EN.with_note, { text: fill(D.basis_trading, { monthly: '¥120,000.00', terms: 30, grace: 15 }), note: D.basis_entered }));
  await expect(limit.method('trading').getByTestId('binding')).toHaveText(D.binding);
  await expect(limit.method('grade-max').getByTestId('binding')).toHaveCount(0);
  await expect(limit.recommendedAmount()).toHaveText('¥180,000.00');
  await expect(limit.recommended().getByTestId('combination')).toHaveText(fill(D.combination_line, { rule: V.combination_lowest, amount: '¥180,000.00' }));
  await expect(limit.recommended().getByTestId('rounding')).toHaveText(fill(D.rounding_line, { step: '¥10,000.00' }));
  // 123,457 × 45 ÷ 30 = 185,185.50 → rounded down to a multiple of 10,000: 180,000.
  await limit.monthly().fill('123457');
  await expect(limit.method('trading').getByTestId('figure')).toHaveText('¥185,185.50');
  await expect(limit.recommendedAmount()).toHaveText('¥180,000.00');
  // 1,000,000 × 45 ÷ 30 = 1,500,000 > the cap: the grade maximum binds.
  await limit.monthly().fill('1000000');
  await expect(limit.method('trading').getByTestId('figure')).toHaveText('¥1,500,000.00');
  await expect(limit.method('grade-max').getByTestId('binding')).toHaveText(D.binding);
  await expect(limit.method('trading').getByTestId('binding')).toHaveCount(0);
  await expect(limit.recommendedAmount()).toHaveText('¥1,000,000.00');
  // A stray letter is named with its place, as in every amount field.
  await limit.monthly().fill('12x');
  await expect(limit.recommended().getByTestId('expected-monthly-error')).toHaveText(fill(EN.err_char_unexpected, { character: 'x', position: 3 }));
  await limit.monthly().fill('abc');
  await expect(limit.recommended().getByTestId('expected-monthly-error')).toHaveText(EN.err_amount_nan);

  // Request form: bad input, each with its message and nothing saved.
  const events = await journalCount(app);
  await page.goBack();
  await expect(limit.root()).toBeVisible();
  const rf = limit.requestForm();
  await limit.request({ amount: '', reason: 'Stock for the season' });
  await expect(rf.getByTestId('request-amount-error')).toHaveText(EN.err_amount_empty);
  await limit.request({ amount: 'abc', reason: 'Stock for the season' });
  await expect(rf.getByTestId('request-amount-error')).toHaveText(EN.err_amount_nan);
  await limit.request({ amount: '100.123', reason: 'Stock for the season' });
  await expect(rf.getByTestId('request-amount-error')).toHaveText(fill(EN.err_amount_decimals, { allowed: 2 }));
  await limit.request({ amount: '-5', reason: 'Stock for the season' });
  await expect(rf.getByTestId('request-amount-error')).toHaveText(V.err_limit_negative);
  await limit.request({ amount: '600,000', reason: '   ' });
  await expect(rf.getByTestId('request-reason-error')).toHaveText(EN.err_required);
  await limit.request({ amount: '600,000', reason: 'Stock for the season', until: '2025-13-45' });
  await expect(rf.getByTestId('request-until-error')).toHaveText(fill(EN.err_no_such_date, { date: '2025-13-45' }));
  await limit.request({ amount: '600,000', reason: 'Stock for the season', until: '20261102' });
  await expect(rf.getByTestId('request-until-error')).toHaveText(EN.err_date);
  const day = await today(page);
  await limit.request({ amount: '600,000', reason: 'Stock for the season', until: day });
  await expect(rf.getByTestId('request-until-error')).toHaveText(V.rej_until);
  // No profile chosen: the core's "choose a profile".
  await page.getByTestId('user-switch').selectOption('');
  await limit.request({ amount: '600,000', reason: 'Stock for the season' });
  await expect(rf.getByTestId('form-error')).toHaveText(V.rej_unknown_user);
  expect(await journalCount(app)).toBe(events);
  await page.goBack();

  // Ann requests 600,000 (standing).
  await actAs(page, 'Ann Analyst', V.role_analyst);
  await limit.request({ amount: '600,000', reason: 'Stock for the season' });
  const pending = limit.decisionForm();
  await expect(pending.getByTestId('pending-requester')).toHaveText('Ann Analyst');
  await expect(pending.getByTestId('pending-amount')).toHaveText('¥600,000.00');
  await expect(pending.getByTestId('pending-role')).toHaveText(V.role_manager);
  const afterRequest = events + 1;

  // Ann approves her own request: four eyes, nothing saved.
  await limit.decide(true, 'fine');
  await expect(pending.getByTestId('form-error')).toHaveText(V.rej_own_request);
  // Alan (analyst) approves: above his authority, the message names the manager role.
  await actAs(page, 'Alan Analyst', V.role_analyst);
  await limit.decide(true, 'fine');
  await expect(pending.getByTestId('form-error')).toHaveText(fill(V.rej_above_authority, { role: V.role_manager }));
  await expect(limit.kind()).toHaveText(V.limit_none);

  // The approvals list: Alan may not approve; "only mine" hides it; Mark may.
  await app.page.getByRole('navigation', { name: EN.app_name }).getByRole('link', { name: D.nav_approvals, exact: true }).click();
  await expect(app.heading(D.approvals_title)).toBeVisible();
  const approvals = page.getByTestId('approvals-table');
  await expect(approvals.locator('tbody tr')).toHaveCount(1);
  await expect(approvals.locator('tbody tr').first()).toContainText('Limit Test Trading');
  await expect(approvals.getByTestId('may-approve')).toHaveText(D.no);
  await page.getByTestId('only-mine').check();
  await expect(approvals.locator('tbody tr')).toHaveCount(0);
  await expect(page.getByTestId('approvals-empty')).toHaveText(D.approvals_empty);
  await actAs(page, 'Mark Manager', V.role_manager);
  await expect(approvals.locator('tbody tr')).toHaveCount(1);
  await expect(approvals.getByTestId('may-approve')).toHaveText(D.yes);
  expect(await journalCount(app)).toBe(afterRequest);
  await page.goBack();
  await approvals.getByRole('link', { name: 'Limit Test Trading' }).click();

  // Mark approves: the limit is in force.
  await expect(limit.root()).toBeVisible();
  await limit.decide(true, 'Good payer');
  await expect(limit.kind()).toHaveText(V.limit_standing);
  expect(await limit.amount()).toBe('¥600,000.00');
  await expect(limit.status()).toContainText(day);
  await expect(limit.status().getByTestId('limit-available')).toContainText('¥600,000.00');
  const rows = await limit.historyRows();
  expect(rows[0]).toEqual([day, D.ev_approved, 'Mark Manager', '¥600,000.00', 'Good payer']);
  expect(rows[1]).toEqual([day, fill(D.ev_requested, { kind: D.standing }), 'Ann Analyst', '¥600,000.00', 'Stock for the season']);

  // A rejection needs a comment.
  await actAs(page, 'Ann Analyst', V.role_analyst);
  await limit.request({ amount: '700,000', reason: 'More stock' });
  await actAs(page, 'Mark Manager', V.role_manager);
  await limit.decide(false, '   ');
  await expect(limit.decisionForm().getByTestId('decision-comment-error')).toHaveText(V.rej_comment_empty);
  await limit.decide(false, 'Too much for now');
  await expect(limit.requestForm()).toBeVisible();
  expect((await limit.historyRows())[0]).toEqual([day, D.ev_rejected, 'Mark Manager', '¥700,000.00', 'Too much for now']);
  expect(await limit.amount()).toBe('¥600,000.00');

  // A temporary limit shows its last day (inclusive).
  const lastDay = addDays(day, 10);
  await actAs(page, 'Ann Analyst', V.role_analyst);
  await limit.request({ amount: '650,000', reason: 'Trade fair', until: lastDay });
  await actAs(page, 'Mark Manager', V.role_manager);
  await limit.decide(true, '');
  await expect(limit.kind()).toHaveText(fill(V.limit_temporary, { until: lastDay }));
  expect(await limit.amount()).toBe('¥650,000.00');

  // Holds: a reason is required; an analyst places, only a manager releases.
  await actAs(page, 'Ann Analyst', V.role_analyst);
  const hold = limit.holdForm();
  await hold.getByTestId('hold-submit').click();
  await expect(hold.getByTestId('hold-reason-error')).toHaveText(V.rej_reason_empty);
  await hold.getByTestId('hold-reason').fill('Cheque bounced');
  await hold.getByTestId('hold-submit').click();
  await expect(hold.getByTestId('hold-state')).toHaveText(fill(D.on_hold_since, { date: day, by: 'Ann Analyst', reason: 'Cheque bounced' }));
  await expect(limit.verdict()).toHaveText(V.verdict_block);
  // Invoicing a customer on hold is possible, but the form says so (issue 9).
  const limitUrl = page.url();
  await app.goto(customerUrl + '/invoice');
  await expect(page.getByTestId('invoice-hold')).toHaveText(fill(D.on_hold_since, { date: day, by: 'Ann Analyst', reason: 'Cheque bounced' }));
  await app.goto(limitUrl);
  await hold.getByTestId('hold-reason').fill('Paid in cash');
  await hold.getByTestId('hold-submit').click();
  await expect(hold.getByTestId('form-error')).toHaveText(fill(V.rej_above_authority, { role: V.role_manager }));
  await actAs(page, 'Mark Manager', V.role_manager);
  await hold.getByTestId('hold-reason').fill('Paid in cash');
  await hold.getByTestId('hold-submit').click();
  await expect(hold.getByTestId('hold-state')).toHaveText(D.not_on_hold);
  const history = await limit.historyRows();
  expect(history.map((r) => r[1])).toEqual(expect.arrayContaining([D.ev_hold_placed, D.ev_hold_released]));

  // Reload: everything is still there.
  const url = page.url();
  await app.reload();
  expect(page.url()).toBe(url);
  await expect(limit.kind()).toHaveText(fill(V.limit_temporary, { until: lastDay }));
  expect(await limit.amount()).toBe('¥650,000.00');
  expect(await limit.historyRows()).toEqual(history);
  await expect(page.getByTestId('user-switch')).toHaveValue('4');

  // Chinese: the same page in zh-CN.
  await app.languageButton().click();
  app.use(ZH);
  await expect(app.heading(fill(DESK.ZH.limit_title, { name: 'Limit Test Trading' }))).toBeVisible();
  await expect(limit.kind()).toHaveText(fill(VOCAB.ZH.limit_temporary, { until: lastDay }));
  await expect(limit.recommended().getByRole('heading', { name: DESK.ZH.recommended_title })).toBeVisible();
  await expect(limit.method('grade-max').getByTestId('basis')).toHaveText(fill(DESK.ZH.basis_grade_max, { grade, amount: '¥1,000,000.00' }));
  await limit.holdForm().getByTestId('hold-submit').click();
  await expect(limit.holdForm().getByTestId('hold-reason-error')).toHaveText(VOCAB.ZH.rej_reason_empty);

  // A 360 px phone: no horizontal overflow on the limit page.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(customerUrl + '/limit');
  await app.ready();
  await expect(limit.root()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('limits: demo S profiles and the approvals list; help explains roles honestly', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.page.getByRole('navigation', { name: EN.app_name }).getByRole('link', { name: D.nav_users, exact: true }).click();
  await expect(page.getByTestId('users-table').getByTestId('edit-name')).toHaveCount(5);
  await actAs(page, '李娜 Li Na', V.role_manager);
  await app.page.getByRole('navigation', { name: EN.app_name }).getByRole('link', { name: D.nav_approvals, exact: true }).click();
  await expect(app.heading(D.approvals_title)).toBeVisible();
  const rows = page.getByTestId('approvals-table').locator('tbody tr');
  const all = await rows.count();
  await page.getByTestId('only-mine').check();
  expect(await rows.count()).toBeLessThanOrEqual(all);
  for (const cell of await page.getByTestId('may-approve').all()) await expect(cell).toHaveText(D.yes);
  await expectNoSeriousViolations(page, 'approvals');
  await app.page.getByRole('navigation', { name: EN.app_name }).getByRole('link', { name: D.nav_users, exact: true }).click();
  await expectNoSeriousViolations(page, 'users');
  await app.goto('/policy/limits');
  await expect(page.getByTestId('limit-policy-form')).toBeVisible();
  await expectNoSeriousViolations(page, 'limit policy');
  await app.go('nav_help');
  await expect(app.help().getByTestId('help-roles')).toHaveText(D.help_roles);
  // Every customer's limit page renders with the recommended card (first customer).
  await app.customers().open();
  const first = (await app.customers().rows())[0][EN.col_name];
  await app.customers().openCustomer(first);
  await page.getByTestId('limit-line').getByTestId('open-limit').click();
  await expect(page.getByTestId('recommended').getByTestId('method-grade-max')).toBeVisible();
  for (const token of ['trading', 'capacity', 'agency', 'grade-max']) {
    await expect(page.getByTestId('recommended').getByTestId(`method-${token}`)).toHaveCount(1);
  }
  await expectNoSeriousViolations(page, 'limit page');
});

test('one identity: events are signed by the acting profile, and settings ask for no other name', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.go('nav_settings');
  await expect(app.settings()).toBeVisible();
  await expect(app.settings().getByLabel('Your name')).toHaveCount(0);
  // The demo was loaded with no profile acting: its event says so, not a made-up "user".
  await app.journal().open();
  await expect(app.journal().entries().first()).toContainText(D.no_profile);
  // Acting as a profile, a new customer's event is signed with that profile's name.
  await actAs(page, '李娜 Li Na', V.role_manager);
  await app.customers().open();
  await app.customers().newCustomer().click();
  const form = app.customerForm();
  await form.name().fill('Identity Test Co.');
  await form.saveAndReturn();
  await app.journal().open();
  await expect(app.journal().entries().first()).toContainText('李娜 Li Na');
});
