// The static server of the engine pages: the build, with the page hook (page-hook.js) loaded
// first by every HTML page, and Testing Library's DOM queries it loads on first use.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '../../e2e/support/server.mjs';

const HOOK = '/__test/page-hook.js';

/** Serves `root` (the build) as `serve` does, every HTML page loading the page hook first. */
export function serveHooked(root, options = {}) {
  return serve(root, {
    ...options,
    files: {
      [HOOK]: fileURLToPath(new URL('./page-hook.js', import.meta.url)),
      '/__test/testing-library-dom.js': createRequire(import.meta.url).resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'),
    },
    inject: [HOOK],
  });
}
