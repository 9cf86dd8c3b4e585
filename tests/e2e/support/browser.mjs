// Launches Debian's Chromium through playwright-core, and opens the app on a fresh page that
// fails the test on any console error or warning.
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts headless Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    headless: true,
  });
}

/**
 * Opens `url` in a new context (clean storage) and waits until the Sync Status list has rows.
 * Returns { page, context, problems } where problems collects console errors, warnings and page
 * errors.
 */
export async function open(browser, url, { viewport = { width: 1366, height: 768 }, waitForRows = true, locale, timezoneId, deaf = false } = {}) {
  const context = await browser.newContext({ viewport, locale, timezoneId });
  // `deaf`: the server's change events never reach the page (as behind a proxy that drops
  // streams); a 204 tells the browser's EventSource not to reconnect.
  if (deaf) await context.route('**/api/v1/events**', (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(url);
  if (waitForRows) await rowsReady(page);
  return { page, context, problems };
}

/** Waits until the Sync Status table shows at least one row. */
export async function rowsReady(page) {
  await page.getByRole('table', { name: 'Sync Status' }).locator('tbody tr').first().waitFor();
}
