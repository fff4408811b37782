// Collections (issue 10, first screen): a collector works through today's reminders — the
// worklist from demo S, a task done in two clicks (channel, Save) that moves the customer one
// rung, a promise to pay that takes the customer off the list, a promise typed wrong refused
// with nothing saved, the customer's collections (contact log, promise status), a manager
// assigning the collector and escalating, the collector's own list, the list in Chinese, at
// 360 px, axe, and the list worked offline.
import { test, expect } from '@playwright/test';
import {
  App, EN, ZH, COLLECTIONS, controlledByServiceWorker, escapeRegExp, expectNoSeriousViolations,
} from './pages.mjs';

const C = COLLECTIONS.EN;
const COLLECTOR = '4'; // demo S: director, manager, analyst, collector, sales

class WorklistPage {
  constructor(app) { this.app = app; this.page = app.page; }
  root() { return this.page.getByTestId('worklist'); }
  tasks() { return this.page.getByTestId('task'); }
  async open(t = C) {
    await this.app.nav().getByRole('link', { name: t.nav_collections, exact: true }).click();
    await expect(this.app.heading(t.worklist_title)).toBeVisible();
  }
  /** [{ customer, step }] of the rows shown. */
  async rows() {
    await expect(this.tasks().first()).toBeVisible();
    const rows = [];
    for (const row of await this.tasks().all()) {
      rows.push({
        customer: (await row.getByTestId('task-customer').innerText()).trim(),
        step: (await row.getByTestId('task-step').innerText()).trim(),
        priority: Number((await row.getByTestId('priority').innerText()).trim()),
      });
    }
    return rows;
  }
  row(customer) {
    return this.tasks().filter({ has: this.page.getByTestId('task-customer').getByText(customer, { exact: true }) });
  }
  form() { return this.page.getByTestId('task-form'); }
}

/** How many events the journal holds, as its page counts them. */
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

test('a collector works through today\'s reminders: a task in two clicks, a promise, bad input', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  const list = new WorklistPage(app);
  await list.open();
  const rows = await list.rows();
  expect(rows.length, 'demo S has reminders due today').toBeGreaterThan(2);
  // Highest priority first, and each priority says why.
  const priorities = rows.map((r) => r.priority);
  expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  await list.tasks().first().getByTestId('priority').click();
  await expect(list.tasks().first().getByRole('listitem')).toHaveCount(4);

  // Two clicks: the first channel of the first task, then Save. The customer moves on a rung.
  const first = rows[0];
  await list.row(first.customer).locator('[data-testid^="done-"]').first().click();
  await list.form().getByTestId('save-task').click();
  await expect(page.getByTestId('task-saved')).toContainText(first.customer);
  await expect(list.form()).toHaveCount(0);
  const after = await list.rows();
  const moved = after.find((r) => r.customer === first.customer);
  expect(moved?.step, `${first.customer} is not reminded of the same rung again`).not.toBe(first.step);

  // A promise typed wrong is refused beside its field; nothing is saved.
  const second = after.find((r) => r.customer !== first.customer);
  const before = await journalEvents(app);
  await list.open();
  await list.row(second.customer).locator('[data-testid^="done-"]').first().click();
  await list.form().getByTestId('outcome').selectOption('promise');
  await list.form().getByTestId('promise-amount').fill('abc');
  await list.form().getByTestId('save-task').click();
  await expect(list.form().getByTestId('promise-amount-error')).not.toHaveText('');
  expect(await journalEvents(app)).toBe(before);

  // A good promise: the customer leaves today's list (reminders wait for the promised day).
  await list.open();
  await list.row(second.customer).locator('[data-testid^="done-"]').first().click();
  await list.form().getByTestId('outcome').selectOption('promise');
  await list.form().getByTestId('save-task').click();
  await expect(page.getByTestId('task-saved')).toContainText(second.customer);
  await expect(list.row(second.customer)).toHaveCount(0);
  expect(await journalEvents(app)).toBe(before + 1);
  // After a reload, from IndexedDB, the same.
  await app.reload();
  await list.open();
  await expect(list.row(second.customer)).toHaveCount(0);

  // The customer's collections: the promise pending, the contact it came from, no reminder due.
  await app.customers().open();
  await app.customers().search().fill(first.customer);
  await app.customers().openCustomer(first.customer);
  await page.getByTestId('action-collections').click();
  const log = page.getByTestId('contact-log').getByTestId('contact');
  await expect(log).toHaveCount(1);
  await expect(log.first()).toContainText(C.outcome_reached);
  await app.customers().open();
  await app.customers().search().fill(second.customer);
  await app.customers().openCustomer(second.customer);
  await page.getByTestId('action-collections').click();
  await expect(page.getByTestId('promise')).toHaveCount(1);
  await expect(page.getByTestId('promise-status')).toHaveText(C.status_pending);
  await expect(page.getByTestId('contact').first()).toContainText(C.outcome_promise);
  await expect(page.getByTestId('next-due')).toHaveText(C.next_none);
});

