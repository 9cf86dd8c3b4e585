// Prints, per engine, how long the standalone page takes to paint its first Sync Status rows
// (median of N fresh loads, from navigation) and how many times each load downloads the app's
// WebAssembly module. Figures, not a test; the smoke suite is smoke.test.mjs.
//
//   node tests/engines/first-rows.mjs [--loads 7] [--engines chromium,firefox,webkit] [--demo 100000] [--dist dist/]
import { until } from '../e2e/support/wait.mjs';
import { ENGINES, launch } from './support/engines.mjs';
import { serveHooked } from './support/hooked.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const LOADS = Number(arg('loads', '7'));
const DEMO = arg('demo', '');

const server = await serveHooked(arg('dist', undefined));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`first Sync Status rows painted, median of ${LOADS} fresh loads${DEMO ? ` (demo ${DEMO})` : ''}:`);
for (const name of arg('engines', ENGINES.join(',')).split(',')) {
  const engine = await launch(name);
  const times = [];
  const downloads = new Set();
  for (let i = 0; i < LOADS; i++) {
    const tab = await engine.newTab();
    await tab.goto(`${server.url}${DEMO ? `?demo=${DEMO}` : ''}`);
    times.push(await until(() => tab.evaluate(() => window.__smoke.firstRows), Boolean, { what: 'first rows', timeout: 60_000 }));
    downloads.add(await tab.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length));
    await tab.close();
  }
  console.log(
    `  ${name.padEnd(9)} ${engine.version.padEnd(28)} ${median(times).toFixed(0).padStart(6)} ms  (${times.map((t) => t.toFixed(0)).join(', ')}); module downloaded ${[...downloads].join(' or ')}× a load`,
  );
  await engine.close();
}
await server.close();
