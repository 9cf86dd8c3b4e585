// Changes survive a reload; Reset demo data discards them; unreadable saved data is set aside.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, DEMO, suite } from './support/suite.mjs';
import { firstWithStatus, pickFromMenu, rowOf, tiles, tilesReady } from './support/app.mjs';

/** Makes the browser's storage refuse every write from now on, as when it is full. */
function fillStorage(page) {
  return page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

const { visit } = suite();
// Where the mock store keeps the journal of the demo (seed 2026) at this run's size.
const JOURNAL = `sync-overview/journal/v1/2026-${DEMO ?? 600}`;
// The mock store's own persistence (the browser's storage); the HTTP backend has the server's.
const T = { timeout: 60_000, skip: BACKEND !== 'mock' && 'mock store only' };

async function exclude(page, name) {
  await page.getByLabel('Filter', { exact: true }).fill(name);
  await pickFromMenu(page, name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Excluded ${name}` }).waitFor();
}

test('changes survive a reload, and Reset demo data discards them', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const original = await tiles(page);
  const item = await firstWithStatus(page, 'Not Synced');
  await exclude(page, item.name);
  const changed = await tiles(page);
  assert.equal(changed.excluded, original.excluded + 1);

  await page.reload();
  await rowsReady(page);
  await tilesReady(page);
  assert.deepEqual(await tiles(page), changed);
  await page.getByLabel('Filter', { exact: true }).fill(item.name);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr:not([aria-hidden])').length === 1);
  assert.equal((await rowOf(page, item.name)).status, 'Excluded');

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset demo data' });
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Demo data reset' }).waitFor();
  await page.waitForFunction(() => document.querySelector('tbody tr td:nth-child(3)')?.textContent.trim() === 'Not Synced');
  assert.deepEqual(await tiles(page), original);
  await page.reload();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), original);
  await done();
});

test('unreadable saved changes are set aside with a clear message', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const original = await tiles(page);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('sync-overview/journal')) ?? null);
  assert.equal(key, null, 'nothing saved before any change');
  await page.evaluate((key) => localStorage.setItem(key, '{"actions": [oops'), JOURNAL);
  await page.reload();
  await rowsReady(page);
  await page.getByRole('note').filter({ hasText: 'could not be read' }).waitFor();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), original);
  const aside = await page.evaluate((key) => localStorage.getItem(`${key}/unreadable`), JOURNAL);
  assert.equal(aside, '{"actions": [oops');
  await done();
});

test('saved changes that no longer apply are skipped, the rest kept', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const item = await firstWithStatus(page, 'Not Synced');
  await exclude(page, item.name);
  const changed = await tiles(page);
  // A second, impossible action (item 9999999 does not exist) sneaks into the journal.
  await page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key));
    saved.actions.push({ action: 'include', item: 9999999 });
    localStorage.setItem(key, JSON.stringify(saved));
  }, JOURNAL);
  await page.reload();
  await rowsReady(page);
  await page.getByRole('note').filter({ hasText: '1 saved change no longer applied' }).waitFor();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), changed);
  await done();
});

test('a change the browser cannot save is not made, and the dialog says so', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  const item = await firstWithStatus(page, 'Matched');
  await page.getByLabel('Filter', { exact: true }).fill(item.name);
  await fillStorage(page);
  await pickFromMenu(page, item.name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('switch', { name: 'Disable portal record' }).check();
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'could not be saved' }).waitFor();
  // The dialog stays open with the user's choice; nothing changed.
  assert.equal(await dialog.getByRole('switch').isChecked(), true);
  assert.deepEqual(await tiles(page), before);
  assert.equal((await rowOf(page, item.name)).status, 'Matched');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), before);
  await done();
});

test('an Include the browser cannot save says so in an alert and changes nothing', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  const item = await firstWithStatus(page, 'Excluded');
  await page.getByLabel('Filter', { exact: true }).fill(item.name);
  await fillStorage(page);
  await pickFromMenu(page, item.name, 'Include Record');
  await page.getByRole('alert').filter({ hasText: `Could not include ${item.name}: Your change could not be saved` }).waitFor();
  assert.equal((await rowOf(page, item.name)).status, 'Excluded');
  assert.deepEqual(await tiles(page), before);
  await done();
});
