// Review suggestions: the client's Not Synced items with a likely record (score and reason), a
// threshold, Accept and Skip one by one (focus moves on), Accept all shown in one batch, one Undo;
// and Accept suggestions on a selection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suite } from './support/suite.mjs';
import { choose, itemCount, settled, tiles, tilesReady, waitForCount, waitForTiles } from './support/app.mjs';

const { visit } = suite();
const T = { timeout: 120_000 };
const number = (n) => n.toLocaleString('en-US');
const suggestions = (n) => `${number(n)} suggestion${n === 1 ? '' : 's'}`;

/** How many suggestions the open review says it shows. */
async function shownCount(dialog) {
  const text = await dialog.getByText(/^(\d[\d,]*) suggestions?[.;]/).innerText();
  return Number(text.match(/^[\d,]+/)[0].replace(/,/g, ''));
}

/** The suggestions listed in the open review, read as { item, record, score, reason }. */
async function listed(dialog) {
  const groups = await dialog.getByRole('group').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  return groups.map((label) => {
    const m = label.match(/^(.*) — (.*): (\d+)% match, (.+)$/s);
    assert.ok(m, `not a suggestion: ${label}`);
    return { item: m[1], record: m[2], score: Number(m[3]), reason: m[4] };
  });
}

/** Opens Review suggestions and waits for its list. */
async function openReview(page) {
  await page.getByRole('button', { name: 'Review suggestions' }).click();
  const dialog = page.getByRole('dialog', { name: /^Review suggestions — / });
  await dialog.getByText(/^(\d[\d,]* suggestions?|No suggestions)/).waitFor();
  return dialog;
}

test('Review suggestions lists scored suggestions best first; the threshold narrows them; Skip and Accept one by one; Accept all and one Undo', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const before = await tiles(page);
  let dialog = await openReview(page);
  const all = await listed(dialog);
  const total = await shownCount(dialog);
  assert.ok(all.length >= 3 && total >= all.length, `enough suggestions (${all.length} listed of ${total})`);
  assert.ok(all.every((s) => s.score >= 91 && s.reason.length > 0));
  assert.deepEqual(all.map((s) => s.score), [...all.map((s) => s.score)].sort((a, b) => b - a), 'best first');
  await dialog.getByRole('button', { name: `Accept ${suggestions(total)}` }).waitFor();

  // The threshold at 100 shows only the same names, and says how many are below it.
  const threshold = dialog.getByLabel('Threshold (%)');
  await threshold.fill('100');
  await threshold.blur();
  await dialog.getByText(/below the threshold/).waitFor();
  const exact = await shownCount(dialog);
  assert.ok(exact < total);
  await dialog.getByRole('button', { name: `Accept ${suggestions(exact)}` }).waitFor();
  assert.ok((await listed(dialog)).every((s) => s.score === 100));
  await threshold.fill('90');
  await threshold.blur();
  await dialog.getByRole('button', { name: `Accept ${suggestions(total)}` }).waitFor();

  // Skip the first: it goes, and focus moves to the next one's Accept.
  await dialog.getByRole('button', { name: `Skip ${all[0].item}`, exact: true }).click();
  await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Accept ${all[1].item}`);
  // (At most 200 are listed: the next one in line joins at the end.)
  const names = async (n) => (await listed(dialog)).slice(0, n).map((s) => s.item);
  assert.deepEqual(await names(all.length - 1), all.slice(1).map((s) => s.item));
  // Accept the next by keyboard.
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: `Matched ${all[1].item} to ${all[1].record}.` }).waitFor();
  await waitForTiles(page, { ...before, matched: before.matched + 1, notSynced: before.notSynced - 1 });
  assert.deepEqual(await names(all.length - 2), all.slice(2).map((s) => s.item));

  // Accept all those left, in one batch: the window closes.
  const left = total - 2;
  await dialog.getByRole('button', { name: `Accept ${suggestions(left)}` }).click();
  await page.getByRole('status').filter({ hasText: `${number(left)} matched to their suggested records.` }).waitFor();
  assert.equal(await dialog.count(), 0);
  await waitForTiles(page, { ...before, matched: before.matched + 1 + left, notSynced: before.notSynced - 1 - left });
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Undone: ${number(left)} item${left === 1 ? '' : 's'} put back as before.` }).waitFor();
  await waitForTiles(page, { ...before, matched: before.matched + 1, notSynced: before.notSynced - 1 });

  // The one skipped is still suggested on a new review.
  dialog = await openReview(page);
  assert.ok((await listed(dialog)).some((s) => s.item === all[0].item));
  await page.keyboard.press('Escape');
  await done();
});

test('Accept suggestions on a selection matches the items that have one and skips the others', T, async () => {
  const { page, done } = await visit();
  const dialog = await openReview(page);
  const suggested = await shownCount(dialog);
  await page.keyboard.press('Escape');
  await choose(page, 'Status', 'Not Synced');
  await settled(page);
  const n = await itemCount(page);
  await page.getByRole('button', { name: `Select all ${number(n)} matching`, exact: true }).click();
  await page.getByRole('button', { name: 'Accept suggestions…', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Accept suggestions for ${number(n)} items` });
  await confirm.getByRole('button', { name: `Accept suggestions for ${number(n)} items` }).click();
  const without = n - suggested;
  await page
    .getByRole('status')
    .filter({ hasText: `${number(suggested)} matched to their suggested records; ${number(without)} were without a suggestion and skipped.` })
    .waitFor({ timeout: 60_000 });
  // The Not Synced list now holds only the items that had no suggestion.
  await waitForCount(page, without);
  await done();
});
