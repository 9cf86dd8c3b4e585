// The view in the URL: Filter, Type, Status and sort survive a reload and a shared link; Back and
// Forward step through client changes with their filters; unknown ids open a default view with a
// notice; embedded, the host page's URL is never touched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { choose, filterBy, rows, settled, withoutCount } from './support/app.mjs';

const { visit, state } = suite();
const T = { timeout: 90_000 };

/** What the screen shows of its view: the drop-downs, the Filter box and the sorted column. */
async function shownView(page) {
  const selected = async (label) => withoutCount(await page.getByLabel(label, { exact: true }).locator('option:checked').innerText());
  return {
    integration: await selected('Integration'),
    client: await selected('Client'),
    filter: await page.getByLabel('Filter', { exact: true }).inputValue(),
    type: await selected('Type'),
    status: await selected('Status'),
    sort: await page
      .locator('th[aria-sort]:not([aria-sort="none"])')
      .evaluateAll((ths) => ths.map((th) => `${th.textContent.replace(/[▲▼]/g, '').trim()} ${th.getAttribute('aria-sort')}`)),
  };
}

/** Sets a filtered, sorted view on another client; returns the client's name. */
async function setFilteredView(page) {
  await choose(page, 'Integration', 'NinjaOne (RMM)');
  await settled(page);
  const client = (await page.getByLabel('Client').locator('option').allTextContents())[1];
  await choose(page, 'Client', client);
  await settled(page);
  await choose(page, 'Status', 'Matched');
  await choose(page, 'Type', 'Device');
  const [first] = await rows(page);
  const filter = first.name.slice(1, 3).toLowerCase();
  const entries = await page.evaluate(() => history.length);
  await page.getByLabel('Filter', { exact: true }).pressSequentially(filter, { delay: 50 });
  await filterBy(page, filter);
  // Typed into the URL once typing paused, over the current history entry.
  await page.waitForURL((url) => url.searchParams.get('filter') === filter);
  assert.equal(await page.evaluate(() => history.length), entries, 'typing adds no history entry');
  await page.getByRole('button', { name: 'Name' }).click();
  await settled(page);
  return { client, filter };
}

test('Filter, Type, Status and sort survive a reload, and the link opens the same view in a fresh browser', T, async () => {
  const { page, done } = await visit();
  const { client, filter } = await setFilteredView(page);
  const view = await shownView(page);
  assert.deepEqual(view, {
    integration: 'NinjaOne (RMM)',
    client,
    filter,
    type: 'Device',
    status: 'Matched',
    sort: ['Name descending'],
  });
  const shown = await rows(page);
  assert.ok(shown.length > 0 && shown.every((r) => r.status === 'Matched' && r.type === 'Device'));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('filter'), filter);
  assert.equal(url.searchParams.get('status'), 'matched');
  assert.equal(url.searchParams.get('order'), 'desc');

  await page.reload();
  await rowsReady(page);
  assert.deepEqual(await shownView(page), view);
  assert.deepEqual(await rows(page), shown);

  // A fresh browser context: nothing saved, only the link.
  const fresh = await open(page.context().browser(), page.url());
  assert.deepEqual(await shownView(fresh.page), view);
  assert.deepEqual(await rows(fresh.page), shown);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  await done();
});

test('Back and Forward step through client changes, each with its filters', T, async () => {
  const { page, done } = await visit();
  const clients = await page.getByLabel('Client').locator('option').allTextContents();
  await filterBy(page, 'e');
  await settled(page);
  const first = await shownView(page);
  const firstRows = await rows(page);
  await choose(page, 'Client', clients[1]);
  await settled(page);
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const second = await shownView(page);
  assert.equal(second.client, clients[1]);
  assert.equal(second.filter, 'e', 'the filter stays when the client changes');
  await choose(page, 'Client', clients[2]);
  await settled(page);
  const third = await shownView(page);

  await page.goBack();
  await settled(page);
  assert.deepEqual(await shownView(page), second);
  await page.goBack();
  await settled(page);
  assert.deepEqual(await shownView(page), first);
  assert.deepEqual(await rows(page), firstRows);
  await page.goForward();
  await settled(page);
  assert.deepEqual(await shownView(page), second);
  await page.goForward();
  await settled(page);
  assert.deepEqual(await shownView(page), third);
  // The last entry kept the Status chosen on it.
  assert.ok(page.url().includes('status=not-synced'));
  await done();
});

test('a link to an integration and a client that do not exist opens the first ones with a notice', T, async () => {
  const { page, done } = await visit('?integration=987654&client=31337&status=excluded', { large: false });
  const first = await page.getByLabel('Integration', { exact: true }).locator('option').first().innerText();
  const notice = page.getByRole('note').filter({ hasText: 'was not found' });
  await notice.waitFor();
  assert.equal(await notice.innerText(), `Integration 987654 was not found; showing ${first}.`);
  const view = await shownView(page);
  assert.equal(view.integration, first);
  assert.equal(view.status, 'Excluded', 'the rest of the view is kept');

  // A known integration with an unknown client.
  const url = new URL(page.url());
  url.searchParams.set('integration', '2');
  url.searchParams.set('status', 'matched');
  await page.goto(url.toString());
  await rowsReady(page);
  await page.getByRole('note').filter({ hasText: /^Client 31337 was not found in .+; showing .+\.$/ }).waitFor();

  // Acting on the view writes the ids on show, and the notice goes.
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  assert.equal(await page.getByRole('note').filter({ hasText: 'was not found' }).count(), 0);
  assert.ok(!page.url().includes('31337'));
  await done();
});

test('embedded with the configuration object, filtering and changing client leave the page URL alone', T, async () => {
  const { page, done } = await visit('', { waitForRows: false });
  const config = BACKEND === 'http' ? { backend: 'http', api: state.api.url } : { backend: 'mock' };
  await page.addInitScript((c) => {
    window.syncOverviewConfig = c;
  }, config);
  const hostUrl = new URL(page.url());
  hostUrl.search = '?host=portal';
  hostUrl.hash = '#section-7';
  await page.goto(hostUrl.toString());
  await rowsReady(page);
  const before = await page.evaluate(() => [location.href, history.length]);
  const clients = await page.getByLabel('Client').locator('option').allTextContents();
  await choose(page, 'Client', clients[1]);
  await settled(page);
  await filterBy(page, 'a');
  await choose(page, 'Status', 'Matched');
  await page.getByRole('button', { name: 'Status' }).click();
  await settled(page);
  assert.deepEqual(await page.evaluate(() => [location.href, history.length]), before);
  assert.equal((await shownView(page)).client, clients[1]);
  await done();
});
