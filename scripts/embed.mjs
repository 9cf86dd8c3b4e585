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
// The app's version, from its Cargo.toml (the [package] table comes first).
const version = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8').match(/^version = "([^"]+)"/m)?.[1];
if (!version) throw new Error('no version in Cargo.toml');
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
writeFileSync(join(dir, 'config-check.js'), minify(readFileSync(join(dir, 'config-check.js'), 'utf8'), 'js'));

writeFileSync(
  join(dir, 'embed.js'),
  `// Sync Overview's module entry: import { mount } from '<where the app is served>/embed.js'.
import init, { mount as mountApp } from './${glue}';
import { clearProblems, problems, problemsError, showProblems, updateProblems } from './config-check.js';

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

/** This build's version. */
export const version = '${version}';

/**
 * Shows Sync Overview inside \`element\`. \`config\` takes the settings the README lists; without
 * it, the page's \`window.syncOverviewConfig\` or, standalone, its URL. A configuration with
 * problems rejects with an Error listing them all (\`error.problems\`), and the element says
 * what is wrong. Resolves to a handle: \`unmount()\`, \`update(partial)\` (integration, client,
 * filters, theme, locale, token or api, without a remount; throws on a problem), \`on(name, fn)\`
 * (the app's events, by short name; returns a function that stops listening).
 */
export async function mount(element, config) {
  if (!(element instanceof HTMLElement)) throw new TypeError('mount(element, config): element must be an HTMLElement');
  // Checked before the WebAssembly is fetched: a wrong configuration is told at once.
  clearProblems(element);
  const given = config ?? window.syncOverviewConfig;
  const found = given === undefined || given === null ? [] : problems(given);
  if (found.length) {
    showProblems(element, found);
    throw problemsError(found);
  }
  await instance();
  const app = mountApp(element, config ?? undefined, new URL('./${css}', import.meta.url).href);
  let mounted = true;
  return {
    unmount() {
      mounted = false;
      app.unmount();
    },
    update(partial) {
      const found = mounted ? updateProblems(partial, { backend: app.backend, api: app.api }) : ['the app was unmounted: mount it again'];
      if (found.length) throw problemsError(found);
      app.update(partial);
    },
    on(name, fn) {
      const listener = (event) => fn(event.detail);
      element.addEventListener(\`sync-overview:\${name}\`, listener);
      return () => element.removeEventListener(\`sync-overview:\${name}\`, listener);
    },
  };
}
`,
);

// The opt-in custom element, over embed.js (a page that does not import it pays nothing for it).
writeFileSync(
  join(dir, 'element.js'),
  minify(
    `// <sync-overview>: Sync Overview as a custom element. import '<where the app is served>/element.js'.
import { mount, version } from './embed.js';
import { needsRemount } from './config-check.js';

export { version };

/** The attributes: each a configuration key of the same name. */
const ATTRIBUTES = ['backend', 'api', 'integration', 'client', 'theme', 'locale', 'portal'];

/**
 * The app in the element's own (light) DOM, so that the page's accessibility tools, tests and
 * find-in-page see it as part of the page. Mounted when connected, unmounted when disconnected.
 * The token is a property (token, or getToken), never an attribute, so it stays out
 * of the markup.
 */
export class SyncOverviewElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #app = null;
  #mounting = null;
  #token;
  #getToken;

  /** The running app's handle (update, on, unmount), once mounted. */
  get app() {
    return this.#app;
  }

  get token() {
    return this.#token;
  }

  set token(token) {
    this.#token = token;
    if (this.#app) this.#update({ token });
  }

  get getToken() {
    return this.#getToken;
  }

  /** Taken when the app mounts (set it before connecting the element). */
  set getToken(getToken) {
    this.#getToken = getToken;
  }

  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this.#start();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || (!this.#app && !this.#mounting)) return;
    if (this.#app && !needsRemount(name) && value !== null) this.#update({ [name]: value });
    else {
      this.#stop();
      this.#start();
    }
  }

  #config() {
    const config = {};
    for (const name of ATTRIBUTES) if (this.hasAttribute(name)) config[name] = this.getAttribute(name);
    if (this.#token !== undefined) config.token = this.#token;
    if (this.#getToken !== undefined) config.getToken = this.#getToken;
    return config;
  }

  async #start() {
    const mounting = mount(this, this.#config());
    this.#mounting = mounting;
    try {
      const app = await mounting;
      if (this.#mounting !== mounting || !this.isConnected) return app.unmount();
      this.#app = app;
    } catch (error) {
      if (this.#mounting === mounting) this.#failed(error);
    } finally {
      if (this.#mounting === mounting) this.#mounting = null;
    }
  }

  #stop() {
    this.#mounting = null;
    this.#app?.unmount();
    this.#app = null;
  }

  #update(partial) {
    try {
      this.#app.update(partial);
    } catch (error) {
      this.#failed(error);
    }
  }

  /** A configuration the app refused: the element fires sync-overview:error (type config). */
  #failed(error) {
    const detail = { type: 'config', message: error.message, problems: error.problems ?? [] };
    this.dispatchEvent(new CustomEvent('sync-overview:error', { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('sync-overview')) customElements.define('sync-overview', SyncOverviewElement);
`,
    'js',
  ),
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
