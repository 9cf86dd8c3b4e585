// Waiting for a condition, never for a time: poll with a deadline, or await the page's frames.
import assert from 'node:assert/strict';
import { setTimeout as pause } from 'node:timers/promises';

/**
 * Reads `read()` until `ok(value)` holds, for up to `timeout` ms; on timeout fails with what it
 * expected (`what`), what it last saw and how long it waited. Resolves to the value that held.
 */
export async function until(read, ok, { what, timeout = 10_000 } = {}) {
  const started = Date.now();
  for (;;) {
    const seen = await read();
    if (ok(seen)) return seen;
    const waited = Date.now() - started;
    if (waited > timeout) {
      assert.fail(`expected ${what} within ${timeout} ms; after ${waited} ms saw ${JSON.stringify(seen)}`);
    }
    // Paces the polling, no more: each round reads the page or the server again.
    await pause(25);
  }
}

/** Awaits `promise` for up to `timeout` ms; on timeout fails saying what it waited for. */
export async function within(promise, timeout, what) {
  const deadline = new AbortController();
  const late = pause(timeout, undefined, { signal: deadline.signal }).then(
    () => assert.fail(`expected ${what} within ${timeout} ms`),
    () => {},
  );
  try {
    return await Promise.race([promise, late]);
  } finally {
    deadline.abort();
  }
}

/**
 * Resolves once the page has painted twice: whatever the page did synchronously in answer to
 * the last input (a state change, a re-render) is on screen by then.
 */
export function painted(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
