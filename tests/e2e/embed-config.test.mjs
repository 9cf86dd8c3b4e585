// A wrong configuration is loud: mount() rejects with every problem listed, the element says what
// is wrong, and nothing falls back to the demo. A token in the standalone page's address is taken
// out of it at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReady } from './support/browser.mjs';
import { BACKEND, suite } from './support/suite.mjs';

const { visit, state } = suite();
const T = { timeout: 60_000 };

/** Opens the host page with nothing mounted yet. */
async function emptyHost() {
  const session = await visit('', { waitForRows: false });
  await session.page.goto(new URL('/__test/host.html?mount=0', session.page.url()).toString());
  await session.page.waitForFunction(() => typeof window.hostMount === 'function');
  return session;
}

/** Mounts with `config`; resolves to the rejection's message and problems (none: it mounted). */
async function mountWith(page, config) {
  return page.evaluate(async (config) => {
    try {
      await window.hostMount(config);
      return null;
    } catch (error) {
      return { message: error.message, problems: error.problems };
    }
  }, config);
}

const WRONG = [
  [{ backend: 'HTTP' }, ['`backend: "HTTP"` is not one of "mock", "http"; did you mean "http"?']],
  [{ backend: 'http' }, ['`backend: "http"` needs `api`, the server\'s address']],
  [{ backend: 'http', api: 'ftp://files.example.com' }, ['`api: "ftp://files.example.com"` must be an http or https address, not ftp:']],
  [{ bakend: 'mock' }, ['`bakend` is not a setting; did you mean `backend`?']],
  [
    { demo: 'lots', theme: 'Dark', timeout: 0 },
    [
      '`demo` must be a whole number from 1 to 1000000, not "lots"',
      '`theme: "Dark"` is not one of "light", "dark", "auto"; did you mean "dark"?',
      '`timeout` must be a whole number from 1 to 600, not 0',
    ],
  ],
  [{ api: 'https://sync.example.com' }, ['`api` is set, but `backend` is not "http": set `backend: "http"` to use the server, or leave `api` out']],
  [{ locale: 'xx_YY!' }, ['`locale: "xx_YY!"` is not a language tag such as "de-DE"']],
  [{ backend: 'http', api: '/sync', portal: 42, getToken: 'abc' }, ['`portal` must be text, not 42', '`getToken` must be a function, not "abc"']],
];

test('every kind of wrong configuration is listed: mount() rejects, the element says so, nothing is fetched and no demo starts', T, async () => {
  const { page, done } = await emptyHost();
  const region = page.getByRole('region', { name: 'Sync module', exact: true });
  // A wrong configuration is told before the app's WebAssembly is fetched.
  const wasm = [];
  page.on('request', (request) => new URL(request.url()).pathname.endsWith('.wasm') && wasm.push(request.url()));
  for (const [config, expected] of WRONG) {
    const rejected = await mountWith(page, config);
    assert.ok(rejected, `${JSON.stringify(config)} was mounted`);
    assert.deepEqual(rejected.problems, expected, JSON.stringify(config));
    for (const problem of expected) assert.ok(rejected.message.includes(problem), rejected.message);
    const alert = region.getByRole('alert');
    assert.match(await alert.innerText(), /Sync Overview cannot start: its configuration has \d problems?\./);
    assert.deepEqual(await alert.getByRole('listitem').allInnerTexts(), expected);
    assert.equal(await region.getByRole('heading', { name: 'Sync Overview' }).count(), 0, 'no app, no demo');
  }
  assert.deepEqual(wasm, [], 'no WebAssembly fetched for a wrong configuration');
  // Put right, the same element shows the app and no longer the problems.
  const right = BACKEND === 'http' ? { backend: 'http', api: state.api.url } : { backend: 'mock', demo: 50 };
  assert.equal(await mountWith(page, right), null);
  await rowsReady(page);
  assert.equal(wasm.length, 1, 'the WebAssembly fetched once the configuration is right');
  assert.equal(await region.getByRole('alert').filter({ hasText: 'cannot start' }).count(), 0);
  await done();
});

test('a token in the standalone page’s address is used and taken out of it at once', T, async () => {
  const tokens = [];
  const { page, done } = await visit('?token=s3cret&filter=a', { waitForRows: false });
  await rowsReady(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('token'), null, page.url());
  assert.equal(url.searchParams.get('filter'), 'a', 'the rest of the address stays');
  if (BACKEND === 'http') {
    page.on('request', (r) => r.url().startsWith(state.api.url) && tokens.push(r.headers().authorization));
    await page.reload();
    // Reloaded without it: the token is gone for good (prefer a cookie or getToken).
    await rowsReady(page);
    assert.ok(tokens.length > 0 && tokens.every((t) => t === undefined), JSON.stringify(tokens));
  }
  await done();
});
