// The module entry: a host page imports embed.js and mounts the app into one of its elements,
// under the same strict Content Security Policy; the host's URL is never touched, and unmount()
// leaves the element empty.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { choose, filterBy, pickFromMenu, rows, settled } from './support/app.mjs';

const { visit, state } = suite();
const T = { timeout: 60_000 };

/** Opens the host page with the app mounted by `mount(element, config)` (twice with `two`). */
async function host({ two = false, rowHeight } = {}) {
  const session = await visit('', { waitForRows: false });
  const config = BACKEND === 'http' ? { backend: 'http', api: state.api.url, portal: 'IT Glue' } : { backend: 'mock', portal: 'IT Glue' };
  if (two) config.two = '1';
  if (rowHeight) config.rowHeight = rowHeight;
  const url = new URL('/__test/host.html', session.page.url());
  for (const [key, value] of Object.entries(config)) url.searchParams.set(key, value);
  url.hash = '#top';
  await session.page.goto(url.toString());
  await rowsReady(session.page);
  return session;
}

/** Opens the demo portal of examples/portal-host, on the suite's backend, once its rows show. */
async function portal() {
  const session = await visit('', { waitForRows: false });
  const demo = BACKEND === 'http' ? `?backend=http&api=${encodeURIComponent(state.api.url)}` : '';
  await session.page.goto(new URL(`/examples/portal-host/${demo}`, session.page.url()).toString());
  await rowsReady(session.page);
  return session;
}

test('a host page mounts the app into its element; the URL and history stay the host’s', T, async () => {
  const { page, done } = await host();
  const region = page.getByRole('region', { name: 'Sync module', exact: true });
  assert.equal(await region.getByRole('heading', { name: 'Sync Overview' }).count(), 1, 'rendered inside the element');
  const before = await page.evaluate(() => [location.href, history.length]);
  const clients = await page.getByLabel('Client').locator('option').allTextContents();
  // Standalone, typing in Filter is written to the URL when typing pauses, and choosing a client
  // writes it at once (the filter typed first, then a new entry): both are done here, in that
  // order, so the URL would have moved by the time the list shows the client.
  await filterBy(page, 'e');
  await choose(page, 'Client', clients[1]);
  await settled(page);
  assert.deepEqual(await page.evaluate(() => [location.href, history.length]), before);
  assert.ok((await rows(page)).length > 0);
  await done();
});

/** The event types listening on `window` and `document`, from the browser's own view. */
async function globalListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const types = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    types.push(...listeners.map((l) => `${expression}:${l.type}`));
  }
  await cdp.detach();
  return types.sort();
}

test('unmount() removes the app, its listeners on window and document, and leaves the element empty; mounting again works', T, async () => {
  const { page, done } = await visit('', { waitForRows: false });
  await page.goto(new URL('/__test/host.html?mount=0', page.url()).toString());
  await page.waitForFunction(() => window.hostMount);
  const before = await globalListeners(page);
  const config = BACKEND === 'http' ? { backend: 'http', api: state.api.url } : { backend: 'mock' };
  await page.evaluate((c) => window.hostMount(c), config);
  await rowsReady(page);
  assert.ok((await globalListeners(page)).includes('window:resize'), 'the app listens while mounted');
  await page.evaluate(() => window.hostApp.unmount());
  assert.equal(await page.locator('#sync-here').evaluate((el) => el.childNodes.length), 0);
  assert.deepEqual(await globalListeners(page), before, 'no listener left behind');
  assert.equal(await page.getByRole('heading', { name: 'Portal' }).count(), 1, 'the host page is left as it was');
  await page.evaluate(() => window.hostApp.unmount());
  await page.evaluate((c) => window.hostMount(c), config);
  await rowsReady(page);
  await done();
});

test('two apps on one page are independent: own ids, own view, one unmounted leaves the other working', T, async () => {
  const { page, done } = await host({ two: true });
  const first = page.getByRole('region', { name: 'Sync module', exact: true });
  const second = page.getByRole('region', { name: 'Second sync module' });
  await second.getByRole('table', { name: 'Sync Status' }).locator('tbody tr').first().waitFor();
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id is used twice');
  // Each label names its own control.
  await first.getByLabel('Filter', { exact: true }).fill('zzz-nothing');
  await first.getByText(/No items match/).waitFor();
  assert.equal(await second.getByLabel('Filter', { exact: true }).inputValue(), '');
  assert.ok((await second.locator('tbody tr:not([aria-hidden])').count()) > 0, 'the other list is untouched');
  await page.evaluate(() => window.hostApp.unmount());
  assert.equal(await page.locator('#sync-here').evaluate((el) => el.childNodes.length), 0);
  await choose(second, 'Status', 'Matched');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#sync-there tbody tr:not([aria-hidden])')];
    return rows.length > 0 && rows.every((tr) => tr.children[3].textContent.trim() === 'Matched');
  });
  await done();
});

