// Takes a screenshot of every screen state into tests/screenshots/ (for looking at, not asserting).
// Run after a release build: node tests/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import { launch, open } from './e2e/support/browser.mjs';
import { serve } from './e2e/support/server.mjs';
import { firstWithStatus, openLargeClient, pickFromMenu } from './e2e/support/app.mjs';

const OUT = new URL('./screenshots/', import.meta.url).pathname;
await mkdir(OUT, { recursive: true });
const server = await serve();
const browser = await launch();
const shot = (page, name, fullPage = false) => page.screenshot({ path: `${OUT}${name}.png`, fullPage });

const { page, problems } = await open(browser, server.url);
await shot(page, '01-screen');
await page.getByRole('button', { name: /^Actions for / }).nth(2).click();
await shot(page, '02-row-menu');
await page.getByRole('menuitem', { name: 'Re-match Record' }).click();
await page.getByRole('dialog').locator('option').nth(1).waitFor({ state: 'attached' });
await shot(page, '03-rematch-record');
await page.getByRole('dialog').getByLabel(/Record to match to/).selectOption({ index: 0 });
await page.getByRole('dialog').getByRole('button', { name: 'Match', exact: true }).click();
await shot(page, '04-rematch-needs-choice');
await page.keyboard.press('Escape');
const matched = await firstWithStatus(page, 'Matched');
await pickFromMenu(page, matched.name, 'Exclude Record');
await page.getByRole('switch').check();
await shot(page, '05-exclude-record');
await page.getByRole('dialog').getByRole('button', { name: 'Exclude', exact: true }).click();
await page.getByRole('status').filter({ hasText: 'Excluded' }).waitFor();
await shot(page, '06-after-exclude');
await page.getByRole('button', { name: 'View Logs' }).click();
await page.getByRole('dialog').getByRole('table').waitFor();
await shot(page, '07-sync-logs');
await page.keyboard.press('Escape');
await page.getByLabel('Filter', { exact: true }).fill('no such thing');
await page.getByText('No items match').waitFor();
await shot(page, '08-empty-state');
await page.getByRole('button', { name: 'Clear filters' }).click();
await page.getByLabel('Integration', { exact: true }).selectOption({ label: 'HaloPSA (PSA)' });
await page.getByRole('button', { name: 'View Logs' }).click();
await page.getByRole('dialog').getByRole('table').waitFor();
await shot(page, '09-sync-logs-failing-integration');
await page.keyboard.press('Escape');
await page.getByRole('button', { name: 'Reset demo data' }).click();
await shot(page, '10-reset-demo-data');
await page.keyboard.press('Escape');
await shot(page, '11-full-page', true);
// Exclusion Rules: a new rule's live preview, in the light and the dark theme.
await page.getByRole('button', { name: 'Exclusion Rules' }).click();
const rules = page.getByRole('dialog', { name: 'Exclusion Rules' });
await rules.getByLabel('Name pattern').fill('*a*');
await rules.getByRole('status').filter({ hasText: /^Saving it excludes/ }).waitFor();
await shot(page, '11a-exclusion-rules-preview');
await page.emulateMedia({ colorScheme: 'dark' });
await shot(page, '11b-exclusion-rules-dark');
await page.emulateMedia({ colorScheme: 'light' });
await page.keyboard.press('Escape');

const narrow = await open(browser, server.url, { viewport: { width: 390, height: 844 } });
await shot(narrow.page, '12-narrow', true);
// An unreadable journal left in local storage by an earlier version, and no IndexedDB journal.
await narrow.page.evaluate(() => {
  indexedDB.deleteDatabase('sync-overview/journal/2026-600');
  localStorage.setItem('sync-overview/journal/v1/2026-600', 'garbage');
});
await narrow.page.reload();
await narrow.page.getByRole('note').waitFor();
await shot(narrow.page, '13-unreadable-saved-changes');

// 100,000 items: the start-up's progress, the large client, and Re-match Record's search.
const large = await open(browser, `${server.url}?demo=100000`, { waitForRows: false });
await large.page.getByLabel('Preparing the demo data…').waitFor();
await shot(large.page, '14-preparing-demo-data');
await openLargeClient(large.page, 100000);
await shot(large.page, '15-100k-items');
await large.page.getByRole('button', { name: /^Actions for / }).nth(1).click();
await large.page.getByRole('menuitem', { name: 'Re-match Record' }).click();
const dialog = large.page.getByRole('dialog');
await dialog.locator('option').nth(1).waitFor({ state: 'attached' });
await shot(large.page, '16-100k-rematch-likeliest');
await dialog.getByLabel('Find a record').fill('ap1');
await large.page.waitForFunction(() => {
  const options = [...document.querySelectorAll('dialog option')].slice(1);
  return options.length > 0 && options.every((o) => o.textContent.toLowerCase().includes('ap1'));
});
await shot(large.page, '17-100k-rematch-find');

// A link to a view whose integration does not exist: the first one, the filters kept, a notice.
const linked = await open(browser, `${server.url}?integration=987654&status=not-synced&sort=type&order=desc`);
await linked.page.getByRole('note').filter({ hasText: 'was not found' }).waitFor();
await shot(linked.page, '18-view-link-unknown-integration');

// The Resources Status tile as a filter: Not Synced pressed, the list narrowed to it.
await linked.page.getByRole('region', { name: 'Resources Status' }).getByRole('button', { name: /^Excluded/ }).click();
await linked.page.waitForFunction(() => document.querySelector('.status-count[aria-pressed="true"]'));
await shot(linked.page, '19-status-tile-filter');

// Bulk work on the 100,000-item client: everything matching selected, the confirmation, the
// summary with Undo and the items left, and Review suggestions.
await large.page.keyboard.press('Escape');
await large.page.getByRole('button', { name: /^Select all .* matching$/ }).click();
await shot(large.page, '20-100k-all-selected');
await large.page.getByRole('button', { name: 'Exclude…' }).click();
await large.page.getByRole('dialog').getByRole('switch').check();
await shot(large.page, '21-100k-bulk-exclude-confirm');
await large.page.getByRole('dialog').getByRole('button', { name: /^Exclude [\d,]+ items$/ }).click();
await large.page.getByRole('status').filter({ hasText: / excluded/ }).waitFor();
await shot(large.page, '22-100k-bulk-summary');
await large.page.getByRole('button', { name: 'Undo', exact: true }).click();
await large.page.getByRole('status').filter({ hasText: /^Undone/ }).waitFor();
await large.page.getByRole('button', { name: 'Review suggestions' }).click();
await large.page.getByRole('dialog').getByRole('group').first().waitFor();
await shot(large.page, '23-100k-review-suggestions');

console.log(`screenshots in ${OUT}`, problems.concat(narrow.problems, large.problems, linked.problems));
await browser.close();
await server.close();
