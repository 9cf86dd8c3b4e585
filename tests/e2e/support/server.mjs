// A static file server for the built app (dist/), on loopback, for tests and benchmarks; for
// tests, with the strict Content Security Policy a portal would send, and axe-core served from
// the same origin (an inline script would break that policy).
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** Where a test page loads axe-core from. */
export const AXE_PATH = '/__test/axe.min.js';
const AXE_FILE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Test pages (a portal host page) are served under /__test/ from tests/e2e/fixtures/. */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The demo portal of examples/portal-host/, served as it is. */
const PORTAL = fileURLToPath(new URL('../../../examples/portal-host/', import.meta.url));

/** The file for a request path: `files` by path, the app under `base`, test files under /__test/; else none. */
function fileFor(root, base, path, files) {
  if (path === AXE_PATH) return AXE_FILE;
  if (Object.hasOwn(files, path)) return files[path];
  if (path.startsWith('/__test/')) return join(FIXTURES, path.slice('/__test/'.length));
  if (path.startsWith('/examples/portal-host/')) return join(PORTAL, path.slice('/examples/portal-host/'.length));
  if (path.startsWith(base)) return join(root, path.slice(base.length));
  return null;
}

/** The strict policy the app must run under; `api` is the HTTP backend's origin, if any. */
export const strictCsp = (api = '') =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${api}`.trim();

/**
 * Serves `root` at `base` (a sub-path such as /tools/sync-overview/) on 127.0.0.1 at a free port;
 * resolves to { url (of `base`), close }. `csp()`, if given, returns the Content-Security-Policy
 * header sent with every answer. `files` serves more files by path ({ '/__test/x.js': file });
 * `inject` lists scripts every HTML page loads first, before its own (a test's hooks).
 */
export async function serve(root = DIST, { csp, base = '/', files = {}, inject = [] } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = fileFor(root, base, path, files);
    try {
      if (!file) throw new Error('outside the served folder');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (inject.length > 0 && extname(file) === '.html') {
        const scripts = inject.map((src) => `<script src="${src}"></script>`).join('');
        body = body.toString('utf8').replace(/<head>/i, `<head>${scripts}`);
      }
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (csp) headers['content-security-policy'] = csp();
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((r) => server.close(r)) };
}
