// A client with thousands of synced items: only the rows in view are in the page, the table
// still tells its size and each row's place, and scrolling brings any row into view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKEND, suite } from './support/suite.mjs';
import { itemCount, openLargeClient, rows, settled, table } from './support/app.mjs';
import { until } from './support/wait.mjs';

const { visit } = suite();
const T = { timeout: 90_000, skip: BACKEND !== 'mock' && 'mock store (sized by ?demo=)' };

test('thousands of items: windowed rows, aria-rowcount and aria-rowindex, scroll to the end', T, async () => {
  const { page, done } = await visit('?demo=20000');
  await openLargeClient(page, 20000);
  const total = await itemCount(page);
  assert.equal(total, 20000);
  const rendered = await table(page).locator('tbody tr:not([aria-hidden])').count();
  assert.ok(rendered >= 10 && rendered < 100, `${rendered} rows in the page`);
  assert.equal(await table(page).getAttribute('aria-rowcount'), String(total + 1));
  const first = await rows(page);
  const indexes = await table(page).locator('tbody tr:not([aria-hidden])').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('aria-rowindex'))));
  assert.deepEqual(indexes, first.map((_, i) => i + 2));

  // Scroll to the very end: the last item shows with its index.
  await page.locator('.table-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = table(page).locator(`tbody tr[aria-rowindex="${total + 1}"]`);
  await last.waitFor();
  await settled(page);
  assert.ok(await last.isVisible());
  const tail = await table(page).locator('tbody tr:not([aria-hidden])').count();
  assert.ok(tail < 100, `${tail} rows in the page at the end`);
  // Names at the end sort after names at the start.
  const end = await rows(page);
  assert.ok(end.at(-1).name.toLowerCase() >= first[0].name.toLowerCase());

  // A filter starts again at the top; rows that stay in view take their new places.
  const rowIndexes = () => table(page).locator('tbody tr:not([aria-hidden])').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('aria-rowindex'))));
  for (const text of ['a', 'a1', 'a']) {
    await page.getByLabel('Filter', { exact: true }).fill(text);
    await settled(page);
    assert.equal(await page.locator('.table-scroll').evaluate((el) => el.scrollTop), 0);
    const shown = await rowIndexes();
    assert.deepEqual(shown, shown.map((_, i) => i + 2), `rows in order after "${text}"`);
  }
  await done();
});

test('an open row menu follows its row when the list scrolls, and closes when the row leaves', T, async () => {
  const { page, done } = await visit('?demo=20000');
  await openLargeClient(page, 20000);
  const button = page.getByRole('button', { name: /^Actions for / }).nth(2);
  await button.click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  const gap = async () => (await menu.boundingBox()).y - ((await button.boundingBox()).y + (await button.boundingBox()).height);
  const before = await gap();
  const buttonAt = (await button.boundingBox()).y;
  await page.locator('.table-scroll').evaluate((el) => { el.scrollTop += 48; });
  // The list has scrolled (the button moved up by the 48 px) and the menu followed it.
  await until(async () => ({ moved: buttonAt - (await button.boundingBox()).y, gap: await gap() }), (seen) => Math.abs(seen.moved - 48) < 2 && Math.abs(seen.gap - before) < 2, {
    what: `the button 48 px up and the menu ${before} px below it`,
  });
  assert.ok(await menu.isVisible(), 'still open after a small scroll');
  await page.locator('.table-scroll').evaluate((el) => { el.scrollTop += 2000; });
  await menu.waitFor({ state: 'detached' });
  await done();
});
