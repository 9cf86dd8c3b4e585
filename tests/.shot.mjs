import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [url, w, out] of [['http://127.0.0.1:8090/', 1366, 'portal'], ['http://127.0.0.1:8090/', 1024, 'portal-1024'], ['http://127.0.0.1:8091/', 1366, 'standalone'], ['http://127.0.0.1:8091/', 390, 'phone']]) {
  const p = await b.newPage({ viewport: { width: w, height: 900 } });
  p.on('console', (m) => console.log(out, m.type(), m.text()));
  await p.goto(url);
  await p.waitForSelector('tbody th[scope=row]', { timeout: 30000 });
  await p.waitForTimeout(400);
  const el = await p.$('.table-scroll');
  const sw = await el.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  console.log(out, 'scroll/client width', sw);
  await p.screenshot({ path: `/tmp/sz/${out}.png` });
  await p.close();
}
await b.close();
