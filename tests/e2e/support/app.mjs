// Reads and drives the Sync Overview screen by roles and visible labels only.
import assert from 'node:assert/strict';
import { painted, until } from './wait.mjs';

// Counts follow the page's locale: "100,000" in en-US, "100.000" in de-DE (a test may set either).
const number = (text) => Number(text.replace(/[,.\s\u00a0\u202f]/g, ''));

/** The Sync Status table. */
export const table = (page) => page.getByRole('table', { name: 'Sync Status' });

/** The global tiles' figures: { total, matched, notSynced, excluded }. */
export async function tiles(page) {
  const total = await page.getByRole('region', { name: 'Total Synced Resources' }).innerText();
  const status = await page.getByRole('region', { name: 'Resources Status' }).innerText();
  const pick = (text, label) => {
    const m = text.match(new RegExp(`${label}\\s+([\\d,]+)`));
    assert.ok(m, `no ${label} figure in: ${text}`);
    return number(m[1]);
  };
  return {
    total: number(total.match(/([\d,]+)/)[1]),
    matched: pick(status, 'Matched'),
    notSynced: pick(status, 'Not Synced'),
    excluded: pick(status, 'Excluded'),
  };
}

/** Waits (up to 10 s) until the tiles show `expected`; they reload after the row over HTTP. */
export async function waitForTiles(page, expected) {
  await until(() => tiles(page), (seen) => JSON.stringify(seen) === JSON.stringify(expected), {
    what: `tiles ${JSON.stringify(expected)}`,
  });
}

/** Waits until the tiles show figures (not the loading mark). */
export async function tilesReady(page) {
  await page
    .getByRole('region', { name: 'Total Synced Resources' })
    .getByText(/^[\d,]+$/)
    .waitFor();
}

/** The "N items" count of the Sync Status list, in any locale's digit grouping. */
export async function itemCount(page) {
  const text = await page.getByText(/^\d[\d,.\u00a0\u202f]* items?$/).innerText();
  return number(text.match(/\d[\d,.\u00a0\u202f]*/)[0]);
}

/**
 * Waits until the Sync Status table has the answer to the latest query: two frames (so a query
 * just asked for shows as `aria-busy`), then until the Client list and the table are not busy.
 */
export async function settled(page) {
  const frames = () => painted(page);
  await frames();
  // The Client list is busy while it still lists another integration's clients; once it is
  // not, the table asks for the client it shows.
  if ((await page.locator('select[aria-busy="true"]').count()) > 0) {
    await page.locator('select[aria-busy="true"]').first().waitFor({ state: 'detached' });
    await frames();
  }
  await page.locator('table[aria-busy="false"]').first().waitFor();
}

/** The rows of the Sync Status table as { name, type, status, record }, once it is settled. */
export async function rows(page) {
  await settled(page);
  return table(page)
    .locator('tbody tr:not([aria-hidden])')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.children];
        return {
          name: cells[1].firstElementChild.textContent.trim(),
          type: cells[2].textContent.trim(),
          status: cells[3].textContent.trim(),
          record: cells[4].textContent.replace('None', '').trim(),
        };
      }),
    );
}

/** The row of an item, read. */
export async function rowOf(page, name) {
  const all = await rows(page);
  return all.find((r) => r.name === name);
}

/** Waits until the list shows exactly `n` items. */
export async function waitForCount(page, n) {
  await page.getByText(new RegExp(`^${n.toLocaleString('en-US')} items?$`)).waitFor();
}

/**
 * Sets the Filter box and waits for the list to show the answer to it: not busy, and every name
 * shown contains the text. (Names alone do not tell: a list still loading can already match, and
 * a test acting then races the answer, which the server may work out after the test's next
 * change.)
 */
export async function filterBy(page, text) {
  await page.getByLabel('Filter', { exact: true }).fill(text);
  await settled(page);
  await page.waitForFunction(
    (t) => {
      const names = [...document.querySelectorAll('tbody th[scope=row]')].map((th) => th.firstElementChild.textContent.toLowerCase());
      return names.every((n) => n.includes(t.toLowerCase()));
    },
    text,
  );
}

/** A Re-match Record option read as { name, score, reason } ("NAME — 92% match, REASON"). */
export function candidateOf(text) {
  const m = text.match(/^(.*) — (\d+)% match, (.+)$/s);
  assert.ok(m, `not a scored candidate: ${text}`);
  return { name: m[1], score: Number(m[2]), reason: m[3] };
}

/** Opens the item's drop-down menu and picks `action`. */
export async function pickFromMenu(page, name, action) {
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** An option's label without the count the Type and Status options show: "Device (1,204)" → "Device". */
export const withoutCount = (text) => text.trim().replace(/ \([\d,]+\)$/, '');

/** Selects the option `option` (its label, with or without its count) of the select labelled `label`. */
export async function choose(page, label, option) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.evaluate(
    (s, o) => {
      const options = [...s.options];
      const exact = options.find((x) => x.textContent === o);
      return (exact ?? options.find((x) => x.textContent.replace(/ \([\d,]+\)$/, '') === o))?.value;
    },
    option,
  );
  assert.ok(value !== undefined, `no option ${option} in ${label}`);
  await select.selectOption(value);
}

/** Views the large demo client: N-central's client with exactly `size` items. */
export async function openLargeClient(page, size) {
  await choose(page, 'Integration', 'N-central (RMM)');
  await settled(page);
  for (const client of await page.getByLabel('Client').locator('option').allTextContents()) {
    await choose(page, 'Client', client);
    await settled(page);
    if ((await itemCount(page)) === size) return client;
  }
  throw new Error(`no client with ${size} items`);
}

/** The first row with the given status (after narrowing with the Status filter). */
export async function firstWithStatus(page, status) {
  await choose(page, 'Status', status);
  await page.waitForFunction(
    (s) => {
      const r = [...document.querySelectorAll('tbody tr:not([aria-hidden])')];
      return r.length > 0 && r.every((tr) => tr.children[3].textContent.trim() === s);
    },
    status,
  );
  const [first] = await rows(page);
  await choose(page, 'Status', 'All');
  await settled(page);
  return first;
}
