// Changes survive a reload; Reset demo data discards them; unreadable saved data is set aside.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, DEMO, suite } from './support/suite.mjs';
import { filterBy, firstWithStatus, pickFromMenu, rowOf, tiles, tilesReady } from './support/app.mjs';

/** Makes the browser's storage refuse every new record from now on, as when it is full. */
function fillStorage(page) {
  return page.evaluate(() => {
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

/**
 * Runs one request on a store of the mock store's journal database, in the page: `add` a raw
 * record, or `getAll` records. Returns the request's result.
 */
function onJournal(page, store, op, value) {
  return page.evaluate(
    async ({ name, store, op, value }) => {
      const done = (request) =>
        new Promise((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open(name));
      try {
        const objects = db.transaction(store, op === 'add' ? 'readwrite' : 'readonly').objectStore(store);
        return await done(op === 'add' ? objects.add(value) : objects.getAll());
      } finally {
        db.close();
      }
    },
    { name: JOURNAL_DB, store, op, value },
  );
}

/**
 * Leaves only a journal as versions before IndexedDB kept it: `raw` in local storage. (The
 * database is deleted once the page holding it open reloads.)
 */
function legacyJournal(page, raw) {
  return page.evaluate(
    async ({ name, key, raw }) => {
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
      localStorage.setItem(key, raw);
    },
    { name: JOURNAL_DB, key: LEGACY_KEY, raw },
  );
}

/** Reloads the page and waits for its rows and tiles. */
async function reloaded(page) {
  await page.reload();
  await rowsReady(page);
  await tilesReady(page);
}

/** Adds a raw record to the journal's entries. */
const addEntry = (page, raw) => onJournal(page, 'entries', 'add', raw);

/** Every record set aside. */
const setAside = (page) => onJournal(page, 'aside', 'getAll');

/** Every record of the journal. */
const entries = (page) => onJournal(page, 'entries', 'getAll');

const { visit } = suite();
// Where the mock store keeps the journal of the demo (seed 2026) at this run's size (IndexedDB),
// and where versions before it kept it (local storage).
const JOURNAL_DB = `sync-overview/journal/2026-${DEMO ?? 600}`;
const LEGACY_KEY = `sync-overview/journal/v1/2026-${DEMO ?? 600}`;
// The mock store's own persistence (the browser's storage); the HTTP backend has the server's.
const T = { timeout: 60_000, skip: BACKEND !== 'mock' && 'mock store only' };

async function exclude(page, name) {
  await filterBy(page, name);
  await pickFromMenu(page, name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Excluded ${name}` }).waitFor();
}

/** Excludes the first Not Synced item; returns it and the tiles before and after. */
async function excludeOne(page) {
  await tilesReady(page);
  const original = await tiles(page);
  const item = await firstWithStatus(page, 'Not Synced');
  await exclude(page, item.name);
  return { item, original, changed: await tiles(page) };
}

test('changes survive a reload, and Reset demo data discards them', T, async () => {
  const { page, done } = await visit();
  const { item, original, changed } = await excludeOne(page);
  assert.equal(changed.excluded, original.excluded + 1);

  await reloaded(page);
  assert.deepEqual(await tiles(page), changed);
  await filterBy(page, item.name);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr:not([aria-hidden])').length === 1);
  assert.equal((await rowOf(page, item.name)).status, 'Excluded');

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset demo data' });
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Demo data reset' }).waitFor();
  await page.waitForFunction(() => document.querySelector('tbody tr td:nth-child(4)')?.textContent.trim() === 'Not Synced');
  assert.deepEqual(await tiles(page), original);
  await page.reload();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), original);
  await done();
});

test('unreadable saved changes are set aside with a clear message, the rest kept', T, async () => {
  const { page, done } = await visit();
  const { changed } = await excludeOne(page);
  await addEntry(page, '{"action": [oops');
  await page.reload();
  await rowsReady(page);
  await page.getByRole('note').filter({ hasText: '1 saved change could not be read and was set aside' }).waitFor();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), changed);
  assert.deepEqual(await setAside(page), ['{"action": [oops']);
  await done();
});

test('saved changes that no longer apply are set aside, the rest kept', T, async () => {
  const { page, done } = await visit();
  const { changed } = await excludeOne(page);
  // A second, impossible action (item 9999999 does not exist) sneaks into the journal.
  const impossible = JSON.stringify({ action: { action: 'include', item: 9999999 } });
  await addEntry(page, impossible);
  await page.reload();
  await rowsReady(page);
  await page.getByRole('note').filter({ hasText: '1 saved change no longer applied' }).waitFor();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), changed);
  assert.deepEqual(await setAside(page), [impossible]);
  assert.equal((await entries(page)).length, 1);
  await done();
});

test('a journal an earlier version kept in local storage is carried over once', T, async () => {
  const { page, done } = await visit();
  const { original, changed } = await excludeOne(page);
  // The same change, as an earlier version saved it (a bare action, with no time or author), and no
  // IndexedDB journal yet.
  const [saved] = (await entries(page)).map((raw) => JSON.parse(raw).entry.action);
  await legacyJournal(page, JSON.stringify({ actions: [saved] }));
  await reloaded(page);
  assert.deepEqual(await tiles(page), changed);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LEGACY_KEY), null);
  // Once: a second reload does not bring it in again (it would be refused, and say so).
  await reloaded(page);
  assert.deepEqual(await tiles(page), changed);
  assert.equal(await page.getByRole('note').count(), 0);
  assert.equal((await entries(page)).length, 1);
  assert.notDeepEqual(changed, original);
  await done();
});

test('an unreadable journal in local storage is set aside, not lost', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const original = await tiles(page);
  await legacyJournal(page, '{"actions": [oops');
  await page.reload();
  await rowsReady(page);
  await page.getByRole('note').filter({ hasText: 'could not be read' }).waitFor();
  await tilesReady(page);
  assert.deepEqual(await tiles(page), original);
  assert.deepEqual(await setAside(page), ['{"actions": [oops']);
  await done();
});

test('a change the browser cannot save is not made, and the dialog says so', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  const item = await firstWithStatus(page, 'Matched');
  await filterBy(page, item.name);
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
  await filterBy(page, item.name);
  await fillStorage(page);
  await pickFromMenu(page, item.name, 'Include Record');
  await page.getByRole('alert').filter({ hasText: `Could not include ${item.name}: Your change could not be saved` }).waitFor();
  assert.equal((await rowOf(page, item.name)).status, 'Excluded');
  assert.deepEqual(await tiles(page), before);
  await done();
});
