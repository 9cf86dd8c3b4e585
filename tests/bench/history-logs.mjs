// The benchmark's History and Sync Logs figures (issue 23), the app only (the floor page has
// neither): an item with 1,000 history entries, History clicked → its entries painted; and, over
// HTTP, 100,000 Sync Logs entries, a text filter typed → the narrowed entries painted.

/** Times History on the first row not Excluded, `times` times: click → entries painted. */
export const HISTORY_SCRIPT = (times) => `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const until = async (ok, what) => {
    const end = performance.now() + 30000;
    do {
      await frame();
      if (performance.now() > end) throw new Error('History: no ' + what + ' within 30 s');
    } while (!ok());
  };
  const out = [];
  for (let i = 0; i < ${times}; i++) {
    const button = document.querySelector('tbody tr:not([aria-hidden]) button[id*="actions-"]');
    button.click();
    await until(() => document.querySelector('[role=menu]'), 'menu');
    const item = [...document.querySelectorAll('[role=menuitem]')].find((m) => m.textContent.trim() === 'History');
    // An older build (--dist) has no History.
    if (!item) {
      document.querySelector('[role=menu]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      return null;
    }
    const t = performance.now();
    item.click();
    await until(() => document.querySelectorAll('ol.history-list li').length > 0, 'entries');
    out.push({ took: performance.now() - t, status: document.querySelector('dialog [role=status]')?.textContent ?? '' });
    document.querySelector('dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => !document.querySelector('dialog'), 'close');
  }
  return out;
})()`;

/** The first listed row's item id and status (the row History is timed on). */
export const FIRST_ROW = `(() => {
  const row = document.querySelector('tbody tr:not([aria-hidden])');
  const id = Number(row.querySelector('button[id*="actions-"]').id.match(/actions-(\\d+)/)[1]);
  return { id, status: row.children[3].textContent.trim() };
})()`;

/**
 * Gives the item `id` 1,000 history entries in the mock store's journal (alternately excluded
 * and included, by "Bench"), as another tab would have appended them; the page is then
 * reloaded to replay them.
 */
export const JOURNAL_SCRIPT = (name, id, status) => `(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open('sync-overview/journal/${name}');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction('entries', 'readwrite');
  const store = tx.objectStore('entries');
  const at = Date.now() - 1000 * 1000;
  const excluded = ${JSON.stringify(status)} === 'Excluded';
  for (let n = 0; n < 1000; n++) {
    const exclude = excluded ? n % 2 === 1 : n % 2 === 0;
    const action = exclude ? { action: 'exclude', item: ${id}, disable_record: false } : { action: 'include', item: ${id} };
    store.add(JSON.stringify({ entry: { action }, at: new Date(at + n * 1000).toISOString(), by: 'Bench' }));
  }
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
  db.close();
})()`;

/** Gives the item `id` 1,000 history entries through the API (alternately excluded and included). */
export async function historyOverHttp(api, id) {
  const post = (verb, version) =>
    fetch(`${api}/api/v1/items/${id}/${verb}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version }) });
  // A write at version 0 is refused with the item as it is (409, `current`).
  let { current } = await (await post('include', 0)).json();
  for (let n = 0; n < 1000; n++) {
    const verb = current.status === 'excluded' ? 'include' : 'exclude';
    const res = await post(verb, current.version);
    if (!res.ok) throw new Error(`history set-up: ${verb} answered ${res.status}: ${await res.text()}`);
    current = await res.json();
  }
}

/** Posts a sync run of integration `integration` that failed 100,000 items: 100,000 log lines. */
export async function logsOverHttp(api, integration) {
  const errors = Array.from({ length: 100_000 }, (_, n) => ({ source_id: `HOST-${String(n).padStart(5, '0')}`, message: 'the agent is offline; left as it was' }));
  const run = { id: `bench-logs-${Date.now()}`, finished: new Date().toISOString(), clients: [], errors };
  const res = await fetch(`${api}/api/v1/integrations/${integration}/sync-runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(run) });
  if (!res.ok) throw new Error(`logs set-up: the run answered ${res.status}: ${await res.text()}`);
}

/** Opens View Logs and times `times` text filters typed → the narrowed entries painted. */
export const LOGS_SCRIPT = (times) => `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const until = async (ok, what) => {
    const end = performance.now() + 30000;
    do {
      await frame();
      if (performance.now() > end) throw new Error('Sync Logs: no ' + what + ' within 30 s');
    } while (!ok());
  };
  [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'View Logs').click();
  await until(() => document.querySelector('dialog table caption'), 'table');
  const total = document.querySelector('dialog table caption').textContent;
  const text = document.querySelector('dialog input[type=search]');
  // An older build (--dist) has no text filter.
  if (!text) return null;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const out = [];
  for (let i = 0; i < ${times}; i++) {
    const typed = 'host-0' + String(100 + i);
    const t = performance.now();
    setter.call(text, typed);
    text.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => {
      const region = document.querySelector('dialog [role=region]');
      const caption = document.querySelector('dialog table caption')?.textContent ?? '';
      return region.getAttribute('aria-busy') === 'false' && /^10 log entries/.test(caption);
    }, 'narrowed entries');
    out.push(performance.now() - t);
  }
  return { total, times: out };
})()`;
