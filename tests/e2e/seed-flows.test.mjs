// The seed's numbered steps, through the real UI: view logs, change integration, re-match, exclude.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suite } from './support/suite.mjs';
import { candidateOf, filterBy, choose, withoutCount, firstWithStatus, pickFromMenu, rowOf, rows, tiles, tilesReady, waitForTiles } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 60_000 };

/** Locates the first item with `status` and opens its Re-match Record dialog, candidates loaded. */
async function openRematch(page, status) {
  const item = await firstWithStatus(page, status);
  await filterBy(page, item.name);
  await pickFromMenu(page, item.name, 'Re-match Record');
  const dialog = page.getByRole('dialog', { name: 'Re-match Record' });
  const select = dialog.getByLabel(/Record to match to/);
  await select.locator('option').nth(1).waitFor({ state: 'attached' });
  return { item, dialog, select };
}

const isoDay = (d) => d.toISOString().slice(0, 10);
const daysAgo = (n) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
};

test('To view Sync Logs: select the product, View Logs, pick a date range', T, async () => {
  const { page, done } = await visit();
  // 1. Select the integrated product you wish to view logs for.
  await choose(page, 'Integration', 'Autotask (PSA)');
  await page.getByText('Last Synced').waitFor();
  // 2. Click the View Logs link: the Sync Logs window opens.
  await page.getByRole('button', { name: 'View Logs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync Logs' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Autotask/);
  // The default range is the last 7 days.
  assert.equal(await dialog.getByLabel('From', { exact: true }).inputValue(), isoDay(daysAgo(7)));
  assert.equal(await dialog.getByLabel('To', { exact: true }).inputValue(), isoDay(daysAgo(0)));
  const logRows = dialog.getByRole('table').locator('tbody tr');
  await logRows.first().waitFor();
  const week = await logRows.count();
  assert.ok(week > 10, `a week of logs has ${week} entries`);
  // 3. Select the Date Range: the logs of that range are shown.
  await dialog.getByLabel('From', { exact: true }).fill(isoDay(daysAgo(1)));
  await dialog.locator('[role=region][aria-busy="false"]').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('dialog tbody tr').length < n, week);
  const times = await logRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('time').dateTime));
  assert.ok(times.length > 0);
  // From is a local day: entries start at its local midnight.
  const from = new Date();
  from.setDate(from.getDate() - 1);
  from.setHours(0, 0, 0, 0);
  for (const t of times) assert.ok(new Date(t) >= from, `${t} is before the range`);
  assert.match(await dialog.locator('caption').innerText(), new RegExp(`^${times.length} log entr`));
  // A range with no entries says so.
  await dialog.getByLabel('From', { exact: true }).fill(isoDay(daysAgo(60)));
  await dialog.getByLabel('To', { exact: true }).fill(isoDay(daysAgo(50)));
  await dialog.getByText(/No sync log entries between/).waitFor();
  // From after To is refused with a message.
  await dialog.getByLabel('From', { exact: true }).fill(isoDay(daysAgo(1)));
  await dialog.getByRole('alert').filter({ hasText: 'From must be on or before To.' }).waitFor();
  // Escape closes the window and focus returns to View Logs.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement.textContent === 'View Logs');
  await done();
});

test('To change the viewed integrated product: open the drop-down, select the integration', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = { tiles: await tiles(page), synced: await page.locator('time').innerText() };
  const cwClients = await page.getByLabel('Client').locator('option').allInnerTexts();
  // 1. Click the drop-down arrow in the tile; 2. select the Integration to view.
  const integration = page.getByLabel('Integration');
  const options = await integration.locator('option').allInnerTexts();
  assert.ok(options.length >= 4, `${options}`);
  assert.ok(options.some((o) => o.includes('(PSA)')) && options.some((o) => o.includes('(RMM)')));
  await choose(page, 'Integration', 'NinjaOne (RMM)');
  await page.waitForFunction((t) => !document.body.innerText.includes(`\n${t}\n`), String(before.tiles.total));
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(3)')].some((td) => td.textContent === 'Device'));
  const after = await tiles(page);
  assert.notDeepEqual(after, before.tiles);
  // Last Synced reads as a relative time, exact on hover.
  const lastSynced = page.getByRole('region', { name: 'Integration tile' }).locator('time');
  assert.match(await lastSynced.innerText(), /^(just now|\d+ (minute|hour|day)s? ago)$/);
  assert.equal(
    await lastSynced.getAttribute('title'),
    await lastSynced.evaluate((t) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t.dateTime))),
    'the exact time in the browser’s locale',
  );
  // The Client drop-down now lists NinjaOne's clients; the Type drop-down NinjaOne's types.
  const ninjaClients = await page.getByLabel('Client').locator('option').allInnerTexts();
  assert.ok(ninjaClients.length >= 10);
  assert.notDeepEqual(ninjaClients, cwClients);
  const types = (await page.getByLabel('Type', { exact: true }).locator('option').allInnerTexts()).map(withoutCount);
  assert.deepEqual(types, ['All', 'Organization', 'Location', 'Device', 'Asset']);
  await done();
});

