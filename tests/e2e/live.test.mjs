// Live updates on the HTTP backend: the server's change events reach every open app. A second
// browser sees the first one's exclusion without reloading; a sync run posted while a technician
// filters updates the list and tiles, the filter and the ticked row kept. (On the mock store,
// other tabs hear each other through the browser: tabs.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterBy, itemCount, pickFromMenu, rows, tiles, tilesReady } from './support/app.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { until } from './support/wait.mjs';

const { visit, state } = suite();
const T = { timeout: 120_000, skip: BACKEND !== 'http' && 'the server\'s change events' };

test('a second browser sees the first one\'s exclusion live', T, async () => {
  const first = await visit();
  const second = await visit();
  await tilesReady(first.page);
  await tilesReady(second.page);
  const before = await tiles(second.page);
  const item = (await rows(first.page)).find((r) => r.status !== 'Excluded');
  await pickFromMenu(first.page, item.name, 'Exclude Record');
  await first.page.getByRole('dialog').getByRole('button', { name: 'Exclude', exact: true }).click();
  await first.page.getByRole('status').filter({ hasText: `Excluded ${item.name}` }).waitFor();
  // The other browser, untouched: its tiles and the row follow within seconds.
  await until(() => tiles(second.page), (t) => t.excluded === before.excluded + 1, { what: 'one more excluded in the second browser' });
  await until(async () => (await rows(second.page)).find((r) => r.name === item.name)?.status, (s) => s === 'Excluded', {
    what: `${item.name} Excluded in the second browser`,
  });
  await first.done();
  await second.done();
});

test('a sync run lands while the technician filters: list, tiles and clients update, filter, scroll and selection kept', T, async () => {
  const session = await visit();
  const { page } = session;
  await tilesReady(page);
  const api = state.api.url;
  const get = async (path) => (await fetch(`${api}/api/v1${path}`)).json();
  const [integration] = await get('/integrations');
  const [client] = await get(`/integrations/${integration.id}/clients`);
  const listed = await get(`/integrations/${integration.id}/clients/${client.id}/items?limit=10000`);
  const type = listed.items[0].resource_type;
  // Filtering, with a row ticked.
  const before = await tiles(page);
  await filterBy(page, 'e');
  const filtered = await itemCount(page);
  await page.getByRole('table', { name: 'Sync Status' }).getByRole('checkbox').nth(1).check();
  const checked = () => page.locator('tbody input[type=checkbox]:checked').count();
  assert.equal(await checked(), 1);
  // Scrolled down a little (the ticked row still rendered).
  const scroller = page.locator('.table-scroll');
  const scrolled = await scroller.evaluate((el) => { el.scrollTop = 120; return el.scrollTop; });
  assert.ok(scrolled > 0, 'the filtered list scrolls');

  const run = {
    id: 'e2e-live-1',
    finished: new Date().toISOString(),
    clients: [{
      source_id: `live-${client.id}`,
      name: client.name,
      items: [
        ...listed.items.map((i) => ({ source_id: i.source_id, name: i.name, type: i.resource_type })),
        { source_id: 'live-1', name: 'LIVE-E-ONE', type },
        { source_id: 'live-2', name: 'LIVE-E-TWO', type },
      ],
    }, {
      // A client the integration never synced before.
      source_id: 'live-new-client',
      name: 'Live New Client Ltd',
      items: [{ source_id: 'live-3', name: 'LIVE-NEW-ONE', type }],
    }],
  };
  const answer = await fetch(`${api}/api/v1/integrations/${integration.id}/sync-runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(run),
  });
  assert.equal(answer.status, 200, await answer.text());

  await until(() => tiles(page), (t) => t.total === before.total + 3, { what: `total ${before.total + 3}` });
  // The Client drop-down lists the new client; the one shown stays.
  const clientBox = page.getByLabel('Client', { exact: true });
  await until(() => clientBox.locator('option').allInnerTexts(), (names) => names.includes('Live New Client Ltd'), {
    what: 'Live New Client Ltd in the Client drop-down',
  });
  assert.equal(await clientBox.inputValue(), String(client.id), 'the client shown stays');
  await until(() => itemCount(page), (n) => n === filtered + 2, { what: `${filtered + 2} items listed` });
  assert.equal(await page.getByLabel('Filter', { exact: true }).inputValue(), 'e', 'the filter is kept');
  assert.equal(await checked(), 1, 'the selection is kept');
  assert.equal(await scroller.evaluate((el) => el.scrollTop), scrolled, 'the scroll position is kept');
  const names = (await rows(page)).map((r) => r.name);
  assert.ok(names.includes('LIVE-E-ONE'), names.join(', '));
  await session.done();
});

test('an open dialog says so when someone else changes its item, and will not save over it', T, async () => {
  const first = await visit();
  const second = await visit();
  await tilesReady(first.page);
  await tilesReady(second.page);
  const item = (await rows(first.page)).find((r) => r.status === 'Not Synced');
  await pickFromMenu(first.page, item.name, 'Exclude Record');
  const dialog = first.page.getByRole('dialog', { name: 'Exclude Record' });
  await dialog.waitFor();
  // Someone else excludes it meanwhile.
  await pickFromMenu(second.page, item.name, 'Exclude Record');
  await second.page.getByRole('dialog').getByRole('button', { name: 'Exclude', exact: true }).click();
  await second.page.getByRole('status').filter({ hasText: `Excluded ${item.name}` }).waitFor();
  await dialog.getByRole('alert').filter({ hasText: `${item.name} was changed while this was open: it is Excluded now.` }).waitFor({ timeout: 10_000 });
  // Saving anyway is refused by the version check, and said so; the first one's change stands.
  await dialog.getByRole('button', { name: 'Exclude', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await first.page.getByRole('alert').filter({ hasText: 'changed by someone else' }).waitFor();
  await until(async () => (await rows(first.page)).find((r) => r.name === item.name)?.status, (s) => s === 'Excluded', {
    what: `${item.name} Excluded, as the other made it`,
  });
  // The browser itself reports the refused write (409) on the console; that is expected here.
  await first.done({ allow: /status of 409/ });
  await second.done();
});