test('mounting changes none of the host page’s own styles', T, async () => {
  const session = await visit('', { waitForRows: false });
  const { page, done } = session;
  await page.goto(new URL('/__test/host.html?mount=0', page.url()).toString());
  const styles = () =>
    page.evaluate(() =>
      ['body', 'h1', 'nav a', 'button', 'table', 'th', 'td'].map((selector) => {
        const style = getComputedStyle(document.querySelector(selector));
        return [selector, style.margin, style.padding, style.font, style.color, style.backgroundColor, style.border, style.boxSizing];
      }),
    );
  const before = await styles();
  const config = BACKEND === 'http' ? { backend: 'http', api: state.api.url } : { backend: 'mock' };
  await page.evaluate((c) => window.hostMount(c), config);
  await rowsReady(page);
  assert.deepEqual(await styles(), before);
  await done();
});

test('the demo portal of examples/portal-host embeds the module under the strict policy', T, async () => {
  const { page, done } = await portal();
  const main = page.getByRole('main').filter({ has: page.getByRole('heading', { name: 'Integrations' }) });
  assert.equal(await main.getByRole('table', { name: 'Sync Status' }).count(), 1, 'the module is in the portal’s main area');
  assert.match(await page.getByRole('heading', { name: 'Integrations' }).evaluate((h) => getComputedStyle(h).fontFamily), /Georgia/);
  // Nor do the portal's heading styles reach the module's.
  const moduleHeading = page.getByRole('heading', { name: 'Sync Overview', exact: true });
  const portalColour = await page.getByRole('heading', { name: 'Integrations' }).evaluate((h) => getComputedStyle(h).color);
  assert.notEqual(await moduleHeading.evaluate((h) => getComputedStyle(h).color), portalColour);
  assert.doesNotMatch(await moduleHeading.evaluate((h) => getComputedStyle(h).fontFamily), /Georgia/);
  assert.equal(await page.getByRole('button', { name: 'Reset demo data' }).count(), BACKEND === 'http' ? 0 : 1);
  // The portal's own controls drive the module: its theme button through update(), its badge
  // from the change events, its URL from the view events.
  assert.match(await page.getByText(/^Sync Overview \d+\.\d+\.\d+$/).innerText(), /0\.1\.0|\d/);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.waitForFunction(() => document.querySelector('.sync-overview-app')?.dataset.theme === 'dark');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('client'));
  const first = (await rows(page)).find((r) => r.status !== 'Excluded');
  await filterBy(page, first.name);
  await pickFromMenu(page, first.name, 'Exclude Record');
  await page.getByRole('dialog', { name: 'Exclude Record' }).getByRole('button', { name: 'Exclude', exact: true }).click();
  await page.locator('#changes-badge:not([hidden])').filter({ hasText: '1' }).waitFor();
  await done();
});

test('beside the portal’s sidebar, at 1366 and 1024 pixels wide, the tiles and the list stay inside the module and every row menu is in reach', T, async () => {
  const { page, done } = await portal();
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    const spill = await page.evaluate(() => {
      const app = document.querySelector('.sync-overview-app').getBoundingClientRect();
      const scroller = document.querySelector('.table-scroll');
      const out = [...document.querySelectorAll('.tile, .sync-table tbody tr:not([aria-hidden]) button')]
        .map((e) => [e.getAttribute('aria-label') ?? e.className, e.getBoundingClientRect()])
        .filter(([, r]) => r.right > app.right + 0.5 || r.left < app.left - 0.5)
        .map(([name, r]) => `${name} ${Math.round(r.left)}–${Math.round(r.right)}`);
      return { out, scrolls: scroller.scrollWidth - scroller.clientWidth, app: `${Math.round(app.left)}–${Math.round(app.right)}` };
    });
    assert.deepEqual(spill.out, [], `at ${width}px, past the module (${spill.app})`);
    assert.equal(spill.scrolls, 0, `at ${width}px, the list scrolls sideways`);
  }
  await done();
});

test('rows are 48px in any host page, and a host sets roomier rows with --so-row-height', T, async () => {
  const plain = await host();
  await settled(plain.page);
  const row = await plain.page.evaluate(() => document.querySelector('.sync-table tbody tr:not([aria-hidden])').getBoundingClientRect().height);
  assert.equal(row, 48, 'the host’s root font size does not reach the rows');
  await plain.done();

  const { page, done } = await host({ rowHeight: '60px' });
  await settled(page);
  const measured = await page.evaluate(() => {
    const scroller = document.querySelector('table[aria-busy]').parentElement;
    const row = scroller.querySelector('tbody tr:not([aria-hidden])');
    const head = scroller.querySelector('thead').getBoundingClientRect().height;
    return { row: row.getBoundingClientRect().height, body: scroller.scrollHeight - head };
  });
  const count = Number((await page.getByText(/^[\d,]+ items?$/).innerText()).replace(/\D/g, ''));
  assert.equal(measured.row, 60);
  // Rendered rows and the gaps standing in for the others add up at 60px a row.
  assert.ok(Math.abs(measured.body - count * 60) <= 2, `${measured.body} px for ${count} rows`);
  await done();
});