test('the worklist in Chinese, at 360 px, with no serious axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new App(page, EN);
  await app.loadDemoS();
  await app.languageButton().click();
  const zh = app.use(ZH);
  const list = new WorklistPage(zh);
  await list.open(COLLECTIONS.ZH);
  await expect(list.root()).toContainText(COLLECTIONS.ZH.worklist_intro);
  await expect(list.tasks().first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(360);
  await list.tasks().first().locator('[data-testid^="done-"]').first().click();
  await expect(list.form()).toBeVisible();
  await expectNoSeriousViolations(page, 'the worklist in Chinese with a task form open');
});

test('a manager assigns a customer to the collector and escalates it; the collector sees it as theirs', async ({ page }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  const MANAGER = '2';
  await page.getByTestId('user-switch').selectOption(MANAGER);
  const list = new WorklistPage(app);
  await list.open();
  const [first] = await list.rows();
  await list.row(first.customer).getByTestId('task-customer').click();
  await page.getByTestId('action-collections').click();
  await expect(page.getByTestId('collector')).toHaveText(C.collector_none);

  // Assigned to the collector profile (the demo's fourth).
  const collector = page.getByTestId('assign').locator('option').filter({ hasText: 'Collector' }).first();
  const name = (await collector.innerText()).split(' · ')[0];
  await page.getByTestId('assign').selectOption(await collector.getAttribute('value'));
  await page.getByTestId('assign-save').click();
  await expect(page.getByTestId('collector')).toHaveText(C.collector_label.replace('{name}', name));

  // Escalation needs a reason; with one, the hand-over is due today.
  await page.getByTestId('escalate-step').selectOption({ index: (await page.getByTestId('escalate-step').locator('option').count()) - 1 });
  await page.getByTestId('escalate-save').click();
  await expect(page.getByTestId('escalate-reason-error')).not.toHaveText('');
  await page.getByTestId('escalate-reason').fill('No answer for six weeks');
  await page.getByTestId('escalate-save').click();
  await expect(page.getByTestId('next-due')).toContainText(C.step_handover);
  await expectNoSeriousViolations(page, "a customer's collections with its forms");

  // The collector, "only mine": that customer alone, at the hand-over step.
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  await list.open();
  await page.getByTestId('only-mine').check();
  const mine = await list.rows();
  expect(mine.map((r) => r.customer)).toEqual([first.customer]);
  expect(mine[0].step).toContain(C.step_handover);
});

test('offline: the collector works today\'s list with the network gone, and it is kept', async ({ page, context }) => {
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  await controlledByServiceWorker(app);
  await context.setOffline(true);
  await app.reload();
  await expect(app.offlineBadge()).toBeVisible();
  const list = new WorklistPage(app);
  await list.open();
  const [first] = await list.rows();
  await list.row(first.customer).locator('[data-testid^="done-"]').first().click();
  await list.form().getByTestId('save-task').click();
  await expect(page.getByTestId('task-saved')).toContainText(first.customer);
  // Still offline, from IndexedDB after a reload: the task is in the customer's contact log.
  await app.reload();
  await app.customers().open();
  await app.customers().search().fill(first.customer);
  await app.customers().openCustomer(first.customer);
  await page.getByTestId('action-collections').click();
  await expect(page.getByTestId('contact')).toHaveCount(1);
});
