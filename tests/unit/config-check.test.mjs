// The configuration check embed.js runs before the app is fetched (public/config-check.js): every
// problem listed with the right spelling, an update's remount-only keys, and the words it takes
// held to the API's (docs/openapi.yaml). The messages a host sees are also proved end to end
// (tests/e2e/embed-config.test.mjs, embed-update.test.mjs, element.test.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';

// The page the check resolves a relative `api` against.
globalThis.location = { href: 'https://portal.example/tools/sync-overview/' };
const { problems, updateProblems, SETTINGS } = await import('../../public/config-check.js');

test('a right configuration has no problems', () => {
  const right = {
    backend: 'http',
    api: 'https://sync.example.com/api',
    token: 't',
    getToken: async () => 't',
    demo: 1000,
    client: '12',
    theme: 'dark',
    locale: 'de-DE',
    status: 'not-synced',
    filter: undefined,
    portal: null,
  };
  assert.deepEqual(problems(right), []);
  assert.deepEqual(problems({}), []);
  assert.deepEqual(problems({ backend: 'http', api: '/sync' }), [], 'a path on the page\'s origin');
});

test('every problem is listed, with the right spelling', () => {
  const wrong = {
    backend: 'HTTP',
    Theme: 'dark',
    timeout: 'soon',
    demo: 0,
    portal: 3,
    locale: 'not a locale!',
    status: 'Excluded',
    token: 't',
    getToken: 'fn',
    client: 1.5,
  };
  assert.deepEqual(problems(wrong), [
    '`backend: "HTTP"` is not one of "mock", "http"; did you mean "http"?',
    '`Theme` is not a setting; did you mean `theme`?',
    '`timeout` must be a whole number from 1 to 600, not "soon"',
    '`demo` must be a whole number from 1 to 1000000, not 0',
    '`portal` must be text, not 3',
    '`locale: "not a locale!"` is not a language tag such as "de-DE"',
    '`status: "Excluded"` is not one of "matched", "not-synced", "excluded"; did you mean "excluded"?',
    '`getToken` must be a function, not "fn"',
    '`client` must be a whole number from 0 to 4294967295, not 1.5',
    '`token` is set, but `backend` is not "http": set `backend: "http"` to use the server, or leave `token` out',
    '`getToken` is set, but `backend` is not "http": set `backend: "http"` to use the server, or leave `getToken` out',
  ]);
  assert.deepEqual(problems({ colour: 'x' }), ['`colour` is not a setting'], 'nothing near: no suggestion');
});

test('the server needs an http(s) address', () => {
  assert.deepEqual(problems({ backend: 'http' }), ['`backend: "http"` needs `api`, the server\'s address']);
  for (const [api, why] of [
    ['ftp://x.example', 'must be an http or https address, not ftp:'],
    ['javascript:alert(1)', 'must be an http or https address, not javascript:'],
    ['http://', 'is not an address'],
  ]) {
    const found = problems({ backend: 'http', api });
    assert.ok(found.length === 1 && found[0].includes(why), `${api}: ${JSON.stringify(found)}`);
  }
  assert.deepEqual(problems('http'), ['the configuration must be an object, not "http"']);
  assert.deepEqual(problems(7), ['the configuration must be an object, not 7']);
});

test('an update is checked as the whole configuration, and a key that needs a remount is refused', () => {
  const running = { backend: 'http', api: 'https://sync.example.com' };
  assert.deepEqual(updateProblems({ client: 4, theme: 'dark', token: 't2' }, running), []);
  assert.deepEqual(updateProblems({ backend: 'mock', theme: 'Dark' }, running), [
    '`theme: "Dark"` is not one of "light", "dark", "auto"; did you mean "dark"?',
    '`backend` cannot change in a running app: unmount and mount it again',
  ]);
  assert.deepEqual(updateProblems({ portal: 'P' }, running), ['`portal` cannot change in a running app: unmount and mount it again']);
  // On the mock store a token has no server to go to.
  assert.match(updateProblems({ token: 't' }, { backend: 'mock', api: '' })[0], /`token` is set, but `backend` is not "http"/);
  assert.deepEqual(updateProblems(null, running), ['the configuration must be an object, not object']);
});

test('the words a setting takes are the API\'s', () => {
  const api = readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8');
  const schemaEnum = (name) => api.match(new RegExp(`\\n    ${name}:\\n      type: string\\n      enum: \\[([^\\]]+)\\]`))[1].split(', ');
  const queryEnum = (name) => api.match(new RegExp(`- name: ${name}\\n\\s+in: query\\n\\s+schema: \\{ type: string, enum: \\[([^\\]]+)\\]`))[1].split(', ');
  assert.deepEqual(SETTINGS.type.words, schemaEnum('ResourceType'));
  assert.deepEqual(SETTINGS.status.words, schemaEnum('SyncStatus'));
  assert.deepEqual(SETTINGS.show.words, schemaEnum('ItemFlag'));
  assert.deepEqual(SETTINGS.sort.words, queryEnum('sort'));
  assert.deepEqual(SETTINGS.order.words, queryEnum('order'));
  assert.deepEqual(SETTINGS.logs_level.words, queryEnum('level'));
});
