// One browser and one server per test file; each test gets a fresh context (clean storage) and
// fails on any console error or warning.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launch, open } from './browser.mjs';
import { serve } from './server.mjs';

/** Sets up the file's browser and server; returns `visit(query, options)`. */
export function suite() {
  let browser;
  let server;
  const contexts = [];
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** Opens the app with a URL query; call `done()` at the end of the test. */
    async visit(query = '', options = {}) {
      const session = await open(browser, server.url + query, options);
      contexts.push(session.context);
      session.done = async () => {
        assert.deepEqual(session.problems, [], 'console errors or warnings');
        await session.context.close();
      };
      return session;
    },
  };
}
