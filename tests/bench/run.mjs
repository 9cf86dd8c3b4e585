// Sync Overview's browser benchmark: prints transfer sizes, time to first rows, keystroke and
// action latencies and memory, for each demo size, on the release build in headless Chromium;
// and the same operations on a hand-written plain-JS floor page (tests/bench/floor/) over the
// same data, with the ratio app ÷ floor.
// At 100,000 items it also times the bulk path over HTTP, against sync-server (its `server`
// profile, on SQLite) holding a 100,000-item client.
// Usage: node tests/bench/run.mjs [--sizes 10000,100000] [--keystrokes 30] [--actions 15]
//        [--loads 5] (page loads timed to first rows, app and floor in turn; the median is reported)
//        [--dist DIR] (another build, e.g. an older commit's) [--no-http] (skip the HTTP bulk run)
//        SYNC_SERVER_BIN=path: the HTTP bulk run against that server binary instead of today's;
//        SYNC_SERVER_DATABASE=url: on that database (e.g. a fresh PostgreSQL one) instead of SQLite
//        (--actions 0 skips Exclude and Include, which an older build may not offer the same way)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startApiServer } from '../e2e/support/api-server.mjs';
import { openLargeClient } from '../e2e/support/app.mjs';
import { FIRST_ROW, HISTORY_SCRIPT, JOURNAL_SCRIPT, LOGS_SCRIPT, historyOverHttp, logsOverHttp } from './history-logs.mjs';
import { DIST, serve } from '../e2e/support/server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '10000,100000').split(',').map(Number);
const BUILD = arg('dist', DIST);
const HTTP = !process.argv.includes('--no-http');
const KEYSTROKES = Number(arg('keystrokes', '30'));
const ACTIONS = Number(arg('actions', '15'));
const LOADS = Math.max(1, Number(arg('loads', '5')));
/** The demo data's seed (sync-core's default), which names the mock store's journal. */
const DEMO_SEED = 2026;

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

function transferSizes() {
  const files = readdirSync(BUILD).filter((f) => /\.(wasm|js|css)$/.test(f));
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  console.log('transfer size (dist/):');
  for (const f of files) {
    const body = readFileSync(join(BUILD, f));
    const g = gzipSync(body, { level: 9 }).length;
    const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += body.length;
    gzip += g;
    brotli += b;
    console.log(`  ${f.padEnd(44)} raw ${kb(body.length).padStart(9)}  gzip ${kb(g).padStart(9)}  brotli ${kb(b).padStart(9)}`);
  }
  console.log(`  ${'total'.padEnd(44)} raw ${kb(raw).padStart(9)}  gzip ${kb(gzip).padStart(9)}  brotli ${kb(brotli).padStart(9)}`);
}

// Installed before the app loads: notes when the first rows are painted, keeps the wasm instance.
const PROBE = () => {
  window.__bench = { longest: 0 };
  // The longest main-thread task (over 50 ms) until the first rows: how long the page froze.
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      if (!window.__bench.firstRows) window.__bench.longest = Math.max(window.__bench.longest, task.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('tbody tr:not([aria-hidden])')) {
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__bench.firstRows = performance.now();
      });
    }
  }).observe(document, { subtree: true, childList: true });
};

// In the page: waits for the first animation frame at which the list shows the answer to its
// latest query.
// (A zero-delay message first lets the app's reactive work run, so a query just asked for shows
// as aria-busy.)
const SETTLED = `async function settled() {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const yieldNow = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  await yieldNow();
  await yieldNow();
  do await frame(); while (document.querySelector('table[aria-busy="true"]'));
}`;

// In the page: types and erases "ws1" `n` times, timing each input event to the frame after the
// list shows the answer; also the longest main-thread task while typing (0: none over 50 ms).
const KEYSTROKES_SCRIPT = (n) => `(async (n) => {
  ${SETTLED}
  let longest = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const task of list.getEntries()) longest = Math.max(longest, task.duration);
  });
  tasks.observe({ type: 'longtask' });
  const input = document.querySelector('input[type="search"]');
  const text = 'ws1';
  const times = [];
  let value = '';
  for (let i = 0; i < n; i++) {
    const step = i % (2 * text.length);
    value = step < text.length ? text.slice(0, step + 1) : text.slice(0, 2 * text.length - step - 1);
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settled();
    times.push(performance.now() - t0);
  }
  tasks.takeRecords().forEach((task) => { longest = Math.max(longest, task.duration); });
  tasks.disconnect();
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settled();
  return { times, longest };
})(${n})`;

