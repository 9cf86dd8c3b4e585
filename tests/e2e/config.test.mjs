// Configuration: the portal's name in labels, the place (integration and client) kept in the URL,
// and the config object a host page sets when it embeds the app (which wins over the URL).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { choose, pickFromMenu, rows, settled } from './support/app.mjs';

const { visit, state } = suite();
const T = { timeout: 60_000 };

test('the portal name from the URL shows in the dialogs', T, async () => {
  const { page, done } = await visit('?portal=Passportal');
  const [first] = await rows(page);
  await pickFromMenu(page, first.name, 'Re-match Record');
  await page.getByRole('switch', { name: 'Disable previous Passportal record' }).waitFor();
  await page.getByLabel('Record to match to (Passportal)').waitFor();
  await done();
});

test('the URL keeps the integration and client, so a reload or a shared link opens the same place', T, async () => {
  const { page, done } = await visit();
  await choose(page, 'Integration', 'NinjaOne (RMM)');
  await settled(page);
  const client = (await page.getByLabel('Client').locator('option').allTextContents())[2];
  await choose(page, 'Client', client);
  await settled(page);
  const shown = await rows(page);
  const selected = async () => [
    await page.getByLabel('Integration', { exact: true }).locator('option:checked').innerText(),
    await page.getByLabel('Client').locator('option:checked').innerText(),
  ];
  await page.reload();
  await rowsReady(page);
  assert.deepEqual(await selected(), ['NinjaOne (RMM)', client]);
  assert.deepEqual(await rows(page), shown);
  // The link opens the same place in another tab.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await rowsReady(other);
  assert.deepEqual(await other.getByLabel('Client').locator('option:checked').innerText(), client);
  await other.close();
  // Ids that do not exist fall back to the first integration and its first client.
  await page.goto(page.url().replace(/integration=\d+/, 'integration=999').replace(/client=\d+/, 'client=999'));
  await rowsReady(page);
  const first = await page.getByLabel('Integration', { exact: true }).locator('option').first().innerText();
  assert.equal((await selected())[0], first);
  await done();
});

test('a host page configures the embedded app with window.syncOverviewConfig', { ...T, skip: BACKEND !== 'http' && 'needs the API server' }, async () => {
  // Opened with the mock in the URL; the host's object says HTTP, and wins.
  const { page, done } = await visit('?demo=50', { waitForRows: false });
  await page.addInitScript((api) => {
    window.syncOverviewConfig = { backend: 'http', api, portal: 'IT Glue', timeout: 5 };
  }, state.api.url);
  const calls = [];
  page.on('request', (r) => r.url().startsWith(state.api.url) && calls.push(r.url()));
  await page.goto(page.url().replace(/\?.*$/, '?backend=mock'));
  await rowsReady(page);
  assert.ok(calls.some((u) => u.includes('/api/v1/integrations')), 'the app called the API');
  assert.equal(await page.getByRole('button', { name: 'Reset demo data' }).count(), 0);
  const [first] = await rows(page);
  await pickFromMenu(page, first.name, 'Re-match Record');
  await page.getByRole('switch', { name: 'Disable previous IT Glue record' }).waitFor();
  await done();
});