test('To Re-match Record: locate, Re-match Record, select the record, toggle, Match', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  // 1. Locate the item to be re-matched.
  const item = await firstWithStatus(page, 'Matched');
  await filterBy(page, item.name);
  // 2. Use the item's drop-down menu and select Re-match Record.
  await pickFromMenu(page, item.name, 'Re-match Record');
  const dialog = page.getByRole('dialog', { name: 'Re-match Record' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), new RegExp(item.name));
  // 3. Select the record to re-match to from the drop-down menu.
  const select = dialog.getByLabel(/Record to match to/);
  await select.locator('option').nth(1).waitFor({ state: 'attached' });
  const target = candidateOf(await select.locator('option').nth(1).innerText()).name;
  await select.selectOption({ index: 1 });
  // 4. Toggle the Disable previous record as required.
  const toggle = dialog.getByRole('switch', { name: 'Disable previous portal record' });
  await toggle.check();
  // 5. Click Match to save and close.
  await dialog.getByRole('button', { name: 'Match' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Re-matched ${item.name} to ${target}.` }).waitFor();
  const changed = await rowOf(page, item.name);
  assert.equal(changed.status, 'Matched');
  assert.equal(changed.record, target);
  assert.deepEqual(await tiles(page), before);
  await done();
});

test('Re-matching a Not Synced item matches it and the tiles follow', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  const { item, dialog, select } = await openRematch(page, 'Not Synced');
  await select.selectOption({ index: 1 });
  // There is no previous record to disable.
  assert.equal(await dialog.getByRole('switch').isDisabled(), true);
  await dialog.getByRole('button', { name: 'Match' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('tbody tr td:nth-child(4)')?.textContent.trim() === 'Matched');
  await waitForTiles(page, { ...before, matched: before.matched + 1, notSynced: before.notSynced - 1 });
  await done();
});

test('Re-match Record lists each record with its score and reason, best first, the best chosen', T, async () => {
  const { page, done } = await visit();
  const { select } = await openRematch(page, 'Not Synced');
  const options = (await select.locator('option').allInnerTexts()).slice(1).map(candidateOf);
  assert.ok(options.length > 0);
  for (const [i, o] of options.entries()) {
    assert.ok(o.score >= 0 && o.score <= 100, `${o.score}`);
    assert.match(o.reason, /^(same name|name reversed|same words|same host|\d+% similar)/);
    if (i > 0) assert.ok(options[i - 1].score >= o.score, `best first: ${options.map((x) => x.score)}`);
  }
  // The best is chosen already; a merely similar name never scores 90 or more.
  assert.equal(await select.inputValue(), await select.locator('option').nth(1).getAttribute('value'));
  for (const o of options) if (o.reason.endsWith('% similar')) assert.ok(o.score < 90, `${o.name}: ${o.score}`);
  await done();
});

test('Re-match Record finds a record by name when it is not among the likeliest', T, async () => {
  const { page, done } = await visit();
  const { item, dialog, select } = await openRematch(page, 'Not Synced');
  const hint = dialog.getByText(/records? (is|are) listed/);
  const listed = await select.locator('option').count();
  // The last record listed, found by part of its name.
  const label = (await select.locator('option').last().innerText()).trim();
  const target = candidateOf(label).name;
  const part = target.slice(0, Math.max(3, Math.floor(target.length / 2)));
  await dialog.getByLabel('Find a record').fill(part.toUpperCase());
  await page.waitForFunction(
    ([p, n]) => {
      const options = [...document.querySelectorAll('select[id$="rematch-record"] option')].slice(1);
      return options.length > 0 && options.length <= n && options.every((o) => o.textContent.toLowerCase().includes(p));
    },
    [part.toLowerCase(), listed],
  );
  assert.match(await hint.innerText(), /listed/);
  await select.selectOption({ label });
  await dialog.getByRole('button', { name: 'Match' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Re-matched ${item.name} to ${target}.` }).waitFor();
  assert.deepEqual([(await rowOf(page, item.name)).status, (await rowOf(page, item.name)).record], ['Matched', target]);
  await done();
});

test('To Exclude Record: locate, Exclude Record, toggle Disable record, Exclude', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  // 1. Locate the item.
  const item = await firstWithStatus(page, 'Matched');
  await filterBy(page, item.name);
  // 2. Use the item's drop-down menu and select Exclude Record.
  await pickFromMenu(page, item.name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), new RegExp(item.name));
  // 3. Toggle the Disable record as required.
  await dialog.getByRole('switch', { name: 'Disable portal record' }).check();
  // 4. Click Exclude to complete.
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Excluded ${item.name} and disabled its record.` }).waitFor();
  const changed = await rowOf(page, item.name);
  assert.equal(changed.status, 'Excluded');
  assert.match(changed.record, /disabled$/);
  const after = { ...before, matched: before.matched - 1, excluded: before.excluded + 1 };
  await waitForTiles(page, after);
  assert.equal(after.total, after.matched + after.notSynced + after.excluded);
  // An excluded item can be included again from its menu.
  await pickFromMenu(page, item.name, 'Include Record');
  await page.getByRole('status').filter({ hasText: `Included ${item.name}; it is Matched again.` }).waitFor();
  await waitForTiles(page, before);
  assert.equal((await rows(page)).length, 1);
  await done();
});

test('Cancel changes nothing', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = { tiles: await tiles(page), rows: await rows(page) };
  await pickFromMenu(page, before.rows[0].name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await tiles(page), before.tiles);
  assert.deepEqual(await rows(page), before.rows);
  await done();
});
