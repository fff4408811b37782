// The collection strategy editor (issue 10, §5): a manager edits a grade's reminder ladder from
// the policy; what cannot be read or breaks the ladder's rules is refused naming the grade and
// step, with nothing saved; a collector may not change it; the saved strategy is in force after
// a reload; the editor in Chinese at 360 px, and axe.
import { test, expect } from '@playwright/test';
import { App, EN, ZH, COLLECTIONS, fill, expectNoSeriousViolations } from './pages.mjs';

const C = COLLECTIONS.EN;
const MANAGER = '2'; // demo S: director, manager, analyst, collector, sales
const COLLECTOR = '4';

class StrategyPage {
  constructor(app, c = C) { this.app = app; this.page = app.page; this.c = c; }
  form() { return this.page.getByTestId('strategy-form'); }
  day(grade, step) { return this.page.getByTestId(`ladder-${grade}-${step}-day`); }
  channel(grade, step, name) { return this.page.getByTestId(`ladder-${grade}-${step}-${name}`); }
  async open() {
    await this.app.go('nav_policy');
    await this.page.getByTestId('open-strategy').click();
    await expect(this.app.heading(this.c.strategy_title)).toBeVisible();
  }
  async save() {
    await this.page.getByTestId('strategy-save').click();
  }
  /** The day typed in each step of a grade's ladder. */
  async days(grade) {
    const cells = this.page.getByTestId(`ladder-${grade}`).locator('[data-testid$="-day"]');
    return cells.evaluateAll((inputs) => inputs.map((input) => input.value));
  }
}

test('a manager edits a ladder: bad days and broken rules are refused by grade and step, nothing saved', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(MANAGER);
  const strategy = new StrategyPage(app);
  await strategy.open();
  // The initial strategy: A to C remind 5 days before the due date, then on days 1, 7, 30, 60, 90.
  const initial = ['-5', '1', '7', '30', '60', '90'];
  expect(await strategy.days('A')).toEqual(initial);

  // Text that is no number: named after its cell.
  await strategy.day('A', 3).fill('seven');
  await strategy.save();
  const label = `${fill(C.strategy_step_named, { grade: 'A', step: '3' })} · ${C.strategy_day}`;
  await expect(page.getByTestId('strategy-cells-error')).toHaveText(fill(EN.err_policy_cell, { cell: label }));

  // A day that does not come after the step before: the core's rule, naming grade and step.
  await strategy.day('A', 3).fill('1');
  await strategy.save();
  await expect(page.getByTestId('strategy-error')).toHaveText(fill(C.strategy_offsets_order, { grade: 'A', step: '3' }));

  // A step with no channel.
  await strategy.day('A', 3).fill('7');
  await strategy.channel('A', 1, 'email').uncheck();
  await strategy.save();
  await expect(page.getByTestId('strategy-error')).toHaveText(fill(C.strategy_no_channel, { grade: 'A', step: '1' }));
  await expect(page.getByTestId('strategy-saved')).toHaveCount(0);

  // Nothing of that was saved: a reload shows the strategy as it was.
  await app.reload();
  expect(await strategy.days('A')).toEqual(initial);
  await expect(strategy.channel('A', 1, 'email')).toBeChecked();

  // A fee that is no amount: named after its cell, nothing saved.
  const fee = page.getByTestId('ladder-A-5-fee');
  await expect(fee).toHaveValue('');
  await fee.fill('fifty');
  await strategy.save();
  const feeLabel = `${fill(C.strategy_step_named, { grade: 'A', step: '5' })} · ${C.strategy_fee}`;
  await expect(page.getByTestId('strategy-cells-error')).toContainText(`${feeLabel}`);
  await expect(page.getByTestId('strategy-saved')).toHaveCount(0);

  // A valid change: grade A's friendly reminder on day 10, a ¥50.00 fee on its final notice,
  // and a step added after the last.
  await fee.fill('50');
  await strategy.day('A', 3).fill('10');
  await page.getByTestId('ladder-A-add').click();
  await expect(strategy.day('A', 7)).toHaveValue('91');
  await strategy.save();
  await expect(page.getByTestId('strategy-saved')).toHaveText(C.strategy_saved);
  await app.reload();
  expect(await strategy.days('A')).toEqual(['-5', '1', '10', '30', '60', '90', '91']);
  expect(await strategy.days('B'), 'the other grades are unchanged').toEqual(initial);
  await expect(page.getByTestId('ladder-A-5-fee')).toHaveValue('50.00');
  await expect(page.getByTestId('ladder-B-5-fee')).toHaveValue('');

  // Removing a step and saving: the ladder is one shorter.
  await page.getByTestId('ladder-A-7-remove').click();
  await strategy.save();
  await expect(page.getByTestId('strategy-saved')).toBeVisible();
  await app.reload();
  expect(await strategy.days('A')).toEqual(['-5', '1', '10', '30', '60', '90']);
});

test('a collector may not change the strategy; the editor in Chinese at 360 px passes axe', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  const strategy = new StrategyPage(app);
  await strategy.open();
  await strategy.day('B', 2).fill('2');
  await strategy.save();
  await expect(page.getByTestId('form-error')).not.toBeEmpty();
  await expect(page.getByTestId('strategy-saved')).toHaveCount(0);
  await app.reload();
  expect((await strategy.days('B'))[1], 'nothing saved').toBe('1');

  await page.setViewportSize({ width: 360, height: 740 });
  await app.languageButton().click();
  app.use(ZH);
  const zh = COLLECTIONS.ZH;
  await expect(app.heading(zh.strategy_title)).toBeVisible();
  await expect(page.getByText(fill(zh.strategy_ladder, { grade: 'C' }), { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling of the page at 360 px').toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page, 'the strategy editor in Chinese at 360 px');
});