// In the page: excludes then includes the first row `n` times, each timed from the click that
// does it to the frame after the row and the tiles show the change. `exclude` and `include` are
// the page's own ways to do that (in the app through the row menu and the dialog); each returns
// the time of its final click.
const ACTIONS_SCRIPT = (n, { exclude, include }) => `(async (n) => {
  ${SETTLED}
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  // The first animation frame at which the page shows the change.
  const until = async (ok) => { do await frame(); while (!ok()); };
  const excludedTile = () => document.querySelector('.status-tile').innerText.match(/Excluded\\s+([\\d,]+)/)[1];
  const firstRow = () => document.querySelector('tbody tr:not([aria-hidden])');
  const firstStatus = () => firstRow().querySelector('td:nth-child(4)').textContent.trim();
  const exclude = ${exclude};
  const include = ${include};
  const excludes = [];
  const includes = [];
  for (let i = 0; i < n; i++) {
    if (firstStatus() === 'Excluded') { await include(); await until(() => firstStatus() !== 'Excluded'); await settled(); }
    const before = excludedTile();
    const t0 = await exclude();
    await until(() => firstStatus() === 'Excluded' && excludedTile() !== before);
    excludes.push(performance.now() - t0);
    await settled();
    const back = excludedTile();
    const t1 = await include();
    await until(() => firstStatus() !== 'Excluded' && excludedTile() !== back);
    includes.push(performance.now() - t1);
    await settled();
  }
  return { exclude: excludes, include: includes };
})(${n})`;

// The app's actions: the row menu, then (for Exclude) its dialog.
const APP_ACTIONS = {
  exclude: `async () => {
    firstRow().querySelector('.icon-button').click();
    await until(() => document.querySelector('[role=menuitem]'));
    [...document.querySelectorAll('[role=menuitem]')].find((m) => m.textContent.trim() === 'Exclude Record').click();
    await until(() => document.querySelector('dialog[open]'));
    const t = performance.now();
    [...document.querySelectorAll('dialog button')].find((b) => b.textContent.trim() === 'Exclude').click();
    return t;
  }`,
  include: `async () => {
    firstRow().querySelector('.icon-button').click();
    await until(() => document.querySelector('[role=menuitem]'));
    const item = [...document.querySelectorAll('[role=menuitem]')].find((m) => m.textContent.trim() === 'Include Record');
    const t = performance.now();
    item.click();
    return t;
  }`,
};

// The floor page's actions: one button in the row.
const FLOOR_ACTIONS = {
  exclude: `async () => { const t = performance.now(); firstRow().querySelector('button').click(); return t; }`,
  include: `async () => { const t = performance.now(); firstRow().querySelector('button').click(); return t; }`,
};

