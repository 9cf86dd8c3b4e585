// Sync runs: one lands while the technician works (the mock store's "Run a sync now"; on the HTTP
// backend, a run posted to the server), and the list shows what it did: new items in the tiles,
// items it no longer lists flagged "Missing from source since …", and the Show filter for them,
// the technician's filter and selection kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choose, itemCount, rows, settled, tiles, tilesReady } from './support/app.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { until } from './support/wait.mjs';

const { visit, state } = suite();

/** The announcement's figures: "Sync run done: 612 items seen, 5 new, … 6 missing, …". */
function figures(text) {
  const count = (label) => Number(text.match(new RegExp(`([\\d,]+) ${label}`))[1].replace(/,/g, ''));
  return { seen: count('items seen'), new: count('new'), missing: count('missing') };
}

test('Run a sync now: the list keeps its filter and selection, and Show lists the missing items', {
  timeout: 180_000,
  skip: BACKEND !== 'mock' && 'the mock store\'s control',
}, async () => {
  const session = await visit();
  const { page } = session;
  await tilesReady(page);
  const before = await tiles(page);
  const lastSynced = () => page.getByText(/^Last Synced/).locator('..').innerText();
  const synced = await lastSynced();
  await settled(page);
  const listed = await itemCount(page);
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const box = page.getByRole('table', { name: 'Sync Status' }).getByRole('checkbox').nth(1);
  await box.check();
  const checked = () => page.locator('tbody input[type=checkbox]:checked').count();
  assert.equal(await checked(), 1);

  await page.getByRole('button', { name: 'Run a sync now' }).click();
  const said = page.getByRole('status').filter({ hasText: /^Sync run done/ });
  await said.waitFor({ timeout: 120_000 });
  const run = figures(await said.innerText());
  assert.ok(run.missing >= 1 && run.new >= 3, JSON.stringify(run));

  // The new items are Not Synced (or matched to a record of their very name): the total grows
  // by them, whatever else the tiles say.
  await until(() => tiles(page), (t) => t.total === before.total + run.new, { what: `total ${before.total + run.new}` });
  // The technician's view is as it was: the Status filter, the ticked row.
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'not-synced');
  await settled(page);
  assert.equal(await checked(), 1, 'the selection is kept');
  await until(lastSynced, (t) => t !== synced && /just now/.test(t), {
    what: 'Last Synced: just now',
  });

  // Show: Missing from source lists exactly the items the run no longer lists, each flagged.
  await choose(page, 'Status', 'All');
  await choose(page, 'Show', 'Missing from source');
  await settled(page);
  assert.match(page.url(), /show=missing/);
  assert.equal(await itemCount(page), run.missing);
  const flagged = await page.locator('tbody th[scope=row]').allInnerTexts();
  assert.ok(flagged.length > 0 && flagged.every((t) => /Missing from source since /.test(t)), flagged.join(' | '));
  // Every item again: the client's list grew by the new ones.
  await choose(page, 'Show', 'All items');
  await settled(page);
  assert.equal(await itemCount(page), listed + run.new);
  await session.done();
});

test('a run posted to the server flags the item it no longer lists, and Show lists it', {
  timeout: 120_000,
  skip: BACKEND !== 'http' && 'the HTTP backend\'s run',
}, async () => {
  const api = state.api.url;
  const get = async (path) => (await fetch(`${api}/api/v1${path}`)).json();
  const [integration] = await get('/integrations');
  const [client] = await get(`/integrations/${integration.id}/clients`);
  const page1 = await get(`/integrations/${integration.id}/clients/${client.id}/items?limit=10000`);
  const [gone, ...kept] = page1.items;
  const counts = await get(`/integrations/${integration.id}/counts`);
  const run = {
    id: 'e2e-run-1',
    finished: new Date().toISOString(),
    clients: [{
      source_id: `e2e-${client.id}`,
      name: client.name,
      items: [
        ...kept.map((i) => ({ source_id: i.source_id, name: i.name, type: i.resource_type })),
        { source_id: 'e2e-new-1', name: 'E2E-NEW-DEVICE', type: integration.product === 'connect-wise-manage' ? 'configuration' : kept[0].resource_type },
      ],
    }],
  };
  const answer = await fetch(`${api}/api/v1/integrations/${integration.id}/sync-runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(run),
  });
  const summary = await answer.json();
  assert.equal(answer.status, 200, JSON.stringify(summary));
  assert.deepEqual([summary.new, summary.missing], [1, 1]);

  const session = await visit(`?integration=${integration.id}&client=${client.id}&show=missing`);
  const { page } = session;
  await tilesReady(page);
  const shown = await rows(page);
  assert.deepEqual(shown.map((r) => r.name), [gone.name]);
  assert.match(await page.locator('tbody th[scope=row]').first().innerText(), /Missing from source since /);
  await choose(page, 'Show', 'All items');
  await settled(page);
  assert.equal(await itemCount(page), page1.total + 1);
  const total = counts.matched + counts.not_synced + counts.excluded;
  assert.equal((await tiles(page)).total, total + 1);
  await session.done();
});

test('Show: Duplicates lists items another item shares a name or serial with, and each links to the other', { timeout: 120_000 }, async () => {
  const session = await visit();
  const { page } = session;
  await tilesReady(page);
  // ConnectWise's contacts share names across clients (N-central's devices, named by client, do
  // not; an E2E_DEMO run starts there).
  await choose(page, 'Integration', 'ConnectWise Manage (PSA)');
  await settled(page);
  await choose(page, 'Show', 'Duplicates');
  await settled(page);
  // The first client with duplicates.
  const clients = await page.getByLabel('Client', { exact: true }).locator('option').allTextContents();
  let found = 0;
  for (const client of clients) {
    await choose(page, 'Client', client);
    await settled(page);
    found = await itemCount(page);
    if (found > 0) break;
  }
  assert.ok(found > 0, 'no client has duplicates');
  const first = (await rows(page))[0];
  const line = await page.locator('tbody th[scope=row]').first().innerText();
  const m = line.match(/Duplicate of (.+) in (.+)$/m);
  assert.ok(m, `no twin on: ${line}`);
  const [, twin, client] = m;
  // The link shows the other item: its client, filtered to its name.
  await page.getByRole('link', { name: `Duplicate of ${twin} in ${client}` }).first().click();
  await until(() => page.getByLabel('Client', { exact: true }).evaluate((s) => s.selectedOptions[0].textContent), (t) => t === client, {
    what: `client ${client}`,
  });
  await settled(page);
  assert.equal(await page.getByLabel('Filter', { exact: true }).inputValue(), twin);
  const shown = await rows(page);
  assert.ok(shown.some((r) => r.name === twin), JSON.stringify(shown));
  // Back returns to the duplicate's list.
  await page.goBack();
  await until(async () => (await rows(page)).some((r) => r.name === first.name), (ok) => ok, { what: `${first.name} again` });
  await session.done();
});
