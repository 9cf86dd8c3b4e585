// Drives the Sync Overview screen in any engine by roles and accessible names: the page hook
// (page-hook.js) finds the element with Testing Library's queries and tags it, the engine's
// driver then clicks or types with real input events. A name is a string (exact) or
// { source, flags } (a regular expression).
import { until } from '../../e2e/support/wait.mjs';

/** Wraps an engine's tab with the screen's verbs. */
export function smokeTab(tab) {
  const mark = (role, name, within) =>
    tab.evaluate((r, n, w) => window.__smoke.mark(r, n, w ?? undefined), role, name, within ?? null);
  const has = (role, name, within) =>
    tab.evaluate((r, n, w) => window.__smoke.has(r, n, w ?? undefined), role, name, within ?? null);
  const label = (name) => (typeof name === 'string' ? name : `/${name.source}/`);
  const ui = {
    evaluate: (fn, ...args) => tab.evaluate(fn, ...args),
    press: (key) => tab.press(key),
    screenshot: (path) => tab.screenshot(path),
    /** Polls `read` until `ok` holds (10 s), failing with what it last saw. */
    until: (read, ok, what, timeout) => until(read, ok, { what, timeout }),
    /** Waits until an element with that role and name is shown. */
    shown: (role, name, within) => until(() => has(role, name, within), Boolean, { what: `${role} ${label(name)} shown` }),
    /** Waits until nothing on the page moves (no transition or animation running): a still frame. */
    still: () => until(() => tab.evaluate(() => document.getAnimations().length), (n) => n === 0, { what: 'no running animation' }),
    /** Waits until an element with that role shows text matching `text` ({ source, flags }). */
    says: (role, text) =>
      until(() => tab.evaluate((r, t) => window.__smoke.says(r, t), role, text), Boolean, { what: `${role} saying /${text.source}/` }),
    /** Waits until no element with that role and name is shown. */
    gone: (role, name, within) => until(() => has(role, name, within), (h) => !h, { what: `${role} ${label(name)} gone` }),
    /** Clicks the element with that role and name, once it is shown. */
    async click(role, name, within) {
      await ui.shown(role, name, within);
      await tab.click(await mark(role, name, within));
    },
    /** Types `text` into the element with that role and name, once it is shown. */
    async type(role, name, text, within) {
      await ui.shown(role, name, within);
      await tab.type(await mark(role, name, within), text);
    },
    /** Waits (30 s: a cold engine compiles the module first) until the Sync Status list has rows. */
    rowsShown: () =>
      until(() => tab.evaluate(() => document.querySelectorAll('table[aria-busy="false"] tbody tr:not([aria-hidden])').length), (n) => n > 0, {
        what: 'Sync Status rows',
        timeout: 30_000,
      }),
    /** The rows shown, as { name, status }, once the list is not busy. */
    async rows() {
      await ui.rowsShown();
      return tab.evaluate(() =>
        [...document.querySelectorAll('table[aria-busy="false"] tbody tr:not([aria-hidden])')].map((tr) => ({
          name: tr.children[1].firstElementChild.textContent.trim(),
          status: tr.children[3].textContent.trim(),
        })),
      );
    },
    /** The row of the item named `name`, if shown. */
    rowOf: async (name) => (await ui.rows()).find((row) => row.name === name),
  };
  return ui;
}
