// A promise to pay kept waiting by the calendar (issue 10, §4 and §6): the customer leaves
// today's list when the collector records the promise, stays off it through the promised day
// and its tolerance, and comes back the day after with the broken promise counted in its
// priority and shown on its collections page. The device's clock is moved, not the data.
import { test, expect } from '@playwright/test';
import { App, EN, COLLECTIONS, fill } from './pages.mjs';

const C = COLLECTIONS.EN;
const COLLECTOR = '4'; // demo S: director, manager, analyst, collector, sales
const DAY = 24 * 60 * 60 * 1000;

const tasks = (page) => page.getByTestId('task');
const row = (page, customer) => tasks(page).filter({
  has: page.getByTestId('task-customer').getByText(customer, { exact: true }),
});

async function openWorklist(app) {
  await app.reload();
  await app.nav().getByRole('link', { name: C.nav_collections, exact: true }).click();
  await expect(app.heading(C.worklist_title)).toBeVisible();
}

test('a promise broken by its date brings the customer back, its priority saying why', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
  const app = new App(page, EN);
  await app.loadDemoS();
  await page.getByTestId('user-switch').selectOption(COLLECTOR);
  await openWorklist(app);
  await expect(tasks(page).first()).toBeVisible();
  const customer = (await tasks(page).first().getByTestId('task-customer').innerText()).trim();
  const before = Number((await row(page, customer).getByTestId('priority').innerText()).trim());

  // The promise as the form proposes it: the whole overdue amount in 7 days, 3 days' tolerance.
  await row(page, customer).locator('[data-testid^="done-"]').first().click();
  const form = page.getByTestId('task-form');
  await form.getByTestId('outcome').selectOption('promise');
  await expect(form.getByTestId('promise-due')).toHaveValue('2026-11-30');
  await expect(form.getByTestId('promise-tolerance')).toHaveValue('3');
  await form.getByTestId('save-task').click();
  await expect(page.getByTestId('task-saved')).toContainText(customer);
  await expect(row(page, customer)).toHaveCount(0);

  // 2026-12-03, the last day of the tolerance: reminders still wait.
  await page.clock.fastForward(10 * DAY);
  await openWorklist(app);
  await expect(tasks(page).first()).toBeVisible();
  await expect(row(page, customer)).toHaveCount(0);

  // 2026-12-04: nothing was paid, the promise is broken and the customer is back, ranked on
  // the broken promise as well (15 points each).
  await page.clock.fastForward(DAY);
  await openWorklist(app);
  await expect(row(page, customer)).toHaveCount(1);
  await row(page, customer).getByTestId('priority').click();
  await expect(row(page, customer).getByRole('listitem')
    .filter({ hasText: fill(C.part_broken, { count: '1', points: '15' }) })).toHaveCount(1);
  const after = Number((await row(page, customer).getByTestId('priority').innerText()).trim());
  expect(after, 'the broken promise raises the priority').toBeGreaterThan(before);

  await row(page, customer).getByTestId('task-customer').click();
  await page.getByTestId('action-collections').click();
  await expect(page.getByTestId('promise-status')).toHaveText(C.status_broken);
});
