// Starts the reference server (target/debug/sync-server) on a fresh SQLite database seeded with
// the demo data (`--demo`) and a free loopback port, for end-to-end tests over the HTTP backend.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BINARY = fileURLToPath(new URL('../../../target/debug/sync-server', import.meta.url));

/**
 * Starts a server; resolves to { url, stop }. `args` adds flags (a `--database` there replaces the
 * fresh SQLite one); `binary` runs another build.
 */
export async function startApiServer(args = [], { binary = BINARY } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'sync-e2e-'));
  const database = args.includes('--database') ? [] : ['--database', `sqlite:${join(dir, 'e2e.db')}`];
  const child = spawn(
    binary,
    ['--listen', '127.0.0.1:0', ...database, '--demo', '--cors-origin', '*', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn,sync_server=info' } },
  );
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/"listen":"([^"]+)"/);
      if (m) resolve(`http://${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`sync-server exited with ${code}: ${seen}`)));
  });
  child.stdout.resume();
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
