// Trunk post-build hook: gives the wasm module's imports and exports short names (short-names.mjs),
// minifies the wasm-bindgen glue and the app's stylesheet (esbuild; Trunk's own JS minifier fails
// on the glue), writes `embed.js` (a stable name) next to index.html, the ES module a
// page imports to show the app (`mount(element, config)` → handle with `unmount()`; it tells the
// app where its stylesheet is), and takes Trunk's inline loader script and the app's stylesheet
// link out of index.html (the app links its stylesheet inside its own element), so the page runs under a strict Content
// Security Policy (`script-src 'self'`). The standalone page loads `standalone.js`, which mounts
// through embed.js like any host.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { shortenNames } from './short-names.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const files = readdirSync(dir);
const glue = files.find((f) => /^sync-overview-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^sync-overview-[0-9a-f]+_bg\.wasm$/.test(f));
const css = files.find((f) => /^main-[0-9a-f]+\.css$/.test(f));
if (!glue || !wasm || !css) throw new Error(`no wasm-bindgen output or stylesheet in ${dir}: ${files.join(', ')}`);

// Rewritten in place: same source, same output, so each file's content hash still names it.
const minify = (code, loader) => transformSync(code, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code;
writeFileSync(join(dir, glue), minify(shortenNames(join(dir, wasm), readFileSync(join(dir, glue), 'utf8')), 'js'));
writeFileSync(join(dir, css), minify(readFileSync(join(dir, css), 'utf8'), 'css'));

writeFileSync(
  join(dir, 'embed.js'),
  `// Sync Overview's module entry: import { mount } from '<where the app is served>/embed.js'.
import init, { mount as mountApp } from './${glue}';

let started;

/** Loads the app's WebAssembly once; resolves to its exports. */
export function instance() {
  started ??= init({ module_or_path: fetchModule(new URL('./${wasm}', import.meta.url)) });
  return started;
}

// From the page's own origin, the module is fetched as the standalone page preloads it (no-cors,
// credentials included: a same-origin answer is readable all the same), so every engine hands the
// preloaded answer over; WebKit does so for no other mode. From another origin, with CORS.
function fetchModule(url) {
  return url.origin === location.origin ? fetch(url, { mode: 'no-cors', credentials: 'include' }) : fetch(url);
}

/**
 * Shows Sync Overview inside \`element\`. \`config\` takes backend, api, token, portal, timeout,
 * integration, client, filter, type, status, sort, order and demo; without it, the page's
 * \`window.syncOverviewConfig\` or, standalone, its URL. Resolves to a handle with \`unmount()\`.
 */
export async function mount(element, config) {
  if (!(element instanceof HTMLElement)) throw new TypeError('mount(element, config): element must be an HTMLElement');
  await instance();
  const app = mountApp(element, config ?? undefined, new URL('./${css}', import.meta.url).href);
  return { unmount: () => app.unmount() };
}
`,
);

const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
// The app links its own stylesheet inside its root element (the same for every host); the page
// only preloads it, so that it arrives while the wasm loads.
// Trunk preloads the wasm for a CORS fetch, which WebKit does not hand to the app's fetch (it
// downloaded the module twice): the page preloads it as embed.js fetches it from its own origin.
const wasmPreload = new RegExp(`<link rel="preload" href="([^"]*${wasm})"[^>]*>`);
const stripped = html
  .replace(/<script type="module">\s*import init, \* as bindings[\s\S]*?<\/script>\s*/, '')
  .replace(new RegExp(`<link rel="stylesheet" (href="[^"]*${css}")[^>]*>`), '<link rel="preload" $1 as="style">')
  .replace(wasmPreload, '<link rel="preload" href="$1" as="fetch" type="application/wasm">');
if (stripped.includes('import init') || !stripped.includes('<link rel="preload" href=') || !stripped.includes('as="fetch" type="application/wasm">')) {
  throw new Error("Trunk's loader script, the app's stylesheet link or the wasm preload was not found in index.html");
}
// Built for an absolute public path: the page's own script follows it too.
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? './';
writeFileSync(index, stripped.replace('src="./standalone.js"', `src="${publicUrl.replace(/\/?$/, '/')}standalone.js"`));
