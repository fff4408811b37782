// The credit file, the explainable score, the what-if panel and the credit policy (issue 3):
// a statement and a report entered for a demo customer change Z″, the ratios, the flags and
// the contributions exactly as core/src/score.rs documents; everything survives a reload; the
// what-if panel re-scores without saving; bad input in every credit form and in the policy is
// refused with the message from i18n.rs and nothing half-saved; stale records are flagged;
// Chinese texts; axe and a 360 px phone.
import { test, expect } from '@playwright/test';
import {
  App, EN, ZH, JOURNAL, fill, cents, currencyPrefix, formatMoney, decimalUnits, roundedQuotient, FACTORS,
  expectNoSeriousViolations,
} from './pages.mjs';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The statement entered in the journey (CNY, whole yuan). Balanced: TA = TL + equity. */
const STATEMENT = {
  'current-assets': 500_000n,
  'total-assets': 1_000_000n,
  'current-liabilities': 250_000n,
  'total-liabilities': 600_000n,
  equity: 400_000n,
  'retained-earnings': 200_000n,
  inventory: 100_000n,
  cash: 50_000n,
  revenue: 2_000_000n,
  ebit: 160_000n,
  'net-profit': 90_000n,
  'interest-expense': 20_000n,
};

/** Typed as a person would: grouped with commas ("1,000,000"). */
const typed = (values) => Object.fromEntries(Object.entries(values)
  .map(([k, v]) => [k, v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')]));

/**
 * Altman Z″ = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4 (X1 = (CA − CL)/TA, X2 = RE/TA,
 * X3 = EBIT/TA, X4 = equity/TL) as an exact fraction of integers, and the line shown for it.
 */
function expectedZ(s, t = EN) {
  const [ca, ta, cl, tl, eq, re, ebit] = [s['current-assets'], s['total-assets'], s['current-liabilities'],
    s['total-liabilities'], s.equity, s['retained-earnings'], s.ebit];
  const numerator = 656n * (ca - cl) * tl + 326n * re * tl + 672n * ebit * tl + 105n * eq * ta;
  const denominator = 100n * ta * tl;
  // Zones: > 2.60 safe, 1.10–2.60 grey, < 1.10 distress (compared exactly).
  const zone = numerator * 100n > 260n * denominator ? t.zone_safe
    : numerator * 100n >= 110n * denominator ? t.zone_grey : t.zone_distress;
  const x = [roundedQuotient(ca - cl, ta, 3), roundedQuotient(re, ta, 3), roundedQuotient(ebit, ta, 3), roundedQuotient(eq, tl, 3)];
  const z = roundedQuotient(numerator, denominator, 2);
  return { numerator, denominator, z, zone, text: `Z″ = ${z} · ${zone} (X1 ${x[0]} · X2 ${x[1]} · X3 ${x[2]} · X4 ${x[3]})` };
}

/** The ratio table the app must show for a statement, computed by hand. */
function expectedRatios(s, t = EN) {
  return {
    [t.debt_ratio]: `${roundedQuotient(s['total-liabilities'] * 100n, s['total-assets'], 1)}%`,
    [t.current_ratio]: roundedQuotient(s['current-assets'], s['current-liabilities'], 2),
    [t.quick_ratio]: roundedQuotient(s['current-assets'] - s.inventory, s['current-liabilities'], 2),
    [t.net_margin]: `${roundedQuotient(s['net-profit'] * 100n, s.revenue, 1)}%`,
    [t.interest_cover]: roundedQuotient(s.ebit, s['interest-expense'], 2),
  };
}

/** Score = 50 + Σ contributions, exactly, in tenths; weights of factors with data sum to 100 %. */
function expectScoreAddsUp(score, contributions) {
  const total = FACTORS.reduce((sum, f) => sum + decimalUnits(contributions[f].contribution, 1), 0n);
  expect(500n + total, `50 + Σ contributions (${FACTORS.map((f) => contributions[f].contribution).join(' ')}) = score ${score}`)
    .toBe(decimalUnits(score, 1));
  const used = FACTORS.filter((f) => contributions[f].points !== EN.not_available && contributions[f].points !== ZH.not_available);
  const weights = used.reduce((sum, f) => sum + decimalUnits(contributions[f].weight, 1), 0n);
  // Each shown weight is rounded to 0.1 %, so the sum may be off by 0.1 per factor.
  expect(Number(weights - 1000n), `shown weights of the factors with data sum to 100 % (${weights})`).toBeLessThanOrEqual(used.length);
  expect(Number(1000n - weights)).toBeLessThanOrEqual(used.length);
  for (const f of FACTORS.filter((factor) => !used.includes(factor))) {
    expect(contributions[f], `${f} has no data: no weight, no contribution`).toMatchObject({ weight: '0.0%' });
    expect(decimalUnits(contributions[f].contribution, 1)).toBe(0n);
  }
}

/** Whole months from `from` to `to` (YYYY-MM-DD), as core::score::months_between counts them. */
function monthsBetween(from, to) {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + tm - fm;
  if (to >= from && td < fd) months -= 1;
  return months;
}

/** The same day `years` earlier (28 February for 29 February). */
function yearsBefore(isoDate, years) {
  const [y, m, d] = isoDate.split('-');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${Number(y) - years}-${m}-${day}`;
}

/** Opens the CNY customer with the largest overdue amount (list sorted by overdue). */
async function openMostOverdueCnyCustomer(app) {
  const list = app.customers();
  await list.open();
  await list.sort().selectOption({ label: app.t.sort_overdue });
  await expect(app.page).toHaveURL(/[?&]sort=overdue(&|$)/);
  const rows = await list.rows();
  const row = rows.find((r) => currencyPrefix(r[app.t.col_balance]) === '¥' && cents(r[app.t.col_overdue]) > 0n);
  expect(row, 'a CNY demo customer with overdue invoices').toBeTruthy();
  await list.openCustomer(row[app.t.col_name]);
  return row;
}

/** The number of journal events; waits for exactly `count`, and the chain verifies intact. */
async function expectJournal(app, count) {
  const journal = app.journal();
  await journal.open();
  await journal.events(count);
  await journal.expectIntact(count);
  return journal.rows();
}


// ---------------------------------------------------------------------------------------------
// 1. The journey
// ---------------------------------------------------------------------------------------------

test('journey: statement and report for a demo customer → Z″, ratios, contributions; reload; what-if saves nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new App(page, EN);
  await app.loadDemoS();
  // The overview lists grade drops since the last month end (none or some, never an error).
  const drops = page.getByTestId('grade-drops');
  await expect(drops.getByRole('heading', { name: EN.grade_drops_title, exact: true })).toBeVisible();
  const row = await openMostOverdueCnyCustomer(app);
  const customerUrl = new URL(page.url()).pathname;

  // The customer page links to the credit file with the grade; the file opens with the same grade.
  const file = app.creditFile();
  const linkGrade = await file.openFromCustomer();
  expect(page.url()).toMatch(new RegExp(`${customerUrl}/credit$`));
  await expect(file.heading()).toHaveText(`${EN.credit_file} · ${row[EN.col_name]}`);
  await expect(file.grade()).toHaveText(linkGrade);
  await expect(file.policyVersion()).toHaveText('v1');
  await expect(file.scoreValue()).toHaveText(/^\d{1,3}\.\d$/);
  await expect(file.pd()).toHaveText(/^\d+\.\d%$/); // one decimal, like every percentage
  let flags = await file.flags();
  expect(flags).toContain(EN.flag_no_statement);
  expect(flags).toContain(EN.flag_no_report);
  await expect(file.zScore()).toHaveText(`Z″: ${EN.not_available}`);
  for (const value of Object.values(await file.ratios())) expect(value).toBe(EN.not_available);
  let contributions = await file.contributions();
  expect(contributions.FinancialStrength.points).toBe(EN.not_available);
  expect(contributions.ExternalRating.points).toBe(EN.not_available);
  expectScoreAddsUp(await file.scoreValue().innerText(), contributions);
  expect(await file.records()).toEqual([]);
  for (const kind of ['statement', 'report', 'reference', 'visit', 'signal']) {
    await expect(file.recordSection(kind).getByText(EN.no_credit_records, { exact: true })).toBeVisible();
  }

  // Add the financial statement (period end: today, the form's default; CNY, the customer's).
  let form = await file.add('statement');
  const today = await form.periodEnd().inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(form.currency()).toHaveValue('CNY');
  await form.fillStatement(typed(STATEMENT));
  await expect(form.statementWarning()).toHaveCount(0); // it balances
  await form.saveAndReturnToFile();

  // Z″ and its zone exactly as computed by hand; the ratios; the flag gone; contributions add up.
  const z = expectedZ(STATEMENT);
  expect(z.z).toBe('4.07');
  expect(z.zone).toBe(EN.zone_safe);
  await expect(file.zScore()).toHaveText(z.text);
  expect(await file.ratios()).toEqual(expectedRatios(STATEMENT));
  expect(expectedRatios(STATEMENT)).toEqual({
    [EN.debt_ratio]: '60.0%', [EN.current_ratio]: '2.00', [EN.quick_ratio]: '1.60', [EN.net_margin]: '4.5%', [EN.interest_cover]: '8.00',
  });
  // Each ratio beside the default policy's limit; none of these is beyond it.
  const ratioTable = file.scoreCard().getByTestId('ratios');
  await expect(ratioTable.locator('tbody tr').first().getByRole('cell').last()).toHaveText('≤ 70.0%');
  await expect(ratioTable.getByTestId('ratio-breach')).toHaveCount(0);
  flags = await file.flags();
  expect(flags).not.toContain(EN.flag_no_statement);
  expect(flags).not.toContain(EN.flag_statement_incomplete);
  expect(flags).not.toContain(EN.flag_statement_unbalanced);
  expect(flags).toContain(EN.flag_no_report);
  contributions = await file.contributions();
  // Policy v1's Z″ bands: above 4.0 → 100 points; the factor now has a weight.
  expect(contributions.FinancialStrength.points).toBe('100');
  expect(decimalUnits(contributions.FinancialStrength.weight, 1)).toBeGreaterThan(0n);
  expect(decimalUnits(contributions.FinancialStrength.contribution, 1)).toBeGreaterThan(0n);
  const scoreWithStatement = await file.scoreValue().innerText();
  expectScoreAddsUp(scoreWithStatement, contributions);
  let records = await file.records();
  expect(records).toEqual([{
    [EN.date_label]: today, [EN.record_kind]: EN.kind_statement,
    [EN.details]: `${EN.line_total_assets} CNY 1,000,000.00`, [EN.status]: '', [EN.recorded_on]: today,
  }]);
  await expect(file.staleBadges()).toHaveCount(0);

  // Add an external report: Dun & Bradstreet "2" (policy v1 maps it to 70 points).
  form = await file.add('report');
  await expect(form.reportDate()).toHaveValue(today);
  await form.agency().fill('Dun & Bradstreet');
  await form.rating().fill('2');
  await form.recommendedLimit().fill('500,000');
  await form.notes().fill('E2E report');
  await form.saveAndReturnToFile();
  flags = await file.flags();
  expect(flags).not.toContain(EN.flag_no_report);
  contributions = await file.contributions();
  expect(contributions.ExternalRating.points).toBe('70');
  expect(decimalUnits(contributions.ExternalRating.weight, 1)).toBeGreaterThan(0n);
  expect(decimalUnits(contributions.ExternalRating.contribution, 1)).toBeGreaterThan(0n);
  expect(contributions.FinancialStrength.points).toBe('100');
  const score = await file.scoreValue().innerText();
  expectScoreAddsUp(score, contributions);
  records = await file.records();
  expect(records).toHaveLength(2);
  expect(records.map((r) => r[EN.record_kind])).toEqual([EN.kind_statement, EN.kind_report]);
  expect(records[1]).toEqual({
    [EN.date_label]: today, [EN.record_kind]: EN.kind_report,
    [EN.details]: `Dun & Bradstreet · ${EN.rating} 2 · ${EN.recommended_limit} ${formatMoney(50_000_000n)}`,
    [EN.status]: '', [EN.recorded_on]: today,
  });

  // The trend ends today with the current score and grade.
  await expect(file.trend()).toBeVisible();
  const trend = await file.trendRows();
  expect(trend.at(-1)).toEqual([today, score, await file.grade().innerText()]);

  // Reload: the records and the score were persisted.
  const before = await file.snapshot();
  await app.reload();
  await expect(file.root()).toBeVisible();
  expect(await file.snapshot()).toEqual(before);

  // The customer page's link shows the same grade.
  await app.goto(customerUrl);
  await expect(file.customerLink()).toHaveText(`${EN.credit_file} · ${EN.grade} ${before.grade}`);

  // The journal: demo + two credit records, intact.
  const events = await expectJournal(app, 3);
  const J = JOURNAL.EN;
  const recordAdded = (kind, summary) => fill(J.s_credit_record_added, { kind, customer: row[EN.col_name], date: today, summary });
  expect(events.slice(0, 2).map((e) => e[J.col_what])).toEqual([
    recordAdded(EN.kind_report, `Dun & Bradstreet · ${EN.rating} 2 · ${EN.recommended_limit} ${formatMoney(50_000_000n)}`),
    recordAdded(EN.kind_statement, `${EN.line_total_assets} CNY 1,000,000.00`),
  ]);

  // What-if: the panel starts from the saved statement and today's score.
  await app.goto(`${customerUrl}/credit`);
  await file.openWhatIf();
  await expect(file.whatIfLine(4)).toHaveValue('400000');
  await expect(file.whatIfLine(1)).toHaveValue('1000000');
  expect(await file.whatIfFigures()).toEqual({ score, grade: before.grade, was: score, wasGrade: before.grade });

  // Less equity (Z″ falls to 3.45, 85 points): the what-if score falls, live.
  await file.whatIfLine(4).fill('50,000');
  await expect.poll(async () => decimalUnits((await file.whatIfFigures()).score, 1)).toBeLessThan(decimalUnits(score, 1));
  // Much more equity: never lower than today's score.
  await file.whatIfLine(4).fill('4,000,000');
  await expect.poll(async () => decimalUnits((await file.whatIfFigures()).score, 1)).toBeGreaterThanOrEqual(decimalUnits(score, 1));
  const withEquity = await file.whatIfFigures();
  expect(withEquity.was).toBe(score);
  expect(withEquity.wasGrade).toBe(before.grade);

  // Marking the overdue invoices paid (one at a time) never lowers it.
  const paid = file.whatIfPaid();
  const overdueCount = await paid.count();
  expect(overdueCount, 'the most overdue demo customer has overdue invoices to mark paid').toBeGreaterThan(0);
  let last = decimalUnits(withEquity.score, 1);
  for (let i = 0; i < overdueCount; i += 1) {
    await paid.nth(i).check();
    await expect(paid.nth(i)).toBeChecked();
    const now = decimalUnits((await file.whatIfFigures()).score, 1);
    expect(now, `after marking ${i + 1} overdue invoice(s) paid`).toBeGreaterThanOrEqual(last);
    last = now;
  }
  // Paid today, today's score cannot move (the days beyond terms so far count either way):
  // the panel says so, and looking 90 days ahead shows what paying now saves.
  await expect(file.whatIfPaidNote()).toHaveText(EN.whatif_paid_note);
  await file.whatIfHorizon().selectOption('90');
  await expect(file.whatIfPaidNote()).toBeHidden();
  await expect.poll(async () => (await file.whatIfFigures('whatif_result_ahead')).days).toBe('90');
  const ahead = await file.whatIfFigures('whatif_result_ahead');
  expect(decimalUnits(ahead.score, 1), 'paid now scores at least as well 90 days on')
    .toBeGreaterThanOrEqual(decimalUnits(ahead.was, 1));
  await file.whatIfHorizon().selectOption('0');
  await expect.poll(async () => (await file.whatIfFigures()).was).toBe(score);

  // A line that is not a number is marked invalid and ignored; the panel keeps working.
  await file.whatIfLine(9).fill('abc');
  await expect(file.whatIfLine(9)).toHaveAttribute('aria-invalid', 'true');
  expect((await file.whatIfFigures()).was).toBe(score);
  await file.whatIfLine(9).fill('160000');
  await expect(file.whatIfLine(9)).toHaveAttribute('aria-invalid', 'false');

  // Nothing saved: the score card still shows today's score, and after a reload too.
  await expect(file.scoreValue()).toHaveText(score);
  await app.reload();
  expect(await file.snapshot()).toEqual(before);
  await file.openWhatIf();
  await expect(file.whatIfLine(4)).toHaveValue('400000');
  await expect(file.whatIfPaid()).toHaveCount(overdueCount);
  for (const box of await file.whatIfPaid().all()) await expect(box).not.toBeChecked();
  await expectJournal(app, 3);
});

// ---------------------------------------------------------------------------------------------
// 2. Bad input
// ---------------------------------------------------------------------------------------------

/** Loads demo S and opens a CNY customer's credit file; returns its path and snapshot. */
async function openCreditFile(app) {
  await app.loadDemoS();
  await openMostOverdueCnyCustomer(app);
  await app.creditFile().openFromCustomer();
  return { url: new URL(app.page.url()).pathname, before: await app.creditFile().snapshot() };
}

/** Nothing was saved: the journal holds only the demo, and the credit file is unchanged. */
async function expectFileUnchanged(app, url, before, events = 1) {
  await expectJournal(app, events);
  await app.goto(url);
  expect(await app.creditFile().snapshot()).toEqual(before);
}

test('statement form: negative total assets, a negative line, "abc", 3 decimals, no date are refused; unbalanced warns but saves', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new App(page, EN);
  const { url, before } = await openCreditFile(app);
  const file = app.creditFile();
  let form = await file.add('statement');
  const balanced = typed(STATEMENT);

  // Total assets −5: the core's rejection, under the statement's lines (not as a form error).
  await form.fillStatement({ ...balanced, 'total-assets': '-5' });
  await form.save();
  await expect(form.statementError()).toHaveText(EN.rej_negative_total_assets);
  await expect(form.formError()).toHaveCount(0);
  await expect(form.form()).toBeVisible();

  // Cash −1: the message names the line.
  await form.fillStatement({ ...balanced, cash: '-1' });
  await form.save();
  await expect(form.statementError()).toHaveText(fill(EN.rej_statement_line_negative, { line: EN.line_cash }));

  // "abc" in inventory: not a number. The line must be identifiable: the message names it, or
  // at least the input is marked invalid and described by the message (as every other field).
  await form.fillStatement({ ...balanced, inventory: 'abc' });
  await form.save();
  // The message names the line, and the input is marked invalid and described by it.
  await expect(form.statementError()).toHaveText(fill(EN.err_named, { name: EN.line_inventory, message: EN.err_amount_nan }));
  await expect(form.form()).toBeVisible();
  const inventory = form.line('line_inventory');
  await expect(inventory, 'the statement line with "abc" is marked aria-invalid').toHaveAttribute('aria-invalid', 'true');
  await expect(inventory, 'the statement line with "abc" is described by its error').toHaveAccessibleDescription(/./);

  // 1.234 in revenue: too many decimals.
  await form.fillStatement({ ...balanced, revenue: '1.234' });
  await form.save();
  await expect(form.statementError()).toHaveText(fill(EN.err_named, { name: EN.line_revenue, message: fill(EN.err_amount_decimals, { allowed: 2 }) }));

  // 20 trillion (above the app's amount limit of 10 trillion) is too large, not "not a number",
  // and the message names the largest figure accepted.
  await form.fillStatement({ ...balanced, revenue: '20,000,000,000,000' });
  await form.save();
  await expect(form.statementError(), 'a too-large line is called too large')
    .toHaveText(fill(EN.err_named, { name: EN.line_revenue, message: fill(EN.err_too_large, { max: '10,000,000,000,000' }) }));

  // No period end / a period end in 1980.
  await form.fillStatement(balanced);
  await form.periodEnd().fill('');
  await expectRejectedAt(form, 'date', form.periodEnd(), EN.err_required);
  await expect(form.statementError()).toHaveText('');
  await form.periodEnd().fill('1980-12-31');
  await expectRejectedAt(form, 'date', form.periodEnd(), EN.rej_date_range);

  // None of it was saved.
  await expectFileUnchanged(app, url, before);

  // An unbalanced statement (assets 1,000,000; liabilities 800,000 + equity 100,000): a
  // warning while typing, and it saves; the score card flags it, and the 80 % debt ratio is
  // marked beyond the policy's 70 % limit.
  form = await file.add('statement');
  await form.fillStatement({ ...balanced, 'total-liabilities': '800,000', equity: '100,000' });
  await expect(form.statementWarning()).toHaveText(fill(EN.statement_unbalanced, { assets: '1,000,000.00', sum: '900,000.00' }));
  await form.saveAndReturnToFile();
  expect(await file.flags()).toContain(EN.flag_statement_unbalanced);
  const debtRow = file.scoreCard().getByTestId('ratios').locator('tbody tr').first();
  await expect(debtRow.getByTestId('ratio-debt')).toHaveText('80.0%');
  await expect(debtRow.getByTestId('ratio-breach')).toHaveText(EN.beyond_limit);
  expect(await file.records()).toHaveLength(1);
  await expectJournal(app, 2);
});

/** Submits and expects `message` beside the field `testid`, the control marked invalid. */
async function expectRejectedAt(form, testid, control, message) {
  await form.expectRejected(testid, message);
  if (control) {
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toHaveAccessibleDescription(message);
  }
}

test('report, reference, visit and signal forms refuse missing or too-long text and bad limits; nothing saved', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new App(page, EN);
  const { url, before } = await openCreditFile(app);
  const file = app.creditFile();

  // Report without agency.
  let form = await file.add('report');
  await form.agency().fill('');
  await form.rating().fill('BBB');
  await expectRejectedAt(form, 'agency', form.agency(), EN.err_required);
  // Without rating.
  await form.agency().fill('Dun & Bradstreet');
  await form.rating().fill('   ');
  await expectRejectedAt(form, 'rating', form.rating(), EN.err_required);
  await expect(form.error('agency')).toHaveText('');
  // Recommended limit 1.234 (CNY has 2 decimals), "abc", 0.
  await form.rating().fill('BBB');
  await form.recommendedLimit().fill('1.234');
  await expectRejectedAt(form, 'amount', form.recommendedLimit(), fill(EN.err_amount_decimals, { allowed: 2 }));
  await form.recommendedLimit().fill('abc');
  await expectRejectedAt(form, 'amount', form.recommendedLimit(), EN.err_amount_nan);
  await form.recommendedLimit().fill('0');
  await expectRejectedAt(form, 'amount', form.recommendedLimit(), EN.err_amount_positive);
  // Notes over 4,000 characters (the core's notes limit): the message belongs beside Notes.
  await form.recommendedLimit().fill('');
  await form.notes().fill('n'.repeat(4001));
  await form.save();
  const notesLong = fill(EN.rej_text_long, { max: 4000 });
  await expect(form.form().getByText(notesLong, { exact: true })).toBeVisible();
  await expect(form.form()).toBeVisible();
  // The message is beside Notes, and not beside Rating (the form and the core agree on fields).
  await expect(form.error('notes'), 'the too-long-notes message is beside Notes').toHaveText(notesLong);
  await expect(form.error('rating'), '…and not beside Rating').toHaveText('');

  // An agency name over 200 characters (the core's text limit): the message must be beside
  // the agency field.
  await form.notes().fill('');
  await form.agency().fill('D'.repeat(201));
  await form.save();
  const agencyLong = fill(EN.rej_text_long, { max: 200 });
  await expect(form.form().getByText(agencyLong, { exact: true })).toBeVisible();
  await expect(form.error('agency'), 'the too-long-agency message is beside Agency').toHaveText(agencyLong);

  // Reference without source.
  await app.goto(url);
  form = await file.add('reference');
  await form.source().fill('');
  await form.findings().fill('E2E');
  await expectRejectedAt(form, 'source', form.source(), EN.err_required);

  // Visit without who.
  await app.goto(url);
  form = await file.add('visit');
  await form.who().fill('');
  await expectRejectedAt(form, 'who', form.who(), EN.err_required);

  // Risk signal with findings over 4,000 characters.
  await app.goto(url);
  form = await file.add('signal');
  await form.source().fill('E2E news');
  await form.field('notes').fill('x'.repeat(4001));
  await expectRejectedAt(form, 'notes', form.field('notes'), fill(EN.rej_text_long, { max: 4000 }));

  await expectFileUnchanged(app, url, before);
});

test('policy: weights not summing to 100 and overlapping Z″ bands are refused; a valid change becomes v2 everywhere', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new App(page, EN);
  await app.loadDemoS();
  const policy = app.policy();
  await policy.open();
  await policy.expectVersion(1);
  const weights = [];
  for (let i = 0; i < 5; i += 1) weights.push(await policy.weight(i).inputValue());
  expect(weights).toEqual(['35', '35', '15', '10', '5']);

  // Weight of financial strength 40: the sum 105 is named.
  await policy.weight(0).fill('40');
  await policy.expectRejected(fill(EN.pol_weights_sum, { sum: '105.0%' }));
  await policy.weight(0).fill('35');

  // Z″ band 2's upper bound (1.10) below band 1's (0).
  await expect(policy.bandUpper('z-bands', 0)).toHaveValue('0');
  await expect(policy.bandUpper('z-bands', 1)).toHaveValue('1.1');
  await policy.bandUpper('z-bands', 1).fill('-1');
  await policy.expectRejected(fill(EN.pol_bands_overlap, { set: EN.z_bands }));
  await policy.bandUpper('z-bands', 1).fill('1.10');

  // A weight that is not a number must be refused as such, not as "negative".
  await policy.weight(2).fill('abc');
  await policy.save();
  // The message names the cell that is not a number.
  await expect(policy.error()).toHaveText(fill(EN.err_policy_cell, { cell: `${EN.weights} · ${EN.factor_external}` }));
  await policy.weight(2).fill('15');

  // Nothing saved: still v1 after a reload, one journal event.
  await app.reload();
  await policy.expectVersion(1);
  await expectJournal(app, 1);

  // Valid: 5 points from risk signals to financial strength (40 + 35 + 15 + 5 + 5 = 100),
  // saved by the manager (a policy is a manager's or a director's to change).
  await page.getByTestId('user-switch').selectOption('2');
  await policy.open();
  await policy.weight(0).fill('40');
  await policy.weight(3).fill('5');
  await policy.save();
  await expect(policy.saveButton()).toBeEnabled(); // the save has finished
  await expect(policy.error()).toHaveText('');
  await expect(policy.formError()).toHaveCount(0);
  await expect(policy.root().getByText(fill(EN.policy_current, { version: 2 }), { exact: true }),
    'after saving, the policy page says v2 without a reload').toBeVisible();
  await app.reload();
  await policy.expectVersion(2);
  await expect(policy.weight(0)).toHaveValue('40');
  await expect(policy.weight(3)).toHaveValue('5');
  await expectJournal(app, 2);

  // Every score now shows v2.
  await openMostOverdueCnyCustomer(app);
  await app.creditFile().openFromCustomer();
  await expect(app.creditFile().policyVersion()).toHaveText('v2');
  expectScoreAddsUp(await app.creditFile().scoreValue().innerText(), await app.creditFile().contributions());
});

// ---------------------------------------------------------------------------------------------
// 3. Staleness
// ---------------------------------------------------------------------------------------------

test('a statement 3 years old and a report 2 years old are marked stale and flagged', async ({ page }) => {
  const app = new App(page, EN);
  await openCreditFile(app);
  const file = app.creditFile();

  let form = await file.add('statement');
  const today = await form.periodEnd().inputValue();
  const statementDate = yearsBefore(today, 3);
  await form.periodEnd().fill(statementDate);
  await form.fillStatement(typed(STATEMENT));
  await form.saveAndReturnToFile();

  form = await file.add('report');
  const reportDate = yearsBefore(today, 2);
  await form.reportDate().fill(reportDate);
  await form.agency().fill('E2E Agency');
  await form.rating().fill('BBB');
  await form.saveAndReturnToFile();

  const records = await file.records();
  expect(records.map((r) => [r[EN.date_label], r[EN.record_kind], r[EN.status]])).toEqual([
    [statementDate, EN.kind_statement, EN.stale],
    [reportDate, EN.kind_report, EN.stale],
  ]);
  await expect(file.staleBadges()).toHaveCount(2);
  const flags = await file.flags();
  expect(flags).toContain(fill(EN.flag_stale_statement, { months: monthsBetween(statementDate, today) }));
  expect(flags).toContain(fill(EN.flag_stale_report, { months: monthsBetween(reportDate, today) }));
  expect(monthsBetween(statementDate, today)).toBe(36);
  // Stale data still counts (flagged, not dropped): Z″ and BBB (65 points) are in the score.
  const contributions = await file.contributions();
  expect(contributions.FinancialStrength.points).toBe('100');
  expect(contributions.ExternalRating.points).toBe('65');
  expectScoreAddsUp(await file.scoreValue().innerText(), contributions);
});

// ---------------------------------------------------------------------------------------------
// 4. Chinese
// ---------------------------------------------------------------------------------------------

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the credit file, a statement form and the policy page are in Chinese', async ({ page }) => {
    const app = new App(page, ZH);
    await app.loadDemoS();
    await openMostOverdueCnyCustomer(app);
    const file = app.creditFile();
    const grade = await file.openFromCustomer();
    await expect(file.heading()).toBeVisible();
    await expect(file.grade()).toHaveText(grade);
    for (const key of ['contributions', 'financial_strength', 'payment_behaviour', 'score_trend', 'credit_records']) {
      await expect(file.root().getByRole('heading', { name: ZH[key], exact: true })).toBeVisible();
    }
    await expect(file.whatIf().getByRole('heading', { name: ZH.what_if, exact: true })).toBeVisible();
    expect(await file.flags()).toEqual(expect.arrayContaining([ZH.flag_no_statement, ZH.flag_no_report]));
    expect(Object.keys(await file.ratios())).toEqual([ZH.debt_ratio, ZH.current_ratio, ZH.quick_ratio, ZH.net_margin, ZH.interest_cover]);
    const contributions = await file.contributions(); // rows found by the Chinese factor names
    expectScoreAddsUp(await file.scoreValue().innerText(), contributions);

    // A statement entered in Chinese: Z″ zone and flags in Chinese.
    const form = await file.add('statement');
    await form.fillStatement(typed(STATEMENT));
    await form.saveAndReturnToFile();
    await expect(file.zScore()).toHaveText(expectedZ(STATEMENT, ZH).text);
    expect(await file.ratios()).toEqual(expectedRatios(STATEMENT, ZH));
    await file.openWhatIf();
    const figures = await file.whatIfFigures();
    expect(figures.was).toBe(await file.scoreValue().innerText());

    const policy = app.policy();
    await policy.open();
    await policy.expectVersion(1);
    await policy.weight(0).fill('40');
    await policy.expectRejected(fill(ZH.pol_weights_sum, { sum: '105.0%' }));
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Accessibility and a phone
// ---------------------------------------------------------------------------------------------

test('axe: credit file (what-if and trend numbers open), statement form with errors, policy page with an error', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new App(page, EN);
  await openCreditFile(app);
  const file = app.creditFile();
  const form = await file.add('statement');
  await form.fillStatement(typed(STATEMENT));
  await form.saveAndReturnToFile();
  await file.openWhatIf();
  await file.trendRows();
  await expectNoSeriousViolations(page, 'credit file with what-if open');

  const statement = await file.add('statement');
  await statement.fillStatement({ ...typed(STATEMENT), 'total-assets': '-5', equity: '300,000' });
  await statement.save();
  await expect(statement.statementError()).toHaveText(EN.rej_negative_total_assets);
  await expectNoSeriousViolations(page, 'statement form with an error and a warning');

  await page.goBack();
  await expect(file.root()).toBeVisible();
  const report = await file.add('report');
  await report.save();
  await expect(report.error('agency')).toHaveText(EN.err_required);
  await expectNoSeriousViolations(page, 'report form with errors');

  const policy = app.policy();
  await policy.open();
  await expectNoSeriousViolations(page, 'policy page');
  await policy.weight(0).fill('40');
  await policy.expectRejected(fill(EN.pol_weights_sum, { sum: '105.0%' }));
  await expectNoSeriousViolations(page, 'policy page with an error');
});

test('at 360×740 the credit file, the statement form and the policy page do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await openCreditFile(app);
  const file = app.creditFile();
  const check = async (where) => {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    expect.soft(scrollWidth, `${where}: document ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
  };
  const form = await file.add('statement');
  await form.fillStatement(typed(STATEMENT));
  await check('statement form');
  await form.saveAndReturnToFile();
  await file.openWhatIf();
  await file.trendRows();
  await check('credit file with what-if and trend numbers open');
  await app.policy().open();
  await check('policy page');
});
