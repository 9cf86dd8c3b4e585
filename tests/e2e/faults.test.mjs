// Failures over the HTTP backend, injected into the real server: each gives a clear message,
// changes nothing, and a retry works. A write whose answer was lost applies once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKEND, suite } from './support/suite.mjs';
import { within } from './support/wait.mjs';
import { filterBy, choose, firstWithStatus, pickFromMenu, rowOf, settled, tiles, tilesReady, waitForTiles } from './support/app.mjs';

const { visit, state } = suite({ apiArgs: ['--fault-injection'] });
const T = { timeout: 60_000, skip: BACKEND !== 'http' && 'HTTP backend only' };
// The browser itself reports failed requests on the console; that is expected here.
const allow = /Failed to load resource|net::ERR_/;

async function arm(fault) {
  const response = await fetch(`${state.api.url}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  assert.equal(response.status, 204);
}

/** The item as the server has it (integration 0, any client). */
async function serverItem(name) {
  const clients = await (await fetch(`${state.api.url}/api/v1/integrations/0/clients`)).json();
  for (const c of clients) {
    const page = await (
      await fetch(`${state.api.url}/api/v1/integrations/0/clients/${c.id}/items?limit=10000&filter=${encodeURIComponent(name)}`)
    ).json();
    const item = page.items.find((i) => i.name === name);
    if (item) return item;
  }
  throw new Error(`no ${name}`);
}

/** Opens Exclude Record on the first Matched item, toggled; returns what the test needs. */
async function excludeDialog(page) {
  await tilesReady(page);
  const before = await tiles(page);
  const item = await firstWithStatus(page, 'Matched');
  const server = await serverItem(item.name);
  await filterBy(page, item.name);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr:not([aria-hidden])').length >= 1);
  await pickFromMenu(page, item.name, 'Exclude Record');
  const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.getByRole('switch').check();
  return { before, item, server, dialog };
}

/** The failed attempt left everything as it was, the dialog open with its choice. */
async function unchanged(page, { before, item, dialog }) {
  assert.equal(await dialog.getByRole('switch').isChecked(), true, 'the choice is kept');
  assert.deepEqual(await tiles(page), before);
  assert.equal((await rowOf(page, item.name)).status, 'Matched');
}

/** Retrying succeeds and applies once. */
async function retried(page, { before, item, server, dialog }) {
  await dialog.getByRole('button', { name: 'Exclude' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Excluded ${item.name}` }).waitFor();
  await waitForTiles(page, { ...before, matched: before.matched - 1, excluded: before.excluded + 1 });
  assert.equal((await serverItem(item.name)).version, server.version + 1, 'applied once');
}

for (const [kind, message] of [
  ['error', 'The server failed (HTTP 500); nothing was changed. Try again.'],
  ['unavailable', 'The server is unavailable right now (HTTP 503); nothing was changed. Try again.'],
  ['vanished', 'The chosen record no longer exists.'],
  ['malformed', 'The server sent an answer that could not be read. Try again.'],
]) {
  test(`a ${kind} answer to Exclude says so, changes nothing, and a retry works`, T, async () => {
    const { page, done } = await visit();
    const ctx = await excludeDialog(page);
    await arm({ kind, path: '/exclude' });
    await ctx.dialog.getByRole('button', { name: 'Exclude' }).click();
    await ctx.dialog.getByRole('alert').filter({ hasText: message }).waitFor();
    await unchanged(page, ctx);
    await retried(page, ctx);
    await done({ allow });
  });
}

test('a write whose answer never comes: timeout message, and the retry applies it once', T, async () => {
  const { page, done } = await visit('?timeout=2');
  const ctx = await excludeDialog(page);
  // The server commits the change but answers only after 4 s; the app gives up after 2 s.
  await arm({ kind: 'slow', path: '/exclude', after: true, delay_ms: 4000 });
  await ctx.dialog.getByRole('button', { name: 'Exclude' }).click();
  await ctx.dialog.getByRole('alert').filter({ hasText: 'did not answer within 2 seconds' }).waitFor();
  assert.equal(await ctx.dialog.getByRole('switch').isChecked(), true);
  await retried(page, ctx);
  await done({ allow });
});

test('the network going away: a clear message, then a retry works', T, async () => {
  const { page, context, done } = await visit();
  const ctx = await excludeDialog(page);
  await context.setOffline(true);
  await ctx.dialog.getByRole('button', { name: 'Exclude' }).click();
  await ctx.dialog.getByRole('alert').filter({ hasText: 'The server could not be reached' }).waitFor();
  await unchanged(page, ctx);
  await context.setOffline(false);
  await retried(page, ctx);
  await done({ allow });
});

