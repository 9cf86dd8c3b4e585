// axe-core on the page as it stands: no serious or critical violation.
import assert from 'node:assert/strict';
import { AXE_PATH } from './server.mjs';

/** Fails with every serious or critical axe violation on the page now (`what` says where). */
export async function audit(page, what) {
  // From the page's own origin: the strict policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
    `axe violations ${what}`,
  );
}
