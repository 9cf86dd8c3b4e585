// Configuration: the portal's name in labels, and the config object a host page sets when it
// embeds the app (which wins over the URL). The view in the URL: view.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { pickFromMenu, rows } from './support/app.mjs';

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

test('times follow the browser’s locale and time zone: Last Synced and the Sync Logs', T, async () => {
  const { page, done } = await visit('', { locale: 'de-DE', timezoneId: 'Asia/Tokyo' });
  const time = page.getByRole('region', { name: 'Integration tile' }).locator('time');
  const title = await time.getAttribute('title');
  const iso = await time.getAttribute('datetime');
  const expected = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso));
  assert.equal(title, expected);
  assert.match(title, /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/, 'German date, 24-hour time');
  await page.getByRole('button', { name: 'View Logs' }).click();
  const first = page.getByRole('dialog', { name: 'Sync Logs' }).locator('tbody tr td').first();
  await first.waitFor();
  assert.match(await first.innerText(), /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);
  await done();
});
