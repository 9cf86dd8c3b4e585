// Exclusion rules, on both backends: the live preview counts what saving the rule excludes, the
// save is one batch the tiles show and Undo reverts (the rule deleted with it), a deleted rule
// leaves its items excluded, and a bad rule cannot be saved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rows, tiles, tilesReady, waitForTiles } from './support/app.mjs';
import { suite } from './support/suite.mjs';
import { until } from './support/wait.mjs';

const { visit } = suite();
const T = { timeout: 120_000 };

/** Opens the Exclusion Rules window; returns it. */
async function openRules(page) {
  await page.getByRole('button', { name: 'Exclusion Rules' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exclusion Rules' });
  await dialog.waitFor();
  return dialog;
}

/** The preview's count once it answers for what is typed: "Saving it excludes 12 items now". */
async function previewCount(dialog) {
  const line = dialog.getByRole('status').filter({ hasText: /^(Saving it excludes|No item)/ });
  await line.waitFor();
  await dialog.locator('.rule-preview[aria-busy="false"]').waitFor();
  const text = await line.innerText();
  const m = text.match(/excludes ([\d,]+) items? now/);
  return { count: m ? Number(m[1].replace(/,/g, '')) : 0, text };
}

test('A rule\'s preview count is what saving it excludes, and Undo deletes it and puts the items back', T, async () => {
  const session = await visit();
  const { page } = session;
  await tilesReady(page);
  const before = await tiles(page);
  // A pattern that hits something: the first three characters of the first listed name.
  const [first] = await rows(page);
  const pattern = `${first.name.slice(0, 3)}*`;

  let dialog = await openRules(page);
  await dialog.getByText('No rules yet').waitFor();
  const save = dialog.getByRole('button', { name: 'Save rule' });
  assert.equal(await save.isDisabled(), true, 'nothing to save before a pattern or type is given');
  await dialog.getByLabel('Name pattern').fill(pattern);
  const { count, text } = await previewCount(dialog);
  assert.ok(count >= 1, text);
  const listed = await dialog.getByRole('region', { name: 'Items the rule would exclude' }).getByRole('row').count();
  assert.equal(listed - 1, Math.min(count, 20), 'the table lists the first 20 items');
  const firstHit = await dialog.getByRole('region', { name: 'Items the rule would exclude' }).getByRole('row').nth(1).innerText();
  assert.ok(firstHit.toLowerCase().startsWith(pattern.slice(0, 3).toLowerCase()), firstHit);

  await save.click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Rule saved (names like “${pattern}”): ${count.toLocaleString('en-US')} item` }).waitFor();
  // Focus is back on the button that opened the window.
  await until(() => page.evaluate(() => document.activeElement?.textContent), (t) => t === 'Exclusion Rules', { what: 'focus on Exclusion Rules' });
  await until(() => tiles(page), (t) => t.excluded === before.excluded + count && t.total === before.total, {
    what: `${count} more excluded`,
  });

  dialog = await openRules(page);
  await dialog.getByText(`Exclude names like “${pattern}”`).waitFor();
  // Saved, the same rule previews nothing more to exclude.
  await dialog.getByLabel('Name pattern').fill(pattern);
  assert.equal((await previewCount(dialog)).count, 0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Undone: the rule (names like “${pattern}”) is deleted and ${count.toLocaleString('en-US')} item` }).waitFor();
  await waitForTiles(page, before);
  dialog = await openRules(page);
  await dialog.getByText('No rules yet').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await session.done();
});

test('A rule by type alone, deleted: its items stay excluded, and a rule naming nothing cannot be saved', T, async () => {
  const session = await visit();
  const { page } = session;
  await tilesReady(page);
  const before = await tiles(page);
  const dialog = await openRules(page);
  await dialog.getByLabel('Name pattern').fill('   ');
  assert.match(await dialog.getByRole('status').filter({ hasText: /Give a name pattern/ }).innerText(), /a type, or both/);
  assert.equal(await dialog.getByRole('button', { name: 'Save rule' }).isDisabled(), true);
  // By type: the integration's last type in the drop-down.
  const type = dialog.getByLabel('Type');
  const options = await type.locator('option').allInnerTexts();
  await type.selectOption({ label: options.at(-1) });
  const { count } = await previewCount(dialog);
  await dialog.getByLabel(/Also disable the .* record of each item it excludes/).check();
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: /^Rule saved \(type / }).waitFor();
  // The message comes with the write's answer; the tiles follow when they have reloaded.
  const excluded = before.excluded + count;
  await until(() => tiles(page), (t) => t.excluded === excluded, { what: `${count} more excluded` });

  const again = await openRules(page);
  await again.getByText('also disables their records').waitFor();
  await again.getByRole('button', { name: `Delete rule: exclude type ${options.at(-1)}` }).click();
  await page.getByRole('status').filter({ hasText: /^Rule deleted \(type .*the items it excluded stay excluded\.$/ }).waitFor();
  await again.getByText('No rules yet').waitFor();
  assert.equal((await tiles(page)).excluded, excluded, `${count} items stay excluded`);
  await again.getByRole('button', { name: 'Close' }).click();
  // Undo brings the rule back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /is in force again\.$/ }).waitFor();
  const back = await openRules(page);
  await back.getByText('also disables their records').waitFor();
  await back.getByRole('button', { name: 'Close' }).click();
  await session.done();
});
