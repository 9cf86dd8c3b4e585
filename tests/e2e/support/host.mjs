// A portal host page for the embedding tests: the app mounted by the page's own script, every
// event it sends heard on the element and through handle.on().
import { rowsReady } from './browser.mjs';
import { BACKEND, DEMO } from './suite.mjs';

/** The events an app sends. */
export const EVENTS = ['ready', 'change', 'view', 'error', 'auth'];

/**
 * Opens the host page and mounts the app with `extra` settings over the backend's own (a
 * `getToken` script, as text, becomes the function `getToken`); every event is recorded in
 * `window.heard` (on the element) and `window.heardByOn` (through `on`).
 */
export async function mountOnHost(visit, state, extra = {}, { getToken } = {}) {
  const session = await visit('', { waitForRows: false });
  const { page } = session;
  await page.goto(new URL('/__test/host.html?mount=0', page.url()).toString());
  await page.waitForFunction(() => typeof window.hostMount === 'function');
  const base = BACKEND === 'http' ? { backend: 'http', api: state.api.url } : { backend: 'mock', ...(DEMO ? { demo: DEMO } : {}) };
  await page.evaluate(
    async ({ config, names, rotating }) => {
      window.heard = [];
      window.heardByOn = [];
      window.tokensGiven = 0;
      const element = document.getElementById('sync-here');
      for (const name of names) element.addEventListener(`sync-overview:${name}`, (e) => window.heard.push([name, e.detail, e.bubbles, e.composed]));
      // A portal's short-lived tokens: a new one each call.
      if (rotating) config.getToken = async () => `${rotating}-${++window.tokensGiven}`;
      const app = await window.hostMount(config);
      for (const name of names) app.on(name, (detail) => window.heardByOn.push([name, detail]));
    },
    { config: { ...base, ...extra }, names: EVENTS, rotating: getToken },
  );
  await rowsReady(page);
  return session;
}

/**
 * Waits for the latest event `name` whose detail has the fields of `expected` (the page runs under
 * a CSP without 'unsafe-eval', so the match is data, not a function); resolves to its detail.
 */
export async function heard(page, name, expected = {}) {
  const found = await page
    .waitForFunction(
      ({ name, expected }) =>
        window.heard.filter(([n, d]) => n === name && Object.entries(expected).every(([k, v]) => d[k] === v)).at(-1)?.[1],
      { name, expected },
      { timeout: 15_000 },
    )
    .catch(async (error) => {
      const all = await page.evaluate(() => window.heard.map(([n, d]) => [n, d]));
      throw new Error(`no ${name} event with ${JSON.stringify(expected)} (${error.message.split('\n')[0]}); heard: ${JSON.stringify(all)}`);
    });
  return found.jsonValue();
}
