// Loaded by every page of the engine smoke suite before the page's own scripts (the test server
// puts it first in <head>), in every engine alike: WebKit's WebDriver has no console log and no
// BiDi, so the page itself notes what a user's console would show.
// - window.__smoke.problems: console errors and warnings, uncaught errors and rejections,
//   resources that failed to load and Content Security Policy violations;
// - window.__smoke.firstRows: when the first Sync Status rows were painted (ms since navigation);
// - window.__smoke.mark(role, name, within): finds an element by role and accessible name (with
//   Testing Library's queries, loaded on first use) and tags it for the driver to click or type
//   into with real input events; resolves to its CSS selector.
(() => {
  const problems = [];
  const smoke = { problems, firstRows: null };
  window.__smoke = smoke;

  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      problems.push(`console.${level}: ${args.map(String).join(' ')}`);
      return original.apply(this, args);
    };
  }
  addEventListener(
    'error',
    (event) => {
      if (event instanceof ErrorEvent) problems.push(`uncaught: ${event.message}`);
      else problems.push(`failed to load: ${event.target?.src ?? event.target?.href ?? event.target?.nodeName}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    problems.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
  );

  new MutationObserver((_, observer) => {
    if (document.querySelector('tbody tr:not([aria-hidden])')) {
      observer.disconnect();
      requestAnimationFrame(() => {
        smoke.firstRows = performance.now();
      });
    }
  }).observe(document, { subtree: true, childList: true });

  let library;
  const load = () =>
    (library ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/__test/testing-library-dom.js';
      script.onload = () => resolve(window.TestingLibraryDom);
      script.onerror = () => reject(new Error('Testing Library did not load'));
      document.head.append(script);
    }));

  let tags = 0;
  const exact = (name) => (typeof name === 'string' ? { name } : { name: new RegExp(name.source, name.flags) });
  smoke.mark = async (role, name, within) => {
    const { queries } = await load();
    const container = within ? queries.getByRole(document.body, within.role, exact(within.name)) : document.body;
    const element = queries.getByRole(container, role, exact(name));
    element.dataset.smoke ??= String(++tags);
    return `[data-smoke="${element.dataset.smoke}"]`;
  };
  /** Whether an element with that role and name is shown now. */
  smoke.has = async (role, name, within) => {
    const { queries } = await load();
    const container = within ? queries.queryByRole(document.body, within.role, exact(within.name)) : document.body;
    return Boolean(container && queries.queryByRole(container, role, exact(name)));
  };
  /** Whether an element with that role shows text matching `text` ({ source, flags }). */
  smoke.says = async (role, text) => {
    const { queries } = await load();
    const pattern = new RegExp(text.source, text.flags);
    return queries.queryAllByRole(document.body, role).some((element) => pattern.test(element.textContent.trim()));
  };
})();
