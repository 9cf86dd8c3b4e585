// One browser, one static server (sending a strict Content Security Policy) and (with
// E2E_BACKEND=http) one API server per test file; each test gets a fresh browser context (clean
// storage) and fails on any console error or warning, CSP violations included.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { startApiServer } from './api-server.mjs';
import { openLargeClient } from './app.mjs';
import { launch, open } from './browser.mjs';
import { serve, strictCsp } from './server.mjs';

/** The sub-path the app is served from in every test. */
export const APP_PATH = '/tools/sync-overview/';

/** Which backend the app runs on in this run: `mock` (default) or `http`. */
export const BACKEND = process.env.E2E_BACKEND === 'http' ? 'http' : 'mock';

/**
 * The mock store's demo size for every test that does not set its own (`E2E_DEMO=100000`: the
 * whole suite against one 100k-item client, which each test starts on); unset, the default demo.
 */
export const DEMO = BACKEND === 'mock' ? process.env.E2E_DEMO : undefined;

/** Sets up the file's browser and servers; returns `visit(query, options)` and the API server. */
export function suite({ apiArgs = [] } = {}) {
  let browser;
  let server;
  const state = { api: null };
  before(async () => {
    // Every page is served from a sub-path, as a portal would host it, under the strict policy
    // (a violation is a console error).
    server = await serve(undefined, { base: APP_PATH, csp: () => strictCsp(state.api?.url) });
    browser = await launch();
    if (BACKEND === 'http') state.api = await startApiServer(apiArgs);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await state.api?.stop();
  });
  return {
    state,
    /** Opens the app with a URL query; call `done()` at the end of the test. */
    async visit(query = '', options = {}) {
      const params = new URLSearchParams(query.replace(/^\?/, ''));
      const large = DEMO && !params.has('demo') && options.waitForRows !== false && options.large !== false;
      if (DEMO && !params.has('demo')) params.set('demo', DEMO);
      if (BACKEND === 'http') {
        params.set('backend', 'http');
        params.set('api', state.api.url);
      }
      const search = params.toString();
      const session = await open(browser, server.url + (search ? `?${search}` : ''), options);
      if (large) await openLargeClient(session.page, Number(DEMO));
      if (BACKEND === 'http') {
        // The demo-only control is absent: the app really runs on the HTTP backend.
        assert.equal(await session.page.getByRole('button', { name: 'Reset demo data' }).count(), 0);
      }
      // `allow`: console lines a test expects, e.g. the browser's own report of a failed request.
      session.done = async ({ allow } = {}) => {
        const problems = session.problems.filter((p) => !(allow && allow.test(p)));
        assert.deepEqual(problems, [], 'console errors or warnings');
        await session.context.close();
      };
      return session;
    },
  };
}
