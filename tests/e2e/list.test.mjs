// The global tiles and the Sync Status list: all clients, counts that add up, filters that narrow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suite } from './support/suite.mjs';
import { choose, filterBy, itemCount, rows, settled, table, tiles, tilesReady, waitForCount } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 90_000 };

test('the tiles cover every client of the integration and add up', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  assert.equal(before.total, before.matched + before.notSynced + before.excluded);
  const clients = await page.getByLabel('Client').locator('option').allInnerTexts();
  assert.ok(clients.length >= 10, `${clients.length} clients`);
  let sum = 0;
  let previous = null;
  for (const client of clients) {
    await choose(page, 'Client', client);
    await settled(page);
    const count = await itemCount(page);
    assert.notEqual(`${client}:${count}`, previous);
    previous = `${client}:${count}`;
    sum += count;
    // The tiles do not change with the client.
    assert.deepEqual(await tiles(page), before);
  }
  assert.equal(sum, before.total, 'the clients add up to Total Synced Resources');
  await done();
});

test('Filter narrows the list to names containing the text, case-insensitively', T, async () => {
  const { page, done } = await visit();
  const all = await itemCount(page);
  const [first] = await rows(page);
  const part = first.name.slice(1, 4).toUpperCase();
  await filterBy(page, part);
  const narrowed = await rows(page);
  assert.ok(narrowed.length > 0 && narrowed.length < all, `${narrowed.length} of ${all}`);
  for (const r of narrowed) assert.ok(r.name.toLowerCase().includes(part.toLowerCase()), r.name);
  assert.equal(await itemCount(page), narrowed.length);
  await filterBy(page, '');
  await waitForCount(page, all);
  await done();
});

test('Type and Status narrow the list and combine', T, async () => {
  const { page, done } = await visit();
  const all = await itemCount(page);
  await choose(page, 'Type', 'Contact');
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(2)')].every((td) => td.textContent === 'Contact'));
  const contacts = await rows(page);
  assert.ok(contacts.length > 0 && contacts.length < all);
  await choose(page, 'Status', 'Not Synced');
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(3)')].every((td) => td.textContent.trim() === 'Not Synced'));
  const both = await rows(page);
  assert.ok(both.length < contacts.length);
  for (const r of both) assert.deepEqual([r.type, r.status], ['Contact', 'Not Synced']);
  await choose(page, 'Type', 'All');
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr:not([aria-hidden])').length > n, both.length);
  for (const r of await rows(page)) assert.equal(r.status, 'Not Synced');
  await done();
});

test('an empty result says why and clears the filters', T, async () => {
  const { page, done } = await visit();
  const all = await itemCount(page);
  await page.getByLabel('Filter', { exact: true }).fill('no item is called this');
  await choose(page, 'Status', 'Excluded');
  await page.getByText('No items match “no item is called this”, status Excluded.').waitFor();
  assert.equal((await rows(page)).length, 0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await waitForCount(page, all);
  assert.equal(await page.getByLabel('Filter', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), '');
  await done();
});

test('column headers sort the list and say how', T, async () => {
  const { page, done } = await visit();
  // Few enough rows that all of them are in view.
  await choose(page, 'Type', 'Location');
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(2)')].every((td) => td.textContent === 'Location'));
  const header = (name) => table(page).getByRole('columnheader', { name });
  assert.equal(await header('Name').getAttribute('aria-sort'), 'ascending');
  const names = (await rows(page)).map((r) => r.name);
  await header('Name').getByRole('button').click();
  await page.waitForFunction((n) => document.querySelector('tbody th')?.firstElementChild.textContent === n, names.at(-1));
  assert.equal(await header('Name').getAttribute('aria-sort'), 'descending');
  await header('Status').getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]')?.textContent.startsWith('Status'));
  const statuses = (await rows(page)).map((r) => r.status);
  const order = ['Matched', 'Not Synced', 'Excluded'];
  assert.deepEqual(statuses, [...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  assert.equal(await header('Name').getAttribute('aria-sort'), 'none');
  await done();
});