// The whole client selected ("Select all N matching"), excluded in one batch, then undone: each
// from its click to the first frame showing its outcome, and the longest main-thread task
// meanwhile (how long the page froze).
const BULK_SCRIPT = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const until = async (ok) => {
    const end = performance.now() + 60000;
    do {
      await frame();
      if (performance.now() > end) throw new Error('no outcome within a minute: ' + ok + ' / ' + said());
    } while (!ok());
  };
  const button = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim().match(text));
  const said = () => document.querySelector('[role=status].announcement, .announcement')?.textContent ?? '';
  let longest = 0;
  const note = (tasks) => {
    for (const task of tasks) longest = Math.max(longest, task.duration);
  };
  const tasks = new PerformanceObserver((list) => note(list.getEntries()));
  tasks.observe({ type: 'longtask' });
  const timed = async (click, ok) => {
    longest = 0;
    const t = performance.now();
    click();
    await until(ok);
    const took = performance.now() - t;
    // The long tasks up to this frame, including those not yet delivered to the observer.
    note(tasks.takeRecords());
    return { took, longest };
  };
  const all = button(/^Select all [\\d,]+ matching$/);
  // An older build (--dist) may have no bulk actions.
  if (!all) return null;
  const n = all.textContent.match(/[\\d,]+/)[0];
  const select = await timed(() => all.click(), () => document.body.innerText.includes(n + ' items selected'));
  button(/^Exclude…$/).click();
  await until(() => document.querySelector('dialog[open]'));
  const exclude = await timed(
    () => [...document.querySelectorAll('dialog button')].find((b) => b.textContent.trim().startsWith('Exclude ')).click(),
    () => / excluded/.test(said()),
  );
  const undo = await timed(() => button(/^Undo$/).click(), () => /^Undone/.test(said()));
  return { items: n, select, exclude, undo };
})()`;

// In the Exclusion Rules window: types name patterns, timing each input event to the frame after
// the preview shows its count for it (every item of the integration is matched against the glob).
const RULE_PREVIEW_SCRIPT = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const until = async (ok) => {
    const end = performance.now() + 30000;
    do {
      await frame();
      if (performance.now() > end) throw new Error('no preview within 30 s');
    } while (!ok());
  };
  const opener = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Exclusion Rules');
  if (!opener) return null; // an older build (--dist)
  opener.click();
  await until(() => document.querySelector('dialog[open] input[type=text]'));
  const input = document.querySelector('dialog[open] input[type=text]');
  const preview = () => document.querySelector('dialog[open] .rule-preview');
  const line = () => preview().querySelector('[role=status]').textContent;
  const times = [];
  for (const pattern of ['*-ws1*', '*1?', '*a*', 'a*', '*-test', '*(old)*', '*0*', '*ws*']) {
    // Emptied first, so that the count shown is the answer for this pattern.
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => /^Give a name pattern/.test(line()));
    const t = performance.now();
    input.value = pattern;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => preview().getAttribute('aria-busy') === 'false' && /^(Saving|No item)/.test(line()));
    times.push(performance.now() - t);
  }
  document.querySelector('dialog[open]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  return times;
})()`;

async function memory(page) {
  // The app's wasm instance, from its module entry (the floor page has none).
  return page.evaluate(async () => {
    const embed = document.querySelector('script[src$="standalone.js"]') ? await import('./embed.js') : null;
    const wasm = embed && (await embed.instance());
    return {
      heap: performance.memory?.usedJSHeapSize ?? null,
      // The exports have short names (scripts/short-names.mjs): the memory is found by its type.
      wasm: Object.values(wasm ?? {}).find((e) => e instanceof WebAssembly.Memory)?.buffer.byteLength ?? null,
    };
  });
}

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstRows);
  const { firstRows, longest } = await page.evaluate(() => window.__bench);
  return { context, page, firstRows, longest };
}

/** The app on the mock store with `size` items in its large client. */
async function measureApp(browser, url, size) {
  const { context, page, firstRows, longest } = await openPage(browser, `${url}?demo=${size}`);
  await openLargeClient(page, size);
  const { times: keys, longest: typing } = await page.evaluate(KEYSTROKES_SCRIPT(KEYSTROKES));
  const actions = await page.evaluate(ACTIONS_SCRIPT(ACTIONS, APP_ACTIONS));
  const mem = await memory(page);
  const bulk = await page.evaluate(BULK_SCRIPT);
  const rules = await page.evaluate(RULE_PREVIEW_SCRIPT);
  // History at 1,000 entries: appended to the journal as another tab would, then replayed.
  const row = await page.evaluate(FIRST_ROW);
  await page.evaluate(JOURNAL_SCRIPT(`${DEMO_SEED}-${size}`, row.id, row.status));
  await page.reload();
  await page.locator('tbody tr:not([aria-hidden])').first().waitFor();
  await openLargeClient(page, size);
  const history = await page.evaluate(HISTORY_SCRIPT(5));
  const result = { firstRows, longest, keys, typing, actions, memory: mem, bulk, rules, history };
  await context.close();
  return result;
}

/**
 * More page loads timed to the first rows, app and floor in turn (so that a slow moment of the
 * machine falls on both), added to each one's first load; one load is one sample and swings by a
 * third from run to run.
 */
