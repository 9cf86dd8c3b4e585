// Sync Overview's browser benchmark: prints transfer sizes, time to first rows, keystroke and
// action latencies and memory, for each demo size, on the release build in headless Chromium.
// Usage: node tests/bench/run.mjs [--sizes 10000,100000] [--keystrokes 30] [--actions 15]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DIST, serve } from '../e2e/support/server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '10000,100000').split(',').map(Number);
const KEYSTROKES = Number(arg('keystrokes', '30'));
const ACTIONS = Number(arg('actions', '15'));

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

function transferSizes() {
  const files = readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  console.log('transfer size (dist/):');
  for (const f of files) {
    const body = readFileSync(join(DIST, f));
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
  window.__bench = {};
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.wasm = e.detail.wasm;
  });
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

async function measure(browser, url, size) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(`${url}?demo=${size}`);
  await page.waitForFunction(() => window.__bench.firstRows);
  const firstRows = await page.evaluate(() => window.__bench.firstRows);

  // The large client of the large integration.
  await page.getByLabel('Integration', { exact: true }).selectOption({ label: 'N-central (RMM)' });
  await page.waitForTimeout(200);
  let found = false;
  for (const c of await page.getByLabel('Client').locator('option').allTextContents()) {
    await page.getByLabel('Client').selectOption({ label: c });
    await page.evaluate(`(async () => { ${SETTLED}; await settled(); })()`);
    const count = await page.getByText(/^[\d,]+ items?$/).innerText();
    if (Number(count.replace(/\D/g, '')) === size) {
      found = true;
      break;
    }
  }
  if (!found) throw new Error(`no client with ${size} items`);

  // Keystrokes: type and erase "ws1", timed from the input event to the frame after the list
  // shows the answer.
  const keys = await page.evaluate(
    `(async (n) => {
      ${SETTLED}
      const input = document.getElementById('filter');
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
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settled();
      return times;
    })(${KEYSTROKES})`,
  );

  // Actions on the first row: Exclude (through its dialog), then Include (from its menu), each
  // timed from the click to the frame after the row and the tiles show the change.
  const actions = await page.evaluate(
    `(async (n) => {
      ${SETTLED}
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      // The first animation frame at which the page shows the change.
      const until = async (ok) => { do await frame(); while (!ok()); };
      const excludedTile = () => document.querySelector('.status-tile').innerText.match(/Excluded\\s+([\\d,]+)/)[1];
      const firstStatus = () => document.querySelector('tbody tr:not([aria-hidden]) td:nth-child(3)').textContent.trim();
      // Opens the first row's menu and clicks \`label\`; returns when it was clicked.
      const menu = async (label) => {
        document.querySelector('tbody tr:not([aria-hidden]) .icon-button').click();
        await until(() => document.querySelector('[role=menuitem]'));
        const item = [...document.querySelectorAll('[role=menuitem]')].find((m) => m.textContent.trim() === label);
        const clicked = performance.now();
        item.click();
        return clicked;
      };
      const exclude = [];
      const include = [];
      for (let i = 0; i < n; i++) {
        if (firstStatus() === 'Excluded') { await menu('Include Record'); await until(() => firstStatus() !== 'Excluded'); await settled(); }
        await menu('Exclude Record');
        await until(() => document.querySelector('dialog[open]'));
        const before = excludedTile();
        const t0 = performance.now();
        [...document.querySelectorAll('dialog button')].find((b) => b.textContent.trim() === 'Exclude').click();
        await until(() => firstStatus() === 'Excluded' && excludedTile() !== before);
        exclude.push(performance.now() - t0);
        await settled();
        const back = excludedTile();
        const t1 = await menu('Include Record');
        await until(() => firstStatus() !== 'Excluded' && excludedTile() !== back);
        include.push(performance.now() - t1);
        await settled();
      }
      return { exclude, include };
    })(${ACTIONS})`,
  );

  const memory = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__bench.wasm?.memory?.buffer.byteLength ?? null,
  }));
  await context.close();
  return { firstRows, keys, actions, memory };
}

transferSizes();
const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
try {
  for (const size of SIZES) {
    const r = await measure(browser, server.url, size);
    const mb = (n) => (n == null ? 'n/a' : `${(n / 1048576).toFixed(1)} MB`);
    console.log(`\n${size.toLocaleString('en-US')} items in one client (mock store):`);
    console.log(`  navigation → first Sync Status rows painted   ${ms(r.firstRows)}`);
    console.log(`  filter keystroke → painted (${r.keys.length}, no debounce)   p50 ${ms(pct(r.keys, 50))}  p95 ${ms(pct(r.keys, 95))}`);
    console.log(`  Exclude → row and tiles updated (${r.actions.exclude.length})       p50 ${ms(pct(r.actions.exclude, 50))}  p95 ${ms(pct(r.actions.exclude, 95))}`);
    console.log(`  Include → row and tiles updated (${r.actions.include.length})       p50 ${ms(pct(r.actions.include, 50))}  p95 ${ms(pct(r.actions.include, 95))}`);
    console.log(`  memory after the run: JS heap ${mb(r.memory.heap)}, wasm ${mb(r.memory.wasm)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
