// <sync-overview>, the custom element of element.js: attributes change the running app in place,
// disconnecting unmounts it and reconnecting mounts it again, two elements stay independent, a
// wrong attribute fires `sync-overview:error`, and axe-core finds nothing in the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKEND, suite } from './support/suite.mjs';
import { audit } from './support/axe.mjs';

const { visit, state } = suite();
const T = { timeout: 90_000 };

async function portal() {
  const session = await visit('', { waitForRows: false });
  const url = new URL('/__test/element.html', session.page.url());
  url.searchParams.set('backend', BACKEND);
  if (BACKEND === 'http') url.searchParams.set('api', state.api.url);
  await session.page.goto(url.toString());
  const { page } = session;
  for (const id of ['module-1', 'module-2']) await rowsIn(page, id);
  return session;
}

const module = (page, id) => page.locator(`#${id}`);

/** Waits until the element's list shows rows; resolves to their names. */
async function rowsIn(page, id) {
  const rows = module(page, id).locator('table[aria-busy="false"] tbody th[scope=row]');
  await rows.first().waitFor({ timeout: 30_000 });
  return rows.allInnerTexts();
}

test('attributes change the running app in place; each element is its own app', T, async () => {
  const { page, done } = await portal();
  const one = module(page, 'module-1');
  const two = module(page, 'module-2');
  const root = await one.locator('.sync-overview-app').elementHandle();
  await one.getByLabel('Filter', { exact: true }).fill('a');
  await page.waitForFunction(() => [...document.querySelectorAll('#module-1 tbody th[scope=row]')].every((th) => th.textContent.toLowerCase().includes('a')));

  await page.evaluate(() => document.getElementById('module-1').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => document.querySelector('#module-1 .sync-overview-app')?.dataset.theme === 'dark');
  assert.equal(await two.locator('.sync-overview-app').getAttribute('data-theme'), 'auto', 'the other element keeps its theme');

  const clients = await one.getByLabel('Client', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => o.value));
  const shown = await one.getByLabel('Client', { exact: true }).inputValue();
  const other = clients.find((c) => c !== shown);
  await page.evaluate((c) => document.getElementById('module-1').setAttribute('client', c), other);
  await page.waitForFunction((c) => [...document.querySelectorAll('#module-1 select')].some((s) => s.value === c), other);
  assert.equal(await one.getByLabel('Client', { exact: true }).inputValue(), other);
  assert.equal(await one.getByLabel('Filter', { exact: true }).inputValue(), 'a', 'the filter is kept');
  assert.ok(await page.evaluate((old) => old === document.querySelector('#module-1 .sync-overview-app'), root), 'changed in place, not mounted again');
  assert.equal(await two.getByLabel('Filter', { exact: true }).inputValue(), '', 'the other element is untouched');

  // A wrong attribute: the element says so with an event and the app stays as it was.
  await page.evaluate(() => document.getElementById('module-1').setAttribute('theme', 'Dark'));
  await page.waitForFunction(() => window.elementErrors.length > 0);
  const [error] = await page.evaluate(() => window.elementErrors);
  assert.equal(error.type, 'config');
  assert.deepEqual(error.problems, ['`theme: "Dark"` is not one of "light", "dark", "auto"; did you mean "dark"?']);
  assert.equal(await one.locator('.sync-overview-app').getAttribute('data-theme'), 'dark');

  await audit(page, 'on the portal with two elements');
  await done();
});

test('disconnecting unmounts the app; connecting again mounts it', T, async () => {
  const { page, done } = await portal();
  await page.evaluate(() => {
    window.kept = document.getElementById('module-2');
    window.kept.remove();
  });
  assert.equal(await page.evaluate(() => window.kept.childElementCount), 0, 'nothing left inside');
  assert.ok((await rowsIn(page, 'module-1')).length > 0, 'the other element still runs');
  await page.evaluate(() => document.querySelector('main section:last-child').append(window.kept));
  assert.ok((await rowsIn(page, 'module-2')).length > 0, 'mounted again');
  assert.equal(await page.locator('#module-2 .sync-overview-app').count(), 1, 'once');
  await done();
});