async function moreLoads(browser, appUrl, floorUrl, app, floor) {
  app.loads = [app.firstRows];
  floor.loads = [floor.firstRows];
  for (let i = 1; i < LOADS; i += 1) {
    for (const [url, result] of [[appUrl, app], [floorUrl, floor]]) {
      const { context, firstRows } = await openPage(browser, url);
      result.loads.push(firstRows);
      await context.close();
    }
  }
}

/** The floor page over the same data (served from `url`). */
async function measureFloor(browser, url) {
  const { context, page, firstRows, longest } = await openPage(browser, url);
  const { times: keys, longest: typing } = await page.evaluate(KEYSTROKES_SCRIPT(KEYSTROKES));
  const actions = await page.evaluate(ACTIONS_SCRIPT(ACTIONS, FLOOR_ACTIONS));
  const result = { firstRows, longest, keys, typing, actions, memory: await memory(page) };
  await context.close();
  return result;
}

/** A directory holding the floor page, the app's stylesheet and the large client's data. */
function floorSite(size) {
  const dir = mkdtempSync(join(tmpdir(), 'sync-overview-floor-'));
  const floor = fileURLToPath(new URL('./floor/', import.meta.url));
  for (const f of ['index.html', 'floor.js']) copyFileSync(join(floor, f), join(dir, f));
  const css = readdirSync(BUILD).find((f) => /^main-.*\.css$/.test(f));
  copyFileSync(join(BUILD, css), join(dir, 'main.css'));
  const data = execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'sync-core', '--example', 'floor_data', '--', String(size)], {
    maxBuffer: 1 << 30,
  });
  writeFileSync(join(dir, 'data.json'), data);
  return dir;
}

