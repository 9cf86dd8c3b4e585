// Checking a configuration object before anything is shown (embed.js runs it before the app's
// WebAssembly is even fetched): every unknown key, wrong type and wrong value is a problem, in
// words, with the right spelling when one is near. Nothing falls back to a default silently: a
// portal that writes `backend: "HTTP"` is told, not shown the demo. Case in values is not forgiven.
// The words a key takes are the API's (docs/openapi.yaml; a unit test holds them to it).

const text = { kind: 'text' };
const address = { kind: 'address' };
const oneOf = (...words) => ({ kind: 'one of', words });
const number = (min, max) => ({ kind: 'number', min, max });
const U32 = 4294967295;

/** Every key a configuration object may hold, with what it takes. */
export const SETTINGS = {
  backend: oneOf('mock', 'http'),
  api: address,
  token: text,
  getToken: { kind: 'function' },
  portal: text,
  user: text,
  timeout: number(1, 600),
  demo: number(1, 1000000),
  theme: oneOf('light', 'dark', 'auto'),
  locale: { kind: 'locale' },
  source_urls: text,
  integration: number(0, U32),
  client: number(0, U32),
  filter: text,
  type: oneOf('organization', 'location', 'contact', 'configuration', 'device', 'asset', 'agreement'),
  status: oneOf('matched', 'not-synced', 'excluded'),
  show: oneOf('missing', 'duplicate'),
  sort: oneOf('name', 'type', 'status'),
  order: oneOf('asc', 'desc'),
  logs: oneOf('open'),
  logs_from: text,
  logs_to: text,
  logs_level: oneOf('info', 'warning', 'error'),
  logs_client: number(0, U32),
  logs_text: text,
};

/** The settings a running app cannot take in place (handle.update): the others it can. */
const REMOUNT = new Set(['backend', 'portal', 'user', 'timeout', 'demo', 'source_urls', 'getToken']);

/** Whether a change of setting `key` needs the app mounted again. */
export const needsRemount = (key) => REMOUNT.has(key);

const isSetting = (key) => Object.hasOwn(SETTINGS, key);
const given = (value) => value !== undefined && value !== null;
const isObject = (value) => value !== null && (typeof value === 'object' || typeof value === 'function');

/** Every problem of the configuration object `config`, in words; none when it is right. */
export function problems(config) {
  if (!isObject(config)) return [`the configuration must be an object, not ${describe(config)}`];
  const found = [];
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (!given(value)) continue;
    if (isSetting(key)) {
      const problem = check(key, SETTINGS[key], value);
      if (problem) found.push(problem);
    } else {
      found.push(`\`${key}\` is not a setting${suggestion(key, Object.keys(SETTINGS), '`')}`);
    }
  }
  const http = config.backend === 'http';
  if (http && !given(config.api)) found.push('`backend: "http"` needs `api`, the server\'s address');
  for (const key of ['api', 'token', 'getToken']) {
    if (!http && given(config[key])) {
      found.push(`\`${key}\` is set, but \`backend\` is not "http": set \`backend: "http"\` to use the server, or leave \`${key}\` out`);
    }
  }
  return found;
}

/**
 * Every problem of `partial` as an update of a running app on `backend` (`mock` or `http`) and
 * `api`: checked as the whole configuration would be, and a key that needs a remount is one.
 */
export function updateProblems(partial, { backend, api }) {
  if (!isObject(partial)) return problems(partial);
  const merged = { ...partial, backend };
  if (backend === 'http' && !given(partial.api)) merged.api = api;
  const found = problems(merged);
  for (const key of Object.keys(partial)) {
    if (given(partial[key]) && isSetting(key) && needsRemount(key)) {
      found.push(`\`${key}\` cannot change in a running app: unmount and mount it again`);
    }
  }
  return found;
}

/** An Error listing `found`, one a line, with them as an array in `problems`. */
export function problemsError(found) {
  const error = new Error(`Sync Overview's configuration has ${found.length} problem(s):${found.map((p) => `\n- ${p}`).join('')}`);
  error.problems = found;
  return error;
}

const ALERT_CLASS = 'sync-overview-config-problems';

/** Shows `found` in `element`, as an alert: what the portal's developer must fix. */
export function showProblems(element, found) {
  const alert = document.createElement('div');
  alert.className = ALERT_CLASS;
  alert.setAttribute('role', 'alert');
  const heading = document.createElement('p');
  heading.textContent = `Sync Overview cannot start: its configuration has ${found.length} problem${found.length === 1 ? '' : 's'}.`;
  const list = document.createElement('ul');
  for (const problem of found) list.appendChild(document.createElement('li')).textContent = problem;
  alert.append(heading, list);
  element.appendChild(alert);
}

/** Removes the problems an earlier mount into `element` showed. */
export function clearProblems(element) {
  element.querySelector(`:scope > .${ALERT_CLASS}`)?.remove();
}

/** What is wrong with `value` for `key`, if anything. */
function check(key, takes, value) {
  switch (takes.kind) {
    case 'function':
      return typeof value === 'function' ? null : `\`${key}\` must be a function, not ${describe(value)}`;
    case 'number': {
      const digits = typeof value === 'string' && /^\d+$/.test(value.trim());
      const n = typeof value === 'number' ? value : digits ? Number(value.trim()) : NaN;
      return Number.isInteger(n) && n >= takes.min && n <= takes.max
        ? null
        : `\`${key}\` must be a whole number from ${takes.min} to ${takes.max}, not ${describe(value)}`;
    }
  }
  if (typeof value !== 'string') return `\`${key}\` must be text, not ${describe(value)}`;
  switch (takes.kind) {
    case 'one of':
      return takes.words.includes(value)
        ? null
        : `\`${key}: "${value}"\` is not one of ${takes.words.map((w) => `"${w}"`).join(', ')}${suggestion(value, takes.words, '"')}`;
    case 'address':
      return addressProblem(key, value);
    case 'locale':
      return isLocale(value) ? null : `\`${key}: "${value}"\` is not a language tag such as "de-DE"`;
  }
  return null;
}

function isLocale(value) {
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with `value` as the API's address: an http(s) URL, or a path on this origin. */
function addressProblem(key, value) {
  let url;
  try {
    url = new URL(value, location.href);
  } catch {
    return `\`${key}: "${value}"\` is not an address such as "https://sync.example.com"`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? null
    : `\`${key}: "${value}"\` must be an http or https address, not ${url.protocol}`;
}

/** `; did you mean …?` with the known word nearest to `word` (another case, or two edits away). */
function suggestion(word, known, quote) {
  const lower = word.toLowerCase();
  let best = null;
  for (const k of known) {
    const d = k.toLowerCase() === lower ? 0 : distance(k.toLowerCase(), lower);
    if (d <= 2 && (best === null || d < best.d)) best = { d, k };
  }
  return best ? `; did you mean ${quote}${best.k}${quote}?` : '';
}

/** Levenshtein distance. */
function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** A value as a message names it: its text in quotes, or its JavaScript type. */
function describe(value) {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}
