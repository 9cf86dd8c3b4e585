// The lean portal build (dist-lean/, HTTP backend only), served from a sub-path under the strict
// policy: against the reference server it shows the data; with no server configured it says how
// to configure one. Run in the HTTP pass, when dist-lean/ was built.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startApiServer } from './support/api-server.mjs';
import { launch, open } from './support/browser.mjs';
import { serve, strictCsp } from './support/server.mjs';
import { APP_PATH, BACKEND } from './support/suite.mjs';

// Once per test run: in the HTTP pass (it starts its own reference server).
const T = {
  timeout: 60_000,
  skip: (BACKEND !== 'http' && 'run in the HTTP pass') || (!existsSync('dist-lean') && 'dist-lean/ not built'),
};
let browser;
let server;
let api;

before(async () => {
  if (T.skip) return;
  api = await startApiServer();
  server = await serve('dist-lean', { base: APP_PATH, csp: () => strictCsp(api.url) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await api?.stop();
});

test('the lean build shows the server’s data', T, async () => {
  const session = await open(browser, `${server.url}?backend=http&api=${encodeURIComponent(api.url)}`);
  assert.ok((await session.page.getByRole('table', { name: 'Sync Status' }).locator('tbody tr').count()) > 0);
  assert.equal(await session.page.getByRole('button', { name: 'Reset demo data' }).count(), 0);
  assert.deepEqual(session.problems, []);
  await session.context.close();
});

test('the lean build with no server configured says how to configure one', T, async () => {
  const session = await open(browser, server.url, { waitForRows: false });
  await session.page.getByText('This build of Sync Overview has no demo data').waitFor();
  assert.deepEqual(session.problems, []);
  await session.context.close();
});
