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
  // Every match is in the page, or (a long list) the rows in view are, and the table says how many.
  const count = await itemCount(page);
  assert.ok(count < all, `${count} of ${all}`);
  assert.equal(await table(page).getAttribute('aria-rowcount'), String(count + 1));
  assert.ok(count === narrowed.length || (count > narrowed.length && narrowed.length >= 10), `${narrowed.length} rows of ${count}`);
  await filterBy(page, '');
  await waitForCount(page, all);
  await done();
});

test('Type and Status narrow the list and combine', T, async () => {
  const { page, done } = await visit();
  const all = await itemCount(page);
  // The type most rows in view have.
  const types = (await rows(page)).map((r) => r.type);
  const type = types.sort((a, b) => types.filter((t) => t === b).length - types.filter((t) => t === a).length)[0];
  await choose(page, 'Type', type);
  await page.waitForFunction((t) => [...document.querySelectorAll('tbody tr:not([aria-hidden]) td:nth-child(3)')].every((td) => td.textContent === t), type);
  const typed = await itemCount(page);
  assert.ok(typed > 0 && typed < all, `${typed} of ${all}`);
  for (const r of await rows(page)) assert.equal(r.type, type);
  await choose(page, 'Status', 'Not Synced');
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr:not([aria-hidden]) td:nth-child(4)')].every((td) => td.textContent.trim() === 'Not Synced'));
  const both = await itemCount(page);
  assert.ok(both > 0 && both < typed, `${both} of ${typed}`);
  for (const r of await rows(page)) assert.deepEqual([r.type, r.status], [type, 'Not Synced']);
  await choose(page, 'Type', 'All');
  await page.waitForFunction((n) => Number(document.querySelector('.item-count').textContent.replace(/\D/g, '')) > n, both);
  assert.ok((await itemCount(page)) < all);
  for (const r of await rows(page)) assert.equal(r.status, 'Not Synced');
  await done();
});

test('Type and Status options show how many items each would list, for the client and filter', T, async () => {
  const { page, done } = await visit();
  const counts = async (label) => {
    const texts = await page.getByLabel(label, { exact: true }).locator('option').allInnerTexts();
    return Object.fromEntries(
      texts.map((t) => {
        const m = t.match(/^(.*) \(([\d,]+)\)$/);
        assert.ok(m, `no count in ${label} option ${t}`);
        return [m[1], Number(m[2].replace(/,/g, ''))];
      }),
    );
  };
  const all = await itemCount(page);
  // Unfiltered: All is the whole list, and the options add up to it.
  await page.getByLabel('Type', { exact: true }).locator('option', { hasText: `All (${all.toLocaleString('en-US')})` }).waitFor({ state: 'attached' });
  const types = await counts('Type');
  const statuses = await counts('Status');
  const sum = (o) => Object.entries(o).filter(([k]) => k !== 'All').reduce((n, [, v]) => n + v, 0);
  assert.equal(types.All, all);
  assert.equal(sum(types), all);
  assert.equal(statuses.All, all);
  assert.equal(sum(statuses), all);
  // An option lists as many items as it says.
  const [type, n] = Object.entries(types).filter(([k, v]) => k !== 'All' && v > 0).at(-1);
  await choose(page, 'Type', type);
  await waitForCount(page, n);
  // With a Type chosen, the Status options count that type; the Type options stay.
  await page.waitForFunction((n) => document.querySelector('select[id$="status-filter"] option').textContent === `All (${n.toLocaleString('en-US')})`, n);
  assert.equal(sum(await counts('Status')), n);
  assert.deepEqual(await counts('Type'), types);
  // A name filter narrows every count.
  const [first] = await rows(page);
  await filterBy(page, first.name);
  const narrowed = await itemCount(page);
  await page.waitForFunction((n) => document.querySelector('select[id$="type-filter"] option:checked').textContent.endsWith(`(${n.toLocaleString('en-US')})`), narrowed);
  assert.ok((await counts('Type'))[type] < n || narrowed === n);
  assert.equal(sum(await counts('Status')), narrowed);
  await done();
});

test('a status in the Resources Status tile filters the list by it, and again shows all', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const all = await itemCount(page);
  const tile = page.getByRole('region', { name: 'Resources Status' });
  const notSynced = tile.getByRole('button', { name: /^Not Synced [\d,]+$/ });
  assert.equal(await notSynced.getAttribute('aria-pressed'), 'false');
  await notSynced.click();
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr:not([aria-hidden]) td:nth-child(4)')].every((td) => td.textContent.trim() === 'Not Synced'));
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'not-synced');
  assert.equal(await notSynced.getAttribute('aria-pressed'), 'true');
  const shown = await itemCount(page);
  assert.ok(shown > 0 && shown < all, `${shown} of ${all}`);
  for (const r of await rows(page)) assert.equal(r.status, 'Not Synced');
  // Another status moves the filter; pressing the pressed one shows every status again.
  const excluded = tile.getByRole('button', { name: /^Excluded [\d,]+$/ });
  await excluded.click();
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr:not([aria-hidden]) td:nth-child(4)')].every((td) => td.textContent.trim() === 'Excluded'));
  assert.equal(await notSynced.getAttribute('aria-pressed'), 'false');
  await excluded.press('Enter');
  await waitForCount(page, all);
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), '');
  assert.equal(await excluded.getAttribute('aria-pressed'), 'false');
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
  await choose(page, 'Type', 'Location');
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr:not([aria-hidden]) td:nth-child(3)')].every((td) => td.textContent === 'Location'));
  const header = (name) => table(page).getByRole('columnheader', { name });
  assert.equal(await header('Name').getAttribute('aria-sort'), 'ascending');
  const names = (await rows(page)).map((r) => r.name);
  const key = (n) => n.toLowerCase();
  assert.deepEqual(names, [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
  const count = await itemCount(page);
  await header('Name').getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]')?.textContent.startsWith('Name'));
  const descending = (await rows(page)).map((r) => r.name);
  assert.deepEqual(descending, [...descending].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0)));
  // All in view: exactly reversed; a long list: it now starts after where it ended in view.
  if (count === names.length) assert.deepEqual(descending, [...names].reverse());
  else assert.ok(key(descending[0]) >= key(names.at(-1)));
  await header('Status').getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]')?.textContent.startsWith('Status'));
  const statuses = (await rows(page)).map((r) => r.status);
  const order = ['Matched', 'Not Synced', 'Excluded'];
  assert.deepEqual(statuses, [...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  assert.equal(await header('Name').getAttribute('aria-sort'), 'none');
  await done();
});