/** The bulk path on the HTTP backend, against a release sync-server with a `size`-item client. */
// SYNC_SERVER_BIN names another server binary (an older commit's, to compare with).
async function measureHttpBulk(browser, url, size) {
  let binary = process.env.SYNC_SERVER_BIN;
  if (!binary) {
    execFileSync('cargo', ['build', '--quiet', '-p', 'sync-server', '--profile', 'server']);
    binary = fileURLToPath(new URL('../../target/server/sync-server', import.meta.url));
  }
  const database = process.env.SYNC_SERVER_DATABASE;
  const api = await startApiServer(['--demo-size', String(size), ...(database ? ['--database', database] : [])], { binary });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${url}?backend=http&api=${encodeURIComponent(api.url)}`);
    await page.locator('tbody tr:not([aria-hidden])').first().waitFor();
    await openLargeClient(page, size);
    const bulk = await page.evaluate(BULK_SCRIPT);
    // History at 1,000 entries, and Sync Logs at 100,000 entries (a run that failed 100,000 items).
    const row = await page.evaluate(FIRST_ROW);
    await historyOverHttp(api.url, row.id);
    await logsOverHttp(api.url, 3);
    await page.reload();
    await page.locator('tbody tr:not([aria-hidden])').first().waitFor();
    await openLargeClient(page, size);
    const history = await page.evaluate(HISTORY_SCRIPT(5));
    const logs = await page.evaluate(LOGS_SCRIPT(5));
    await context.close();
    return { ...bulk, history, logs };
  } finally {
    await api.stop();
  }
}

/** Prints the bulk figures of one backend. */
function reportBulk(backend, bulk) {
  if (!bulk) return;
  reportHistoryLogs(backend, bulk);
  const { items, select, exclude, undo } = bulk;
  const long = (t) => (t > 0 ? ms(t) : 'none over 50 ms');
  console.log(`  bulk on the ${backend}, the app only (the floor page has none), ${items} items:`);
  for (const [label, step] of [
    [`Select all ${items} matching → count shown`, select],
    ['Exclude them (one batch) → summary shown', exclude],
    ['Undo (one batch) → shown', undo],
  ]) {
    console.log(`    ${label.padEnd(46)} ${ms(step.took).padEnd(12)} longest task ${long(step.longest)}`);
  }
}

/** Prints the History and Sync Logs figures of one backend, when measured. */
function reportHistoryLogs(backend, { history, logs }) {
  const line = (label, xs) => console.log(`  ${label.padEnd(62)} p50 ${ms(pct(xs, 50))}  max ${ms(Math.max(...xs))}`);
  if (history?.length) line(`History of an item (${history[0].status.trim()}) → painted, ${backend}`, history.map((h) => h.took));
  if (logs) line(`Sync Logs, ${logs.total.trim()}: text typed → painted, ${backend}`, logs.times);
}

function report(size, app, floor) {
  const mb = (n) => (n == null ? 'n/a' : `${(n / 1048576).toFixed(1)} MB`);
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const long = (t) => (t > 0 ? ms(t) : 'none over 50 ms');
  const both = (label, pick) => {
    const a = pick(app);
    const f = pick(floor);
    if (a.length === 0) return; // --actions 0
    console.log(
      `  ${label.padEnd(48)} ${`p50 ${ms(pct(a, 50))}  p95 ${ms(pct(a, 95))}`.padEnd(28)} ${`p50 ${ms(pct(f, 50))}  p95 ${ms(pct(f, 95))}`.padEnd(28)} ${ratio(pct(a, 50), pct(f, 50))} / ${ratio(pct(a, 95), pct(f, 95))}`,
    );
  };
  console.log(`\n${size.toLocaleString('en-US')} items in one client`);
  console.log(`  ${''.padEnd(48)} ${'app (mock store)'.padEnd(28)} ${'floor (plain JS)'.padEnd(28)} app ÷ floor`);
  const loads = (r) => `median ${ms(pct(r.loads, 50))} of ${r.loads.length}`;
  console.log(
    `  ${'navigation → first Sync Status rows painted'.padEnd(48)} ${loads(app).padEnd(28)} ${loads(floor).padEnd(28)} ${ratio(pct(app.loads, 50), pct(floor.loads, 50))}`,
  );
  console.log(
    `  ${'  every load (ms)'.padEnd(48)} ${app.loads.map((t) => t.toFixed(0)).join(' ').padEnd(28)} ${floor.loads.map((t) => t.toFixed(0)).join(' ').padEnd(28)}`,
  );
  console.log(
    `  ${'longest main-thread task until then (1st load)'.padEnd(48)} ${long(app.longest).padEnd(28)} ${long(floor.longest).padEnd(28)}`,
  );
  both(`filter keystroke → painted (${app.keys.length}, no debounce)`, (r) => r.keys);
  console.log(
    `  ${'longest main-thread task while typing'.padEnd(48)} ${long(app.typing).padEnd(28)} ${long(floor.typing).padEnd(28)}`,
  );
  both(`Exclude → row and tiles updated (${app.actions.exclude.length})`, (r) => r.actions.exclude);
  both(`Include → row and tiles updated (${app.actions.include.length})`, (r) => r.actions.include);
  console.log(
    `  ${'memory after the run: JS heap / wasm'.padEnd(48)} ${`${mb(app.memory.heap)} / ${mb(app.memory.wasm)}`.padEnd(28)} ${mb(floor.memory.heap).padEnd(28)} ${ratio(app.memory.heap + (app.memory.wasm ?? 0), floor.memory.heap)}`,
  );
  reportBulk('mock store', app.bulk);
  reportHistoryLogs('mock store', { history: app.history });
  if (app.rules) {
    console.log(
      `  rule preview, pattern typed → count painted (${app.rules.length}), the app only: p50 ${ms(pct(app.rules, 50))}  p95 ${ms(pct(app.rules, 95))}  max ${ms(Math.max(...app.rules))}`,
    );
  }
}

transferSizes();
const server = await serve(BUILD);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
try {
  for (const size of SIZES) {
    const app = await measureApp(browser, server.url, size);
    const site = floorSite(size);
    const floorServer = await serve(site);
    try {
      const floor = await measureFloor(browser, floorServer.url);
      await moreLoads(browser, `${server.url}?demo=${size}`, floorServer.url, app, floor);
      report(size, app, floor);
    } finally {
      await floorServer.close();
      rmSync(site, { recursive: true, force: true });
    }
    if (size === 100_000 && HTTP) reportBulk(`HTTP backend (sync-server, ${process.env.SYNC_SERVER_DATABASE ? 'PostgreSQL' : 'SQLite'})`, await measureHttpBulk(browser, server.url, size));
  }
} finally {
  await browser.close();
  await server.close();
}
