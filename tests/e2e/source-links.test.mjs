// "Open in <product>": with a source URL template for the integration, the row menu and the
// Re-match Record dialog link to the item's record in its source product (a new tab, without
// access to this page), the item's source id put in; an address that is not http(s), such as
// `javascript:`, is refused and said so. On both backends (the template is the app's).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suite } from './support/suite.mjs';
import { rows, tilesReady } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 60_000 };

/** A template for every demo integration (ids 0 to 5). */
const templates = (template) => [0, 1, 2, 3, 4, 5].map((id) => `${id}=${template}`).join(';');

/** Opens the menu of the first row; returns the row. */
async function firstRowMenu(page) {
  await tilesReady(page);
  const [row] = await rows(page);
  await page.getByRole('button', { name: `Actions for ${row.name}`, exact: true }).click();
  await page.getByRole('menu').waitFor();
  return row;
}

/** The source id the first row shows ("ID 80700" → "80700"). */
const sourceIdOf = (page) => page.locator('tbody th[scope=row] .source-id').first().innerText().then((t) => t.replace(/^ID /, '').trim());

test('Open in <product> opens the templated address of the item in a new tab, without access to this page', T, async () => {
  const query = `?source_urls=${encodeURIComponent(templates('https://psa.example.com/devices/{source_id}?from=portal'))}`;
  const { page, context, done } = await visit(query);
  await context.route('https://psa.example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>PSA</title>' }));
  const sourceId = await sourceIdOf(page);
  await firstRowMenu(page);
  const link = page.getByRole('menuitem', { name: /^Open in / });
  const expected = `https://psa.example.com/devices/${encodeURIComponent(sourceId)}?from=portal`;
  assert.equal(await link.getAttribute('href'), expected);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), expected);
  assert.equal(await tab.evaluate(() => window.opener), null, 'the new tab cannot reach this page');
  await tab.close();
  await page.getByRole('menu').waitFor({ state: 'detached' });
  // The Re-match Record dialog links to it too.
  await firstRowMenu(page);
  await page.getByRole('menuitem', { name: 'Re-match Record' }).click();
  const dialog = page.getByRole('dialog', { name: 'Re-match Record' });
  assert.equal(await dialog.getByRole('link', { name: /^Open in / }).getAttribute('href'), expected);
  await page.keyboard.press('Escape');
  await done();
});

test('an address that is not http(s) is never opened, and the screen says so', T, async () => {
  const query = `?source_urls=${encodeURIComponent(templates('javascript:alert(document.domain)//{source_id}'))}`;
  const { page, context, done } = await visit(query);
  let opened = 0;
  context.on('page', () => opened++);
  page.on('dialog', () => opened++);
  const row = await firstRowMenu(page);
  const item = page.getByRole('menuitem', { name: /^Open in / });
  assert.equal(await item.getAttribute('href'), null, 'not a link');
  await item.click();
  await page.getByRole('alert').filter({ hasText: `The source record of ${row.name} was not opened` }).waitFor();
  assert.equal(opened, 0);
  await done({ allow: /refused to open a source record address/ });
});
