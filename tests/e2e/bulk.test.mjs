// Bulk actions: the row and header checkboxes, "Select all N matching" (the whole filtered list,
// not only the rows rendered), Clear selection and Escape; Exclude and Include on the selection in
// one batch, with a confirmation naming what and how many, a summary, the items left as they were
// listed, and one Undo for the whole batch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { choose, filterBy, firstWithStatus, itemCount, pickFromMenu, rows, settled, tiles, tilesReady, waitForCount, waitForTiles } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 120_000 };

const number = (n) => n.toLocaleString('en-US');
const items = (n) => `${number(n)} item${n === 1 ? '' : 's'}`;
const selected = (page) => page.getByText(/^(No items selected|[\d,]+ items? selected)$/);

/** Counts the batch requests the page sends (over HTTP). */
function countBatches(page) {
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/batches')) sent.push(r.url());
  });
  return sent;
}

/** Excludes the item named `name` through the row menu of another tab on the same page. */
async function excludeInAnotherTab(session, name) {
  const other = await session.context.newPage();
  await other.goto(session.page.url());
  await rowsReady(other);
  await filterBy(other, name);
  await other.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await other.getByRole('menuitem', { name: 'Exclude Record' }).click();
  await other.getByRole('dialog', { name: 'Exclude Record' }).getByRole('button', { name: 'Exclude', exact: true }).click();
  await other.getByRole('status').filter({ hasText: `Excluded ${name}` }).waitFor();
  await other.close();
}

test('Select all N matching selects the whole filtered list; Exclude sends one batch, says what it did, and Undo puts every item back', T, async () => {
  const { page, done } = await visit();
  const batches = countBatches(page);
  await tilesReady(page);
  const before = await tiles(page);
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const n = await itemCount(page);
  assert.ok(n > 2, `enough Not Synced items (${n})`);
  assert.equal(await selected(page).innerText(), 'No items selected');

  await page.getByRole('button', { name: `Select all ${number(n)} matching`, exact: true }).click();
  await page.getByText(`${items(n)} selected`, { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Select all .* matching$/ }).count(), 0, 'all are selected already');
  // Every rendered row is ticked, and unticking one leaves it out.
  const [keep] = await rows(page);
  const keepBox = page.getByRole('checkbox', { name: `Select ${keep.name}`, exact: true });
  assert.equal(await keepBox.isChecked(), true);
  await keepBox.uncheck();
  await page.getByText(`${items(n - 1)} selected`, { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Exclude…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Exclude ${items(n - 1)}` });
  await dialog.getByRole('button', { name: `Exclude ${items(n - 1)}`, exact: true }).click();
  await page.getByRole('status').filter({ hasText: `${number(n - 1)} excluded.` }).waitFor();
  assert.equal(await dialog.count(), 0, 'the dialog closed');
  await waitForTiles(page, { ...before, notSynced: before.notSynced - (n - 1), excluded: before.excluded + n - 1 });
  // Only the unticked item is still Not Synced; nothing is selected any more.
  await waitForCount(page, 1);
  assert.deepEqual((await rows(page)).map((r) => r.name), [keep.name]);
  assert.equal(await selected(page).innerText(), 'No items selected');
  if (BACKEND === 'http') assert.equal(batches.length, 1, 'one request for the batch');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Undone: ${items(n - 1)} put back as before.` }).waitFor();
  await waitForTiles(page, before);
  await waitForCount(page, n);
  if (BACKEND === 'http') assert.equal(batches.length, 2, 'one request for the undo');
  // A reload keeps the undone state.
  await page.reload();
  await rowsReady(page);
  await tilesReady(page);
  assert.deepEqual(await tiles(page), before);
  await done();
});

test('Row and header checkboxes select rows by keyboard; Escape and Clear selection clear it; Include skips items not excluded', T, async () => {
  const { page, done } = await visit();
  const [first, second] = await rows(page);
  const box = (name) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
  await box(first.name).focus();
  await page.keyboard.press('Space');
  await box(second.name).check();
  await page.getByText('2 items selected', { exact: true }).waitFor();
  // Escape on a checkbox clears the selection.
  await page.keyboard.press('Escape');
  await page.getByText('No items selected', { exact: true }).waitFor();
  assert.equal(await box(first.name).isChecked(), false);

  // The header's checkbox ticks every row loaded, then unticks them.
  const header = page.getByRole('checkbox', { name: 'Select the rows loaded' });
  await header.check();
  const loaded = await page.locator('tbody tr:not([aria-hidden]) input[type=checkbox]').count();
  await page.getByText(`${items(loaded)} selected`, { exact: true }).waitFor();
  await header.uncheck();
  await page.getByText('No items selected', { exact: true }).waitFor();

  // Include on rows none of which is excluded changes nothing and says so.
  await choose(page, 'Status', 'Matched');
  await settled(page);
  const [matched] = await rows(page);
  await box(matched.name).check();
  await page.getByRole('button', { name: 'Include…', exact: true }).click();
  await page.getByRole('dialog', { name: 'Include 1 item' }).getByRole('button', { name: 'Include 1 item' }).click();
  await page.getByRole('status').filter({ hasText: '0 included; 1 was not excluded and skipped.' }).waitFor();
  assert.equal((await rows(page)).find((r) => r.name === matched.name)?.status, 'Matched');

  // A changed filter is another list: the selection made on the last one is gone.
  await box(matched.name).check();
  await page.getByText('1 item selected', { exact: true }).waitFor();
  await choose(page, 'Status', 'All');
  await page.getByText('No items selected', { exact: true }).waitFor();
  await page.getByRole('button', { name: /^Select all .* matching$/ }).click();
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByText('No items selected', { exact: true }).waitFor();
  await done();
});

