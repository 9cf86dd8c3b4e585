// Export CSV: every item the view matches (not only the rows in view), quoted so a spreadsheet
// reads it right, on both backends and at 100,000 items.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { suite } from './support/suite.mjs';
import { choose, itemCount, rows, settled } from './support/app.mjs';
import { parseCsv } from './support/csv.mjs';

const { visit } = suite();
const T = { timeout: 120_000 };

/** Clicks Export CSV and returns the downloaded file's name and rows. */
async function exportCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'a byte order mark, for spreadsheets');
  return { name: download.suggestedFilename(), rows: parseCsv(text.slice(1)) };
}

test('Export CSV downloads every item the view matches, in its order', T, async () => {
  const { page, done } = await visit();
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const count = await itemCount(page);
  const shown = await rows(page);
  const { name, rows: csv } = await exportCsv(page);
  assert.match(name, /^sync-status-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.deepEqual(csv[0], ['Name', 'Source ID', 'Type', 'Status', 'Matched record']);
  assert.equal(csv.length - 1, count, 'every matching item, not only the rows in view');
  assert.ok(csv.slice(1).every((r) => r[3] === 'Not Synced'));
  // The first rows are the ones the list shows first.
  assert.deepEqual(
    csv.slice(1, 1 + Math.min(5, shown.length)).map((r) => r[0].replace(/^'/, '')),
    shown.slice(0, 5).map((r) => r.name),
  );
  await page.getByRole('status').filter({ hasText: `Exported ${count.toLocaleString('en-US')} item` }).waitFor();
  await done();
});