test('a list that fails to load says so and loads on Try again', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  await arm({ kind: 'malformed', path: '/items' });
  await choose(page, 'Status', 'Not Synced');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await alert.waitFor();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await alert.waitFor({ state: 'detached' });
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(4)')].every((td) => td.textContent.trim() === 'Not Synced'));
  await done({ allow });
});

test('someone else changed the item: 409, the list refreshes and says so', T, async () => {
  const { page, done } = await visit();
  const ctx = await excludeDialog(page);
  // Another technician excludes it first.
  const other = await fetch(`${state.api.url}/api/v1/items/${ctx.server.id}/exclude`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: ctx.server.version }),
  });
  assert.equal(other.status, 200);
  // The server's change event reaches the open dialog first, which says so.
  await ctx.dialog.getByRole('alert').filter({ hasText: `${ctx.item.name} was changed while this was open` }).waitFor();
  await ctx.dialog.getByRole('button', { name: 'Exclude' }).click();
  await ctx.dialog.waitFor({ state: 'detached' });
  const alert = page.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await alert.waitFor();
  await page.waitForFunction(() => document.querySelector('tbody tr td:nth-child(4)')?.textContent.trim() === 'Excluded');
  await waitForTiles(page, { ...ctx.before, matched: ctx.before.matched - 1, excluded: ctx.before.excluded + 1 });
  assert.equal((await serverItem(ctx.item.name)).record.disabled, false, 'our Disable record was not applied');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached' });
  await done({ allow });
});

test('someone else included the item first, unheard: Include gets 409, the list reloads and says so', T, async () => {
  // The server's change events do not reach this page, so its list still shows the item excluded.
  const { page, done } = await visit('', { deaf: true });
  await tilesReady(page);
  const item = await firstWithStatus(page, 'Excluded');
  const server = await serverItem(item.name);
  await filterBy(page, item.name);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr:not([aria-hidden])').length >= 1);
  const before = await tiles(page);
  // Another technician includes it first.
  const other = await fetch(`${state.api.url}/api/v1/items/${server.id}/include`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: server.version }),
  });
  assert.equal(other.status, 200);
  await pickFromMenu(page, item.name, 'Include Record');
  await page.getByRole('alert').filter({ hasText: 'changed by someone else' }).waitFor();
  // The list and the tiles show the other technician's change without a reload of the page.
  await page.waitForFunction((name) => {
    const row = [...document.querySelectorAll('tbody tr:not([aria-hidden])')].find((tr) => tr.querySelector('th').firstElementChild.textContent === name);
    return row && row.children[3].textContent.trim() !== 'Excluded';
  }, item.name);
  const back = (await serverItem(item.name)).status === 'matched' ? { matched: before.matched + 1 } : { notSynced: before.notSynced + 1 };
  await waitForTiles(page, { ...before, ...back, excluded: before.excluded - 1 });
  assert.equal((await serverItem(item.name)).version, server.version + 1, 'applied once, by the other');
  await done({ allow });
});

test('a double click on Exclude sends one change', T, async () => {
  const { page, done } = await visit();
  const ctx = await excludeDialog(page);
  await ctx.dialog.getByRole('button', { name: 'Exclude' }).dblclick();
  await ctx.dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Excluded ${ctx.item.name}` }).waitFor();
  assert.equal((await serverItem(ctx.item.name)).version, ctx.server.version + 1);
  await done({ allow });
});

test('a slow answer that a newer request replaced is ignored', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  // The Not Synced list answers after 1.5 s; the Excluded list, asked for next, at once.
  await arm({ kind: 'slow', path: '/items', after: true, delay_ms: 1500 });
  // Listening from before it is sent: on a busy machine the slow answer may be in before the
  // test gets to wait for it.
  const slowAnswered = new Promise((resolve) => {
    const ended = (r) => r.url().includes('/items') && r.url().includes('not-synced') && resolve();
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
  });
  await choose(page, 'Status', 'Not Synced');
  await page.getByText('Loading…').waitFor();
  await choose(page, 'Status', 'Excluded');
  // The slow answer has come in (or was given up) and the page has painted since.
  await within(slowAnswered, 30_000, 'the slow Not Synced answer to come in or be given up');
  await settled(page);
  const statuses = await page.locator('tbody tr td:nth-child(4)').allTextContents();
  assert.ok(statuses.length > 0);
  for (const s of statuses) assert.equal(s.trim(), 'Excluded');
  assert.equal(await page.getByText('Loading…').count(), 0);
  await done({ allow });
});
