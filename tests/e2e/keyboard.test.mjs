// Every flow without a mouse: menus open with Enter/Space and move with arrows, Escape closes and
// returns focus, Tab stays inside an open dialog.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suite } from './support/suite.mjs';
import { candidateOf, firstWithStatus, rowOf, tiles, tilesReady } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 60_000 };

/** The focused element's accessible label, text or role. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el.getAttribute('aria-label') || (el.labels?.[0]?.textContent ?? '') || el.textContent.trim();
  });

/** Presses Tab until the focused element is labelled `label` (at most `max` times). */
async function tabTo(page, label, max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === label) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${label}; stuck on ${await focused(page)}`);
}

test('keyboard only: filter, open the menu, Re-match Record, choose, toggle, Match', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const item = await firstWithStatus(page, 'Matched');
  const before = await tiles(page);
  await page.locator('body').focus();
  await tabTo(page, 'Filter');
  await page.keyboard.type(item.name);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr:not([aria-hidden])').length === 1);
  const actions = `Actions for ${item.name}`;
  await tabTo(page, actions);
  // Enter opens the menu on its first item; arrows move and wrap.
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Re-match Record');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'Exclude Record');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'History');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'Re-match Record');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'History');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'Exclude Record');
  await page.keyboard.press('Home');
  assert.equal(await focused(page), 'Re-match Record');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Re-match Record' });
  await dialog.waitFor();
  // Focus starts on the record drop-down, the likeliest record chosen; ArrowDown picks the next.
  await dialog.locator('option').nth(1).waitFor({ state: 'attached' });
  assert.match(await focused(page), /Record to match to/);
  await page.keyboard.press('ArrowDown');
  const target = candidateOf(await dialog.getByLabel(/Record to match to/).evaluate((s) => s.selectedOptions[0].textContent)).name;
  // Then the field that finds records beyond the likeliest, then the switch.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Find a record');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Disable previous portal record');
  await page.keyboard.press('Space');
  assert.equal(await dialog.getByRole('switch').isChecked(), true);
  await tabTo(page, 'Match');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Re-matched ${item.name} to ${target}.` }).waitFor();
  assert.equal((await rowOf(page, item.name)).record, target);
  assert.deepEqual(await tiles(page), before);
  // Focus is back on the row's actions button.
  await page.waitForFunction((label) => document.activeElement.getAttribute('aria-label') === label, actions);
  await done();
});

test('Space and ArrowUp open the menu; Escape closes it and returns focus', T, async () => {
  const { page, done } = await visit();
  const button = page.getByRole('button', { name: /^Actions for / }).first();
  const label = await button.getAttribute('aria-label');
  await button.focus();
  await page.keyboard.press('Space');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await focused(page), 'Re-match Record');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('menu').count(), 0);
  assert.equal(await focused(page), label);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'History', 'ArrowUp opens on the last item');
  // Tab leaves the menu and closes it.
  await page.keyboard.press('Tab');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  await done();
});

test('in a dialog Tab stays inside, Escape closes it and focus returns to the opener', T, async () => {
  const { page, done } = await visit();
  const button = page.getByRole('button', { name: /^Actions for / }).first();
  const label = await button.getAttribute('aria-label');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Re-match Record' });
  await dialog.waitFor();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `Tab ${i + 1} left the dialog`);
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `Shift+Tab ${i + 1} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction((l) => document.activeElement.getAttribute('aria-label') === l, label);
  await done();
});

test('a click outside closes an open menu', T, async () => {
  const { page, done } = await visit();
  await page.getByRole('button', { name: /^Actions for / }).first().click();
  await page.getByRole('menu').waitFor();
  await page.getByRole('heading', { name: 'Sync Overview' }).click();
  await page.getByRole('menu').waitFor({ state: 'detached' });
  await done();
});
