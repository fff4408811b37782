// What the browser benchmarks share: the longest main-thread task (Long Tasks API) and an
// export through the data page timed from the click to the download.
import { statSync } from 'node:fs';

export const TEN_MINUTES = 10 * 60_000;

/** Starts recording the page's longest task in `window.__longest` (reset it to measure). */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

/** Exports `table` as `format` on the data page and prints the time, size and longest task. */
export async function timedExport(page, table, format) {
  await page.getByTestId('export-table').selectOption(table);
  await page.getByTestId('export-format').selectOption(format);
  await page.evaluate(() => { window.__longest = 0; });
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TEN_MINUTES }),
    page.getByTestId('export-download').click(),
  ]);
  const ms = Date.now() - started;
  const size = statSync(await download.path()).size;
  const longest = await page.evaluate(() => window.__longest);
  console.log(`${table} as ${format}: ${ms} ms to the download, ${(size / 1e6).toFixed(1)} MB, `
    + `longest main-thread task ${longest.toFixed(0)} ms (${download.suggestedFilename()})`);
}
