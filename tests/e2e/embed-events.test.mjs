// What the app tells its host page: `sync-overview:<name>` CustomEvents on the element it was
// mounted into, and the same through handle.on(name, fn), each with its payload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKEND, suite } from './support/suite.mjs';
import { heard, mountOnHost } from './support/host.mjs';
import { choose, filterBy, pickFromMenu, rows, settled } from './support/app.mjs';

const { visit, state } = suite();
const T = { timeout: 90_000 };
test('ready, view and change fire with their payloads, on the element and through on()', T, async () => {
  const { page, done } = await mountOnHost(visit, state);
  const ready = await heard(page, 'ready');
  assert.equal(ready.backend, BACKEND);
  assert.match(ready.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(
    await page.evaluate(() => window.heard.filter(([n]) => n === 'ready').map(([, , bubbles, composed]) => [bubbles, composed])),
    [[true, true]],
    'ready once; it bubbles and leaves a shadow root',
  );
  const first = await heard(page, 'view');
  assert.equal(typeof first.client, 'number');

  await filterBy(page, 'e');
  const filtered = await heard(page, 'view', { filter: 'e' });
  assert.deepEqual(Object.keys(filtered).sort(), ['client', 'filter', 'integration', 'order', 'show', 'sort', 'status', 'type']);

  await filterBy(page, '');
  await choose(page, 'Status', 'Not Synced');
  await heard(page, 'view', { status: 'not-synced' });
  const [item] = await rows(page);
  await filterBy(page, item.name);
  await pickFromMenu(page, item.name, 'Exclude Record');
  await page.getByRole('dialog', { name: 'Exclude Record' }).getByRole('button', { name: 'Exclude', exact: true }).click();
  const change = await heard(page, 'change', { op: 'exclude' });
  assert.equal(change.count, 1);
  assert.equal(change.status, 'excluded');
  assert.equal(change.items.length, 1);
  // Its Undo is a change too: the item put back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Undone: ${item.name}` }).waitFor({ timeout: 10_000 });
  const undone = await heard(page, 'change', { op: 'restore' });
  assert.deepEqual([undone.count, undone.items], [1, change.items]);
  await settled(page);
  // on(name, fn) heard the same, with the same payloads, from when it was called (mount fires the
  // first view at once, before the handle exists).
  const [all, byOn] = await page.evaluate(() => [window.heard.map(([n, d]) => [n, d]), window.heardByOn]);
  assert.deepEqual(byOn, all.slice(all.length - byOn.length));
  assert.deepEqual(byOn.filter(([n]) => n === 'change').map(([, d]) => d.op), ['exclude', 'restore']);
  await done();
});

test('error fires with its type when the screen shows a failure', { ...T, skip: BACKEND !== 'http' && 'needs the API server to fail' }, async () => {
  const { page, done } = await mountOnHost(visit, state);
  await heard(page, 'ready');
  // The server stops answering the list: the screen says so, and so does the event.
  await page.route(/\/items\?/, (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Down for maintenance', status: 503 }) }));
  await page.getByLabel('Filter', { exact: true }).fill('zz-unavailable');
  const error = await heard(page, 'error', { type: 'load' });
  assert.ok(error.message.length > 0, JSON.stringify(error));
  assert.ok(await page.getByRole('alert').filter({ hasText: error.message }).count() >= 1, 'the screen shows what the event says');
  await done({ allow: /503|Failed to load resource/ });
});
