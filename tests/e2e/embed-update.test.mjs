// handle.update(partial) changes a running app in place: client, integration, theme and locale,
// keeping the filter; a wrong or remount-only key throws and changes nothing. Short-lived tokens:
// getToken before the first request, a fresh one after a 401 (the write sent again under its own
// idempotency key), and an `auth` event when none will do, the write waiting for update({ token }).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKEND, DEMO, suite } from './support/suite.mjs';
import { heard, mountOnHost } from './support/host.mjs';
import { filterBy, openLargeClient, pickFromMenu, rows, settled } from './support/app.mjs';

// 3,000 items in N-central's largest client, so that counts have thousands to group.
const LARGE = DEMO ? Number(DEMO) : 3000;
const { visit, state } = suite({ apiArgs: ['--demo-size', String(LARGE)] });
const T = { timeout: 90_000 };

const update = (page, partial) =>
  page.evaluate((partial) => {
    try {
      window.hostApp.update(partial);
      return null;
    } catch (error) {
      return error.problems;
    }
  }, partial);

const options = (page, label) => page.getByLabel(label, { exact: true }).locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));

test('update() changes client, integration, theme and locale in place, and keeps the filter', T, async () => {
  const { page, done } = await mountOnHost(visit, state, DEMO ? {} : { demo: LARGE });
  const mounted = await page.evaluateHandle(() => document.querySelector('.sync-overview-app'));
  await openLargeClient(page, LARGE);
  const start = await heard(page, 'view');
  await page.getByText(`${LARGE.toLocaleString('en-US')} items`, { exact: true }).first().waitFor();

  // The locale: counts follow it at once.
  assert.equal(await update(page, { locale: 'de-DE', theme: 'dark' }), null);
  await page.getByText(`${LARGE.toLocaleString('de-DE')} items`, { exact: true }).first().waitFor();
  assert.equal(await page.locator('.sync-overview-app').getAttribute('data-theme'), 'dark');
  assert.equal(await update(page, { locale: 'en-US' }), null);
  await page.getByText(`${LARGE.toLocaleString('en-US')} items`, { exact: true }).first().waitFor();

  // Another client of the same integration: the filter stays.
  await filterBy(page, 'a');
  const clients = await options(page, 'Client');
  const other = clients.find(([value]) => Number(value) !== start.client);
  assert.equal(await update(page, { client: Number(other[0]) }), null);
  const moved = await heard(page, 'view', { client: Number(other[0]), filter: 'a' });
  assert.equal(moved.integration, start.integration);
  assert.equal(await page.getByLabel('Client', { exact: true }).inputValue(), other[0]);
  assert.equal(await page.getByLabel('Filter', { exact: true }).inputValue(), 'a');
  assert.ok((await rows(page)).every((r) => r.name.toLowerCase().includes('a')));

  // Another integration: its first client, the filter still kept.
  const integrations = await options(page, 'Integration');
  const next = integrations.find(([value]) => Number(value) !== start.integration);
  assert.equal(await update(page, { integration: Number(next[0]) }), null);
  await heard(page, 'view', { integration: Number(next[0]), filter: 'a' });
  assert.equal(await page.getByLabel('Integration', { exact: true }).inputValue(), next[0]);
  await settled(page);

  // A mistake changes nothing and says what is wrong.
  assert.deepEqual(await update(page, { backend: 'mock', theme: 'Light' }), [
    '`theme: "Light"` is not one of "light", "dark", "auto"; did you mean "light"?',
    '`backend` cannot change in a running app: unmount and mount it again',
  ]);
  assert.equal(await page.locator('.sync-overview-app').getAttribute('data-theme'), 'dark');
  // Still the same app: nothing was mounted again.
  assert.ok(await page.evaluate((old) => old === document.querySelector('.sync-overview-app'), mounted));
  await done();
});

/** Records every write the app sends: its Authorization and Idempotency-Key headers. */
function recordWrites(page) {
  const writes = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().startsWith(state.api.url)) writes.push({ url: r.url(), token: r.headers().authorization, key: r.headers()['idempotency-key'] });
  });
  return writes;
}

/** Answers the next `times` writes with 401, as a server does to an expired token. */
async function refuseWrites(page, times) {
  let left = times;
  await page.route(
    (url) => url.href.startsWith(state.api.url) && /\/(exclude|include|rematch|batches)/.test(url.pathname),
    (route) => {
      if (route.request().method() !== 'POST' || left === 0) return route.fallback();
      left--;
      return route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The token expired.' }) });
    },
  );
}

async function excludeFirstNotSynced(page) {
  const [item] = (await rows(page)).filter((r) => r.status === 'Not Synced');
  assert.ok(item, 'a Not Synced item in view');
  await filterBy(page, item.name);
  await pickFromMenu(page, item.name, 'Exclude Record');
  await page.getByRole('dialog', { name: 'Exclude Record' }).getByRole('button', { name: 'Exclude', exact: true }).click();
  return item;
}

const HTTP_ONLY = { ...T, skip: BACKEND !== 'http' && 'tokens are the HTTP backend’s' };

test('a 401 on a write fetches a fresh token and sends the write again under its own key: nothing is lost', HTTP_ONLY, async () => {
  const { page, done } = await mountOnHost(visit, state, {}, { getToken: 'short' });
  assert.ok(await page.evaluate(() => window.tokensGiven) >= 1, 'getToken was called before the first request');
  const writes = recordWrites(page);
  await refuseWrites(page, 1);
  const item = await excludeFirstNotSynced(page);
  await page.getByRole('status').filter({ hasText: `Excluded ${item.name}` }).waitFor();
  assert.equal(writes.length, 2, JSON.stringify(writes));
  assert.equal(writes[0].key, writes[1].key, 'the same idempotency key');
  assert.notEqual(writes[0].token, writes[1].token, 'a fresh token');
  assert.match(writes[1].token, /^Bearer short-\d+$/);
  assert.deepEqual((await heard(page, 'change', { op: 'exclude' })).status, 'excluded');
  await done({ allow: /401/ });
});

test('when no token will do, auth fires and the write waits for update({ token }), then lands once', HTTP_ONLY, async () => {
  const { page, done } = await mountOnHost(visit, state, {}, { getToken: 'stale' });
  const writes = recordWrites(page);
  await refuseWrites(page, 2);
  const item = await excludeFirstNotSynced(page);
  const auth = await heard(page, 'auth');
  assert.match(auth.message, /sign in/i);
  assert.equal(writes.length, 2);
  assert.equal(await update(page, { token: 'signed-in-again' }), null);
  await page.getByRole('status').filter({ hasText: `Excluded ${item.name}` }).waitFor();
  assert.equal(writes.length, 3, JSON.stringify(writes));
  assert.equal(new Set(writes.map((w) => w.key)).size, 1, 'one idempotency key throughout');
  assert.equal(writes[2].token, 'Bearer signed-in-again');
  await done({ allow: /401/ });
});