test('A batch leaves alone an item another tab changed since it was selected, says so and lists it', T, async () => {
  const session = await visit();
  const { page } = session;
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const [a, b] = await rows(page);
  await page.getByRole('checkbox', { name: `Select ${a.name}`, exact: true }).check();
  await page.getByRole('checkbox', { name: `Select ${b.name}`, exact: true }).check();
  await page.getByText('2 items selected', { exact: true }).waitFor();

  // Another tab excludes the first one.
  await excludeInAnotherTab(session, a.name);

  await page.getByRole('button', { name: 'Exclude…', exact: true }).click();
  await page.getByRole('dialog', { name: 'Exclude 2 items' }).getByRole('button', { name: 'Exclude 2 items' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: '1 excluded; 1 was changed by someone else and left as they are.' })
    .waitFor();
  await page.getByRole('button', { name: 'Show the 1 left' }).click();
  const left = page.getByRole('dialog', { name: 'Left as they were' });
  await left.getByText(`${a.name} — changed by someone else since it was read`).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await left.count(), 0);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Show the 1 left');
  await session.done();
});

/**
 * Select all matching, then another tab excludes one of the items. `heard`: this tab hears it
 * (the mock store's tabs through the browser, a server's through its change events), so the
 * list drops it before anything is sent; unheard, the batch finds it changed and names it.
 */
async function selectAllWhileAnotherTabWrites(heard) {
  const session = await visit('', { deaf: !heard });
  const { page } = session;
  const batches = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/batches')) batches.push(r.postData() ?? '');
  });
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const n = await itemCount(page);
  const [a] = await rows(page);
  await page.getByRole('button', { name: `Select all ${number(n)} matching`, exact: true }).click();
  await page.getByText(`${items(n)} selected`, { exact: true }).waitFor();

  // Another tab excludes one of them.
  await excludeInAnotherTab(session, a.name);

  if (heard) {
    await page.getByText(`${items(n - 1)} selected`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Exclude…', exact: true }).click();
    await page.getByRole('dialog', { name: `Exclude ${items(n - 1)}` }).getByRole('button', { name: `Exclude ${items(n - 1)}` }).click();
    await page.getByRole('status').filter({ hasText: `${number(n - 1)} excluded.` }).waitFor();
  } else {
    // The list still shows the item, and the batch finds it changed.
    await page.getByRole('button', { name: 'Exclude…', exact: true }).click();
    await page.getByRole('dialog', { name: `Exclude ${items(n)}` }).getByRole('button', { name: `Exclude ${items(n)}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${number(n - 1)} excluded; 1 was changed by someone else and left as they are.` })
      .waitFor();
    await page.getByRole('button', { name: 'Show the 1 left' }).click();
    await page.getByRole('dialog', { name: 'Left as they were' }).getByText(`${a.name} — changed by someone else since it was read`).waitFor();
    await page.keyboard.press('Escape');
  }
  if (BACKEND === 'http') {
    assert.equal(batches.length, 1, 'one request');
    assert.ok(batches[0].length < 1000, `the request names the list, not ${n} items: ${batches[0].length} bytes`);
    assert.match(batches[0], /"op":"exclude-matching"/);
  }
  await waitForCount(page, 0);
  // Its undo names each item it changed; the list is back but for the other tab's item.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Undone: ${items(n - 1)} put back as before.` }).waitFor();
  await waitForCount(page, n - 1);
  await session.done();
}

test('Select all matching names the list, not each item: an item another tab changes meanwhile drops out of the selection', T, () =>
  selectAllWhileAnotherTabWrites(true));

test('Select all matching, another tab\'s change unheard: the batch leaves that item alone and names it', {
  ...T,
  skip: BACKEND !== 'http' && 'tabs of the mock store always hear each other',
}, () => selectAllWhileAnotherTabWrites(false));

test('A ticked row changed here and shown again is acted on as shown, not reported as changed by someone else', T, async () => {
  const { page, done } = await visit();
  const item = await firstWithStatus(page, 'Not Synced');
  await filterBy(page, item.name);
  await page.getByRole('checkbox', { name: `Select ${item.name}`, exact: true }).check();
  await pickFromMenu(page, item.name, 'Exclude Record');
  await page.getByRole('dialog', { name: 'Exclude Record' }).getByRole('button', { name: 'Exclude', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Excluded ${item.name}` }).waitFor();
  await page.getByText('1 item selected', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Include…', exact: true }).click();
  await page.getByRole('dialog', { name: 'Include 1 item' }).getByRole('button', { name: 'Include 1 item' }).click();
  await page.getByRole('status').filter({ hasText: /^1 included\.$/ }).waitFor();
  await done();
});

test('Keyboard only: Select all matching, Exclude from the bar, confirm, then Ctrl+Z undoes the batch', T, async () => {
  const { page, done } = await visit();
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const n = await itemCount(page);
  const focused = (name) => page.waitForFunction((t) => document.activeElement?.textContent.trim() === t, name);
  await page.getByRole('button', { name: `Select all ${number(n)} matching`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(`${items(n)} selected`, { exact: true }).waitFor();
  // The button went away: focus is on Clear selection, not lost.
  await focused('Clear selection');
  await page.keyboard.press('Tab');
  await focused('Exclude…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Exclude ${items(n)}` });
  await dialog.waitFor();
  // The Disable switch, Cancel, then the primary button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await focused(`Exclude ${items(n)}`);
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: `${number(n)} excluded.` }).waitFor();
  await waitForCount(page, 0);
  await page.keyboard.press('Control+z');
  await page.getByRole('status').filter({ hasText: `Undone: ${items(n)} put back as before.` }).waitFor();
  await waitForCount(page, n);
  await done();
});
