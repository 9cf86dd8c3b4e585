// The reference server under load, as a portal runs it: replicas behind a load balancer, driven
// from loopback by concurrent clients that mix reads and writes and alternate between replicas.
// Afterwards every acknowledged write must be in the database exactly once and the counts must
// add up. Prints requests per second and p50/p99 latency per kind.
//
//   node tests/load/run.mjs --replicas http://127.0.0.1:8801,http://127.0.0.1:8802 \
//     --database postgres://… [--seconds 20] [--clients 32] [--suggestion-readers N]
//
// With --suggestion-readers N, the first N clients read only the client's suggestions (a whole
// scoring pass over its items and records each) while the others write and read as usual: the
// write latency then shows whether a write waits behind a scoring pass.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    replicas: { type: 'string' },
    database: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '32' },
    'suggestion-readers': { type: 'string', default: '0' },
  },
});
const replicas = values.replicas.split(',');
const seconds = Number(values.seconds);
const clientCount = Number(values.clients);
const suggestionReaders = Number(values['suggestion-readers']);

const getJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
};

/** The integration and client with the most items. */
async function largestClient(base) {
  let best = null;
  for (const integration of await getJson(`${base}/api/v1/integrations`)) {
    for (const client of await getJson(`${base}/api/v1/integrations/${integration.id}/clients`)) {
      const page = await getJson(`${base}/api/v1/integrations/${integration.id}/clients/${client.id}/items?limit=1`);
      if (!best || page.total > best.total) best = { integration: integration.id, client: client.id, total: page.total };
    }
  }
  return best;
}

const target = await largestClient(replicas[0]);
const items = `/api/v1/integrations/${target.integration}/clients/${target.client}/items`;
const reads = {
  page: `${items}?limit=50&offset=500`,
  filter: `${items}?filter=ab&limit=50`,
  'not-synced by status': `${items}?status=not-synced&sort=status&limit=50`,
};
const suggestions = `/api/v1/integrations/${target.integration}/clients/${target.client}/suggestions`;
// Each client owns its own items to write (excluded, then included again), so every write
// should succeed; the first 64 Not Synced or Matched items per client.
const pool = (await getJson(`${replicas[0]}${items}?status=not-synced&limit=${clientCount * 64}`)).items;

const latencies = {};
const record = (kind, ms) => (latencies[kind] ??= []).push(ms);
const acknowledged = new Map(); // item id -> acknowledged writes
const failures = {};
let turn = 0;
const nextReplica = () => replicas[turn++ % replicas.length];

async function timed(kind, run) {
  const started = performance.now();
  const ok = await run();
  if (ok) record(kind, performance.now() - started);
  else failures[kind] = (failures[kind] ?? 0) + 1;
}

async function suggestionReader(until) {
  while (performance.now() < until) {
    await timed('suggestions', async () => {
      const response = await fetch(nextReplica() + suggestions);
      await response.arrayBuffer();
      return response.ok;
    });
  }
}

async function client(n, until) {
  if (n < suggestionReaders) return suggestionReader(until);
  const mine = pool.slice(n * 64, n * 64 + 64).map((item) => ({ ...item }));
  let i = 0;
  while (performance.now() < until) {
    const roll = i++ % 10;
    if (roll < 8 || mine.length === 0) {
      const kind = Object.keys(reads)[roll % 3];
      await timed(kind, async () => (await fetch(nextReplica() + reads[kind])).ok);
    } else {
      const item = mine[i % mine.length];
      const action = item.status === 'excluded' ? 'include' : 'exclude';
      await timed('write', async () => {
        const response = await fetch(`${nextReplica()}/api/v1/items/${item.id}/${action}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `load-${n}-${i}-${Date.now()}` },
          body: JSON.stringify({ version: item.version }),
        });
        if (!response.ok) {
          await response.arrayBuffer();
          return false;
        }
        const changed = await response.json();
        Object.assign(item, changed);
        acknowledged.set(item.id, (acknowledged.get(item.id) ?? 0) + 1);
        return true;
      });
    }
  }
}

const initial = new Map(pool.map((item) => [item.id, item.version]));
const started = performance.now();
const until = started + seconds * 1000;
await Promise.all(Array.from({ length: clientCount }, (_, n) => client(n, until)));
const elapsed = (performance.now() - started) / 1000;

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
console.log(`${replicas.length} replica(s), ${clientCount} clients (${suggestionReaders} reading suggestions), ${elapsed.toFixed(1)} s, client of ${target.total.toLocaleString('en-US')} items`);
let total = 0;
for (const [kind, xs] of Object.entries(latencies)) {
  xs.sort((a, b) => a - b);
  total += xs.length;
  console.log(`  ${kind.padEnd(22)} ${(xs.length / elapsed).toFixed(0).padStart(7)} req/s   p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p99 ${pct(xs, 99).toFixed(1).padStart(6)} ms`);
}
console.log(`  ${'all'.padEnd(22)} ${(total / elapsed).toFixed(0).padStart(7)} req/s`);
if (Object.keys(failures).length) console.log('  refused or failed:', failures);

// Every acknowledged write is in the database exactly once: each one raised its item's version
// by one, and nothing else touched these items.
const sql = (query) => execFileSync('psql', [values.database, '-At', '-c', query], { encoding: 'utf8' }).trim();
const ids = [...initial.keys()];
const versions = new Map(
  sql(`SELECT id, version FROM items WHERE id IN (${ids.join(',')})`)
    .split('\n')
    .map((line) => line.split('|').map(Number)),
);
let wrong = 0;
for (const id of ids) {
  if (versions.get(id) - initial.get(id) !== (acknowledged.get(id) ?? 0)) wrong += 1;
}
const writes = [...acknowledged.values()].reduce((a, b) => a + b, 0);
console.log(`  acknowledged writes: ${writes}; items whose version disagrees: ${wrong}`);

// The counts every replica answers add up to the items in the database.
const stored = Object.fromEntries(
  sql(`SELECT status, COUNT(*) FROM items WHERE integration = ${target.integration} GROUP BY status`)
    .split('\n')
    .map((line) => line.split('|'))
    .map(([status, n]) => [status.replace('-', '_'), Number(n)]),
);
let countsOk = true;
for (const base of replicas) {
  const counts = await getJson(`${base}/api/v1/integrations/${target.integration}/counts`);
  for (const status of ['matched', 'not_synced', 'excluded']) {
    if ((counts[status] ?? 0) !== (stored[status] ?? 0)) countsOk = false;
  }
}
console.log(`  counts on every replica match the database: ${countsOk ? 'yes' : 'NO'}`);
if (wrong > 0 || !countsOk) process.exit(1);
