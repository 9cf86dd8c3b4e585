// Two tabs on the mock store: neither loses the other's changes, each shows the other's change
// without a reload, and a change checked against data another tab has changed is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { choose, filterBy, firstWithStatus, pickFromMenu, rowOf, tiles, tilesReady, waitForTiles } from './support/app.mjs';
import { until } from './support/wait.mjs';

const { visit } = suite();
// The mock store's own storage, shared by the tabs of one browser; the HTTP backend has the
// server's (its own tests cover several clients).
const T = { timeout: 90_000, skip: BACKEND !== 'mock' && 'mock store only' };

/** Opens a second tab on the same page (same browser profile and storage). */
async function secondTab(first) {
  const page = await first.context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') first.problems.push(`tab 2 ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => first.problems.push(`tab 2 pageerror: ${err.message}`));
  await page.goto(first.page.url());
  await rowsReady(page);
  await tilesReady(page);
  return page;
}

/** Tab A on the page and tab B filtered to A's first Not Synced item. */
async function twoTabsOnOneItem() {
  const session = await visit();
  const a = session.page;
  await tilesReady(a);
  const item = await firstWithStatus(a, 'Not Synced');
  const b = await secondTab(session);
  await filterBy(b, item.name);
  return { session, a, b, item };
}

/** Excludes `name` through its row menu and dialog, and waits for the announcement. */
async function exclude(page, name) {
  await filterBy(page, name);
  await pickFromMenu(page, name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Excluded ${name}` }).waitFor();
}

/** Waits (up to `ms`) until the row of `name` shows `status`, without reloading. */
async function waitForStatus(page, name, status, ms = 5_000) {
  await until(async () => (await rowOf(page, name))?.status, (seen) => seen === status, {
    what: `${name} ${status}`,
    timeout: ms,
  });
}

test('two tabs each exclude an item: both changes survive, and each tab shows the other at once', T, async () => {
  const session = await visit();
  const a = session.page;
  await tilesReady(a);
  const original = await tiles(a);
  const first = await firstWithStatus(a, 'Not Synced');
  const b = await secondTab(session);
  // Tab B's second Not Synced item, so the two tabs change different items.
  await choose(b, 'Status', 'Not Synced');
  await b.waitForFunction((n) => [...document.querySelectorAll('tbody th[scope=row]')].some((th) => th.textContent.includes(n)), first.name);
  const names = await b.locator('tbody th[scope=row] > :first-child').allTextContents();
  const second = names.map((n) => n.trim()).find((n) => n !== first.name);
  await choose(b, 'Status', 'All');

  await exclude(a, first.name);
  await filterBy(b, first.name);
  await waitForStatus(b, first.name, 'Excluded');
  await exclude(b, second);
  await filterBy(a, second);
  await waitForStatus(a, second, 'Excluded');

  const both = { ...original, notSynced: original.notSynced - 2, excluded: original.excluded + 2 };
  await waitForTiles(a, both);
  await waitForTiles(b, both);
  for (const page of [a, b]) {
    await page.reload();
    await rowsReady(page);
    await tilesReady(page);
    assert.deepEqual(await tiles(page), both);
    for (const name of [first.name, second]) {
      await filterBy(page, name);
      assert.equal((await rowOf(page, name)).status, 'Excluded');
    }
  }
  await session.done();
});

test('a change checked against data another tab changed is refused, not applied on top', T, async () => {
  const { session, a, b, item } = await twoTabsOnOneItem();
  const before = await tiles(b);
  // Tab A's word to other tabs is lost (counted, not sent): tab B can only learn of the change
  // when it writes.
  await a.evaluate(() => {
    window.toldOtherTabs = 0;
    BroadcastChannel.prototype.postMessage = () => {
      window.toldOtherTabs += 1;
    };
  });
  await exclude(a, item.name);
  await a.waitForFunction(() => window.toldOtherTabs > 0);
  assert.equal((await rowOf(b, item.name)).status, 'Not Synced', 'tab B has not heard');

  // Tab B, still showing the item as Not Synced, excludes it too.
  await pickFromMenu(b, item.name, 'Exclude Record');
  const dialog = b.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await b.getByRole('alert').filter({ hasText: 'Nothing was saved' }).waitFor();
  await waitForStatus(b, item.name, 'Excluded');
  await waitForTiles(b, { ...before, notSynced: before.notSynced - 1, excluded: before.excluded + 1 });
  await session.done();
});

test("an open row menu follows its item: another tab's Exclude turns its Exclude into Include", T, async () => {
  const { session, a, b, item } = await twoTabsOnOneItem();
  await b.getByRole('button', { name: `Actions for ${item.name}`, exact: true }).click();
  const menu = b.getByRole('menu', { name: `Actions for ${item.name}` });
  await menu.getByRole('menuitem', { name: 'Exclude Record' }).waitFor();

  await exclude(a, item.name);
  // Tab B hears of it while its menu is open: the menu stays open on the same item and offers
  // what now applies to it.
  await menu.getByRole('menuitem', { name: 'Include Record' }).waitFor({ timeout: 5_000 });
  assert.equal(await menu.getByRole('menuitem', { name: 'Exclude Record' }).count(), 0, 'no Exclude for an excluded item');
  await menu.getByRole('menuitem', { name: 'Include Record' }).click();
  await b.getByRole('status').filter({ hasText: `Included ${item.name}` }).waitFor();
  await waitForStatus(b, item.name, 'Not Synced');
  await waitForStatus(a, item.name, 'Not Synced');
  await session.done();
});

test('Reset demo data in one tab starts the other tab again too, without a reload', T, async () => {
  const session = await visit();
  const a = session.page;
  await tilesReady(a);
  const original = await tiles(a);
  const item = await firstWithStatus(a, 'Not Synced');
  const b = await secondTab(session);
  await exclude(a, item.name);
  await waitForTiles(b, { ...original, notSynced: original.notSynced - 1, excluded: original.excluded + 1 });
  await a.getByRole('button', { name: 'Reset demo data' }).click();
  const dialog = a.getByRole('dialog', { name: 'Reset demo data' });
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await a.getByRole('status').filter({ hasText: 'Demo data reset' }).waitFor();
  await waitForTiles(b, original);
  await filterBy(b, item.name);
  assert.equal((await rowOf(b, item.name)).status, 'Not Synced');
  await session.done();
});

test('Run a sync now in one tab: the other tab shows the new items and Last Synced without a reload', { ...T, timeout: 180_000 }, async () => {
  const session = await visit();
  const a = session.page;
  await tilesReady(a);
  const before = await tiles(a);
  const b = await secondTab(session);
  const lastSynced = (page) => page.getByText(/^Last Synced/).locator('..').innerText();
  const synced = await lastSynced(b);
  await a.getByRole('button', { name: 'Run a sync now' }).click();
  const said = a.getByRole('status').filter({ hasText: /^Sync run done/ });
  await said.waitFor({ timeout: 120_000 });
  const added = Number((await said.innerText()).match(/([\d,]+) new/)[1].replace(/,/g, ''));
  assert.ok(added >= 1, await said.innerText());
  // The other tab follows: its total grows by the run's new items, and Last Synced moves.
  await until(() => tiles(b), (t) => t.total === before.total + added, { what: `total ${before.total + added} in tab 2`, timeout: 30_000 });
  await until(() => lastSynced(b), (t) => t !== synced && /just now/.test(t), { what: 'Last Synced: just now in tab 2' });
  await session.done();
});
