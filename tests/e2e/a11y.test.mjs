// axe-core finds no serious or critical violation on the screen, with a menu open, or in any
// dialog, in the light and the dark theme (colour contrast included); the auto theme follows the
// user's preference; the layout holds on a narrow window.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKEND, suite } from './support/suite.mjs';
import { tilesReady } from './support/app.mjs';
import { audit } from './support/axe.mjs';

const { visit } = suite();
const T = { timeout: 60_000 };

/** The app root's background colour, as rendered. */
const background = (page) => page.locator('.sync-overview-app').evaluate((el) => getComputedStyle(el).backgroundColor);

for (const theme of ['light', 'dark']) {
  test(`no serious or critical axe violation on the screen, menu and dialogs (${theme} theme)`, T, async () => {
    const { page, done } = await visit(`?theme=${theme}`);
    await tilesReady(page);
    await auditEverything(page);
    await done();
  });
}

for (const theme of ['light', 'dark']) {
  test(`no serious or critical axe violation on duplicates and items missing from the source (${theme} theme)`, T, async () => {
    // Fabrikam in ConnectWise has a contact another client has too.
    const { page, done } = await visit(`?theme=${theme}&integration=0&client=1&show=duplicate`, { large: false });
    await tilesReady(page);
    await page.getByRole('link', { name: /^Duplicate of / }).first().waitFor();
    await audit(page, 'with a duplicate shown');
    if (BACKEND === 'mock') {
      await page.getByRole('button', { name: 'Run a sync now' }).click();
      await page.getByRole('status').filter({ hasText: /^Sync run done/ }).waitFor();
      await page.getByLabel('Show', { exact: true }).selectOption('missing');
      await page.getByText(/Missing from source since/).first().waitFor();
      await audit(page, 'with items missing from the source');
    }
    await done();
  });
}

test('the auto theme follows the user’s colour-scheme preference', T, async () => {
  const { page, done } = await visit();
  await tilesReady(page);
  const light = await background(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background(page);
  assert.notEqual(light, dark);
  const [r, g, b] = dark.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `a dark background: ${dark}`);
  await done();
});

/** Audits the screen, a row menu and each dialog. */
async function auditEverything(page) {
  await audit(page, 'on the screen');
  await page.getByRole('button', { name: /^Actions for / }).first().click();
  await page.getByRole('menu').waitFor();
  await audit(page, 'with a row menu open');
  await page.getByRole('menuitem', { name: 'Re-match Record' }).click();
  await page.getByRole('dialog', { name: 'Re-match Record' }).locator('option').nth(1).waitFor({ state: 'attached' });
  await audit(page, 'in Re-match Record');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Actions for / }).nth(1).click();
  await page.getByRole('menuitem', { name: /Exclude Record|Include Record/ }).click();
  await page.getByRole('dialog').first().waitFor();
  await audit(page, 'in Exclude Record');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'View Logs' }).click();
  await page.getByRole('dialog', { name: 'Sync Logs' }).getByRole('table').waitFor();
  await audit(page, 'in Sync Logs');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Exclusion Rules' }).click();
  const rules = page.getByRole('dialog', { name: 'Exclusion Rules' });
  await rules.getByLabel('Name pattern').fill('*e*');
  await rules.getByRole('region', { name: 'Items the rule would exclude' }).waitFor();
  await audit(page, 'in Exclusion Rules with a preview');
  await rules.getByRole('button', { name: 'Save rule' }).click();
  await rules.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Exclusion Rules' }).click();
  await rules.getByRole('button', { name: /^Delete rule/ }).waitFor();
  await audit(page, 'in Exclusion Rules with a rule in force');
  await page.keyboard.press('Escape');
  // Undone, so that the data is as it was for what follows (and, over HTTP, the other theme).
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Undone: the rule/ }).waitFor();
  await page.getByRole('button', { name: 'Review suggestions' }).click();
  await page.getByRole('dialog', { name: /^Review suggestions/ }).getByRole('group').first().waitFor();
  await audit(page, 'in Review suggestions');
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: /^Select (?!the rows)/ }).first().check();
  await audit(page, 'with a row selected');
  await page.getByRole('button', { name: 'Exclude…' }).click();
  await page.getByRole('dialog', { name: 'Exclude 1 item' }).waitFor();
  await audit(page, 'in the bulk Exclude confirmation');
  await page.keyboard.press('Escape');
  if (BACKEND === 'mock') {
    await page.getByRole('button', { name: 'Reset demo data' }).click();
    await page.getByRole('dialog', { name: 'Reset demo data' }).waitFor();
    await audit(page, 'in Reset demo data');
  }
}

test('a narrow window keeps every control reachable and nothing wider than the page', T, async () => {
  const { page, done } = await visit('', { viewport: { width: 390, height: 844 } });
  await tilesReady(page);
  await audit(page, 'on a narrow window');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
  // Every column of the list (checkbox, name, status, menu) shows without scrolling sideways.
  const sideways = await page
    .getByRole('table', { name: 'Sync Status' })
    .evaluate((t) => t.parentElement.scrollWidth - t.parentElement.clientWidth);
  assert.ok(sideways <= 0, `the list scrolls ${sideways}px sideways`);
  for (const label of ['Integration', 'Client', 'Filter', 'Type', 'Status']) {
    assert.ok(await page.getByLabel(label, { exact: true }).isVisible(), `${label} is visible`);
  }
  await done();
});
