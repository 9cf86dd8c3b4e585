// The three browser engines of the smoke suite behind one small interface: Chromium and Firefox
// ESR through puppeteer-core (CDP and WebDriver BiDi), WebKitGTK's MiniBrowser through
// selenium-webdriver and WebKitWebDriver on a virtual display (MiniBrowser has no headless mode).
// A tab: goto, evaluate (a function and JSON arguments; a promise is awaited), click and type
// (real input events on a CSS selector), press (a key), screenshot (PNG) and close.
import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';
import { until } from '../../e2e/support/wait.mjs';

/** The window every engine gets: the size the screenshots and the Chromium e2e suite use. */
export const WINDOW = { width: 1366, height: 768 };

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Starts the named engine; resolves to { name, version, newTab(), close() }. */
export function launch(name) {
  if (name === 'chromium') return viaPuppeteer(name, { browser: 'chrome', executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'], defaultViewport: WINDOW });
  if (name === 'firefox') {
    return viaPuppeteer(name, {
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      // Firefox ESR 140 refuses page.setViewport() over BiDi (it has no screen orientation
      // override): there, the window is this size, its viewport a little smaller.
      args: [`--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
      defaultViewport: null,
      sizeViewport: true,
      // As Firefox ESR 140, which has no @scope: a stylesheet that leans on it shows unstyled here.
      extraPrefsFirefox: { 'layout.css.at-scope.enabled': false },
    });
  }
  if (name === 'webkit') return viaWebDriver();
  throw new Error(`unknown engine ${name}`);
}

async function viaPuppeteer(name, { sizeViewport = false, ...options }) {
  const browser = await puppeteer.launch({ headless: true, protocolTimeout: 60_000, ...options });
  const version = await browser.version();
  return {
    name,
    version,
    async newTab() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      if (sizeViewport) await page.setViewport(WINDOW).catch(() => {});
      // What the browser itself reports (a refused request, a CSP block), besides the page hook.
      const problems = [];
      page.on('console', (message) => {
        if (['error', 'warn', 'warning'].includes(message.type())) problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      return {
        problems,
        goto: (url) => page.goto(url),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        click: (selector) => page.click(selector),
        type: (selector, text) => page.type(selector, text),
        press: (key) => page.keyboard.press(key),
        screenshot: (path) => page.screenshot({ path }),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEYS = { Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB, ArrowDown: Key.ARROW_DOWN };

/** A free display number and port for this run, so two runs on one machine do not meet. */
const DISPLAY = 90 + (process.pid % 100);
const PORT = 4400 + (process.pid % 500);

async function viaWebDriver() {
  const xvfb = spawn('Xvfb', [`:${DISPLAY}`, '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const driver = spawn('WebKitWebDriver', [`--port=${PORT}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: `:${DISPLAY}` } });
  const stop = () => {
    driver.kill();
    xvfb.kill();
  };
  try {
    await until(() => listening(PORT), Boolean, { what: `WebKitWebDriver listening on port ${PORT}` });
  } catch (error) {
    stop();
    throw error;
  }
  const version = execFileSync(MINIBROWSER, ['--version'], { encoding: 'utf8', env: { ...process.env, DISPLAY: `:${DISPLAY}` } }).trim();
  return {
    name: 'webkit',
    version,
    async newTab() {
      // A session is a fresh MiniBrowser with its own storage, started in well under a second.
      const session = await new Builder()
        .usingServer(`http://127.0.0.1:${PORT}`)
        .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
        .build();
      // The viewport, not the window, is WINDOW: the window adds MiniBrowser's own bars.
      const [dw, dh] = await session.executeScript('return [outerWidth - innerWidth, outerHeight - innerHeight];');
      await session.manage().window().setRect({ width: WINDOW.width + dw, height: WINDOW.height + dh });
      return {
        problems: [],
        goto: (url) => session.get(url),
        // W3C Execute Script awaits a promise the script returns.
        evaluate: (fn, ...args) => session.executeScript(`return (${fn}).apply(null, arguments);`, ...args),
        click: async (selector) => session.findElement(By.css(selector)).click(),
        type: async (selector, text) => session.findElement(By.css(selector)).sendKeys(text),
        press: (key) => session.actions().sendKeys(KEYS[key] ?? key).perform(),
        screenshot: async (path) => writeFile(path, await session.takeScreenshot(), 'base64'),
        close: () => session.quit(),
      };
    },
    close: async () => stop(),
  };
}

/** Whether something accepts TCP connections on the loopback port. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
