// Names and log lines come from third-party systems: a corpus of XSS payloads, seeded into the
// server as client, item, record and log text, renders as plain text everywhere and runs nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BACKEND, suite } from './support/suite.mjs';
import { candidateOf, pickFromMenu, rows, settled, table, tilesReady } from './support/app.mjs';

const CORPUS_FILE = new URL('./xss-payloads.json', import.meta.url).pathname;
const CORPUS = JSON.parse(readFileSync(CORPUS_FILE, 'utf8'));
const { visit } = suite({ apiArgs: ['--hostile-names', CORPUS_FILE] });
const T = { timeout: 90_000, skip: BACKEND !== 'http' && 'HTTP backend only (seeded by the server)' };

/** Nothing ran, and no element or handler was smuggled into the page. */
async function clean(page, where) {
  const found = await page.evaluate(() => ({
    ran: window.__xss ?? null,
    handlers: [...document.querySelectorAll('*')]
      .flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
    smuggled: [...document.querySelectorAll('body iframe, body object, body embed, body video, body marquee, body details, body img, body a[href^="javascript"], body style, body script, body b')]
      .map((el) => el.outerHTML.slice(0, 60)),
  }));
  assert.deepEqual(found, { ran: null, handlers: [], smuggled: [] }, where);
}

test(`${CORPUS.length} XSS payloads render as plain text in the list, menus, dialogs and logs`, T, async () => {
  assert.ok(CORPUS.length >= 20);
  const { page, done } = await visit();
  await tilesReady(page);
  // Client drop-down: the payloads are the option texts, verbatim.
  const clients = await page.getByLabel('Client').locator('option').allTextContents();
  assert.ok(clients.length >= 10);
  for (const c of clients) assert.ok(CORPUS.includes(c), `client option ${JSON.stringify(c)}`);
  await clean(page, 'on load');

  // Every client's rows: names and matched records verbatim.
  for (const client of clients.slice(0, 4)) {
    await page.getByLabel('Client').selectOption({ label: client });
    await settled(page);
    for (const r of await rows(page)) {
      assert.ok(CORPUS.includes(r.name), `row ${JSON.stringify(r.name)}`);
      const record = r.record.replace(/disabled$/, '').trim();
      if (record && record !== '—') assert.ok(CORPUS.includes(record), `record ${JSON.stringify(record)}`);
    }
    await clean(page, `client ${client}`);
  }

  // Hover and focus every row's controls (title and aria-label attributes carry the names).
  const buttons = page.getByRole('button', { name: /^Actions for / });
  const labels = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label').slice('Actions for '.length)));
  for (const l of labels) assert.ok(CORPUS.includes(l), `aria-label ${JSON.stringify(l)}`);
  for (const b of (await buttons.all()).slice(0, 8)) await b.hover();
  await clean(page, 'after hovering');

  // The menu and both dialogs name the item verbatim.
  const [first] = await rows(page);
  await pickFromMenu(page, first.name, 'Re-match Record');
  const rematch = page.getByRole('dialog', { name: 'Re-match Record' });
  await rematch.waitFor();
  assert.ok((await rematch.locator('strong').textContent()) === first.name);
  const options = await rematch.locator('option').allTextContents();
  // Candidates may include the client's records from other integrations (normal names); any
  // that carries markup is a payload, shown verbatim.
  for (const name of options.slice(1).map((o) => candidateOf(o).name).filter((n) => /[<>"'{}$%&]/.test(n))) {
    assert.ok(CORPUS.includes(name), `candidate ${JSON.stringify(name)}`);
  }
  await clean(page, 'in Re-match Record');
  await page.keyboard.press('Escape');
  await pickFromMenu(page, first.name, /Exclude Record|Include Record/);
  if (await page.getByRole('dialog', { name: 'Exclude Record' }).count()) {
    await page.getByRole('dialog', { name: 'Exclude Record' }).getByRole('button', { name: 'Exclude' }).click();
    await page.getByRole('status').filter({ hasText: `Excluded ${first.name}` }).waitFor();
  }
  await clean(page, 'after an action announced the name');

  // Sync Logs: every message verbatim.
  await page.getByRole('button', { name: 'View Logs' }).click();
  const logs = page.getByRole('dialog', { name: 'Sync Logs' });
  await logs.getByRole('table').waitFor();
  const messages = await logs.locator('tbody tr td:nth-child(3)').allTextContents();
  assert.ok(messages.length > 0);
  for (const m of messages) assert.ok(CORPUS.includes(m), `log ${JSON.stringify(m)}`);
  // Nothing can run later: a payload needs an element or a handler to run from, and each check
  // above found none.
  await clean(page, 'in Sync Logs');
  await done();
});
