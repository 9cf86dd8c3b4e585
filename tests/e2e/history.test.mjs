// Who changed what: two named users act on one item, and its History names both, newest first,
// with relative and exact times; Revert to this puts the item back to an older entry's state as
// an undoable action; axe finds nothing in the History dialog. On the mock store the users are
// the configuration's `user` (two tabs sharing the journal); over HTTP, two named tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit } from './support/axe.mjs';
import { BACKEND, suite } from './support/suite.mjs';
import { filterBy, firstWithStatus, pickFromMenu, rowOf, tilesReady } from './support/app.mjs';
import { until } from './support/wait.mjs';

const { visit } = suite({ apiArgs: ['--tokens', 'tok-ann Ann Lee;tok-bo Bo'] });
const T = { timeout: 90_000 };

/** The query that makes the app act as `user` on this backend. */
const as = (user) => (BACKEND === 'http' ? `?token=${user === 'Ann Lee' ? 'tok-ann' : 'tok-bo'}` : `?user=${encodeURIComponent(user)}`);

/** Opens the History of `name` and waits for its entries; returns the dialog. */
async function openHistory(page, name) {
  await filterBy(page, name);
  await pickFromMenu(page, name, 'History');
  const dialog = page.getByRole('dialog', { name: `History of ${name}` });
  await dialog.getByRole('status').filter({ hasText: /change/ }).waitFor();
  return dialog;
}

/** The History dialog's entries, newest first, each as its text. */
const entries = (dialog) => dialog.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').allInnerTexts();

/** Excludes or includes `name` through its row menu, and waits for the announcement. */
async function act(page, name, action) {
  await filterBy(page, name);
  await pickFromMenu(page, name, `${action} Record`);
  if (action === 'Exclude') {
    const dialog = page.getByRole('dialog', { name: 'Exclude Record' });
    await dialog.getByRole('button', { name: 'Exclude' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await page.getByRole('status').filter({ hasText: `${action}d ${name}` }).waitFor();
}

test('two named users act on one item: its History names both, newest first, and Revert to this puts back an older state', T, async () => {
  const ann = await visit(as('Ann Lee'));
  await tilesReady(ann.page);
  const item = await firstWithStatus(ann.page, 'Matched');
  await act(ann.page, item.name, 'Exclude');
  // Bo, in a page of their own (over HTTP another browser context; on the mock store a second
  // tab sharing the journal).
  const bo = BACKEND === 'http' ? await visit(as('Bo')) : ann;
  const page = BACKEND === 'http' ? bo.page : await ann.context.newPage();
  if (BACKEND === 'mock') await page.goto(ann.page.url().replace(/user=[^&]*/, 'user=Bo'));
  await tilesReady(page);
  await until(async () => (await filterBy(page, item.name), await rowOf(page, item.name))?.status, (s) => s === 'Excluded', {
    what: `${item.name} Excluded for Bo`,
  });
  await act(page, item.name, 'Include');

  const dialog = await openHistory(page, item.name);
  await dialog.getByRole('status').filter({ hasText: '2 changes, newest first.' }).waitFor();
  const [newest, older] = await entries(dialog);
  assert.match(newest, /^Excluded → Matched/, newest);
  assert.match(newest, /Bo · Include/, newest);
  assert.match(older, /^Matched → Excluded/, older);
  assert.match(older, /Ann Lee · Exclude/, older);
  // A relative time and the exact one.
  assert.match(newest, /(just now|seconds? ago|minutes? ago)/, newest);
  assert.match(newest, /\(\d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)|\(.*\d{4}.*\)/, newest);
  await audit(page, 'in History');

  // The newest entry is how the item stands: nothing to revert to. The older one is not.
  const reverts = dialog.getByRole('button', { name: /^Revert to this/ });
  assert.equal(await reverts.count(), 1);
  await dialog.getByRole('button', { name: 'Revert to this: Excluded' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Reverted ${item.name} to Excluded.` }).waitFor();
  assert.equal((await rowOf(page, item.name)).status, 'Excluded');
  // Undoable, as every action.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Undone/ }).waitFor();
  await until(async () => (await rowOf(page, item.name))?.status, (s) => s === 'Matched', { what: `${item.name} Matched again` });

  const after = await openHistory(page, item.name);
  await after.getByRole('status').filter({ hasText: '4 changes, newest first.' }).waitFor();
  const all = await entries(after);
  assert.match(all[1], /^Matched → Excluded[\s\S]*Bo · Undo or revert/, all[1]);
  await page.keyboard.press('Escape');
  await after.waitFor({ state: 'detached' });
  if (BACKEND === 'http') await bo.done();
  await ann.done();
});

test('a revert over a change made since is refused and names that change, changing nothing', T, async () => {
  const ann = await visit(as('Ann Lee'));
  await tilesReady(ann.page);
  const page = ann.page;
  const item = await firstWithStatus(page, 'Matched');
  await act(page, item.name, 'Exclude');
  await act(page, item.name, 'Include');
  const dialog = await openHistory(page, item.name);
  // (Over HTTP the server is the file's: an earlier test may have changed this item too.)
  assert.match((await entries(dialog))[0], /^Excluded → Matched[\s\S]*Ann Lee · Include/);
  // Someone else excludes the item meanwhile (straight through the backend of another page).
  const other = BACKEND === 'http' ? await visit(as('Bo')) : null;
  if (other) {
    await tilesReady(other.page);
    await act(other.page, item.name, 'Exclude');
  } else {
    const tab = await ann.context.newPage();
    await tab.goto(page.url().replace(/user=[^&]*/, 'user=Bo'));
    await tilesReady(tab);
    await act(tab, item.name, 'Exclude');
    await tab.close();
  }
  // The dialog may have reloaded with the new entry; the older revert is still offered.
  await dialog.getByRole('button', { name: 'Revert to this: Excluded' }).first().click();
  // The refusal names the change it ran into, from the item's history.
  await page.getByRole('alert').filter({ hasText: /Nothing was saved: check the item and try again\. The latest change: Matched → Excluded, by Bo · Exclude, (just now|1 minute ago)\./ }).waitFor();
  await until(async () => (await rowOf(page, item.name))?.status, (s) => s === 'Excluded', { what: `${item.name} as Bo left it` });
  if (other) await other.done();
  await ann.done({ allow: /409|Conflict/ });
});
