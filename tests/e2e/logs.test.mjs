// Sync Logs you can work with: level, client and text narrow the entries, the filters live in
// the URL (a reload keeps the window open as it was), an entry about an item opens the list on
// that item with its row focused, and Export CSV downloads every entry the filters match. On
// both backends.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { audit } from './support/axe.mjs';
import { parseCsv } from './support/csv.mjs';
import { rowsReady } from './support/browser.mjs';
import { suite } from './support/suite.mjs';
import { choose, tilesReady } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 90_000 };

/** Opens the Sync Logs of the first integration, a month back; returns the dialog. */
async function openLogs(page) {
  await tilesReady(page);
  await page.getByRole('button', { name: 'View Logs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync Logs' });
  await dialog.getByRole('table').waitFor();
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('From', { exact: true }).fill(month);
  await settledLogs(dialog);
  return dialog;
}

/** Waits until the window shows the answer to its filters. */
async function settledLogs(dialog) {
  await dialog.locator('[role=region][aria-busy="false"]').waitFor();
}

/** The shown entries' levels and messages. */
async function shown(dialog) {
  return dialog.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ level: r.children[1].textContent.trim(), message: r.children[2].textContent, item: r.children[3].textContent.trim() })),
  );
}

test('level, client and text narrow the Sync Logs, and the filters survive a reload through the URL', T, async () => {
  const { page, done } = await visit();
  const dialog = await openLogs(page);
  const all = await shown(dialog);
  assert.ok(all.length > 10, `a month of logs: ${all.length}`);
  await choose(dialog, 'Level', 'Warning');
  await settledLogs(dialog);
  const warnings = await shown(dialog);
  assert.ok(warnings.length > 0 && warnings.every((e) => e.level === 'Warning'), JSON.stringify(warnings.slice(0, 3)));
  await dialog.getByLabel('Text', { exact: true }).fill('NO MATCHING');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('logs_text') === 'NO MATCHING');
  await settledLogs(dialog);
  const narrowed = await shown(dialog);
  assert.ok(narrowed.length > 0, 'some warnings are about items with no record');
  assert.ok(narrowed.every((e) => /no matching/i.test(e.message) && e.item !== ''), JSON.stringify(narrowed.slice(0, 3)));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('logs'), 'open');
  assert.equal(url.searchParams.get('logs_level'), 'warning');

  await page.reload();
  await rowsReady(page);
  const again = page.getByRole('dialog', { name: 'Sync Logs' });
  await again.getByRole('table').waitFor();
  await settledLogs(again);
  assert.equal(await again.getByLabel('Text', { exact: true }).inputValue(), 'NO MATCHING');
  assert.equal(await again.getByLabel('Level', { exact: true }).inputValue(), 'warning');
  assert.deepEqual(await shown(again), narrowed);
  await audit(page, 'in Sync Logs, filtered');

  // The client of the first entry's item narrows to its entries (each about an item).
  const clients = await again.getByLabel('Client', { exact: true }).locator('option').allTextContents();
  assert.equal(clients[0], 'All clients');
  await choose(again, 'Client', clients[1]);
  await settledLogs(again);
  const ofClient = await shown(again);
  assert.ok(ofClient.every((e) => e.item !== ''), 'entries of a client are about its items');
  // Closing keeps the rest of the view and drops the window's keys.
  await page.keyboard.press('Escape');
  await again.waitFor({ state: 'detached' });
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('logs'));
  await done();
});

test('an entry about an item opens the list on it with its row focused', T, async () => {
  const { page, done } = await visit();
  const dialog = await openLogs(page);
  await dialog.getByLabel('Text', { exact: true }).fill('no matching');
  await settledLogs(dialog);
  const link = dialog.getByRole('button', { name: /^Show .* in the list$/ }).first();
  const name = (await link.innerText()).trim();
  await link.click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Filter', { exact: true }).inputValue(), name);
  await page.waitForFunction((n) => {
    const row = document.activeElement?.closest('tr');
    return row && row.querySelector('th[scope=row]')?.textContent.includes(n);
  }, name);
  // Back returns to the window, as it was.
  await page.goBack();
  await page.getByRole('dialog', { name: 'Sync Logs' }).getByRole('table').waitFor();
  await done();
});

test('Export CSV downloads every entry the filters match', T, async () => {
  const { page, done } = await visit();
  const dialog = await openLogs(page);
  await choose(dialog, 'Level', 'Info');
  await settledLogs(dialog);
  const caption = await dialog.locator('caption').innerText();
  const total = Number(caption.replace(/,/g, '').match(/(\d+)(?: log entr| *$)/)?.[1] ?? caption.replace(/,/g, '').match(/of (\d+)/)[1]);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^sync-logs-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv((await readFile(await download.path(), 'utf8')).slice(1));
  assert.deepEqual(rows[0], ['Time', 'Level', 'Message', 'Item']);
  assert.equal(rows.length - 1, total, `${caption}`);
  assert.ok(rows.slice(1).every((r) => r[1] === 'Info'));
  await page.getByRole('status').filter({ hasText: /^Exported [\d,]+ log entr/ }).waitFor();
  await done();
});
