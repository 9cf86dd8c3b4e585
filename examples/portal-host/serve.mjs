// Serves the mock portal at / and the built app (dist/) at /tools/sync-overview/, on loopback,
// under a strict Content Security Policy that allows the reference server's API.
// Usage: node examples/portal-host/serve.mjs [port] [api origin]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port = '8090', api = 'http://127.0.0.1:8787'] = process.argv.slice(2);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const APP = '/tools/sync-overview/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${api}`;

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  let file = path.startsWith(APP) ? join(DIST, path.slice(APP.length)) : join(HERE, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Mock portal on the demo data:        http://127.0.0.1:${port}/`);
  console.log(`Mock portal on the reference server: http://127.0.0.1:${port}/?backend=http (API ${api})`);
});
