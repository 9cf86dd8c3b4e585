// The portal's own script: mounts the Sync Overview module into its element. The element's data
// attributes are the configuration; this page's `?backend=http` uses the reference server
// (`&api=` for another address than http://127.0.0.1:8787), otherwise the demo data. It shows
// the module's API: a `getToken` that hands out a new short-lived token each time, `update` from
// the portal's own theme button, the `change` events driving the header's badge, and the `view`
// events keeping this page's URL in step (`?client=…`), read back when the page loads.
import { mount, version } from '/tools/sync-overview/embed.js';

const query = new URLSearchParams(location.search);
const backend = query.get('backend') === 'http' ? 'http' : 'mock';
const element = document.getElementById('sync-overview');
const config = { ...element.dataset, backend };
if (query.has('client')) config.client = query.get('client');
let issued = 0;
if (backend === 'http') {
  config.api = query.get('api') ?? 'http://127.0.0.1:8787';
  // A portal's session would renew its access token here; each call gives a new one.
  config.getToken = async () => `portal-session-${++issued}`;
}
for (const link of document.querySelectorAll('.portal-sidebar a[data-backend]')) {
  if (link.dataset.backend === backend) link.setAttribute('aria-current', 'page');
}
document.getElementById('module-version').textContent = `Sync Overview ${version}`;

const app = await mount(element, config);
window.syncModule = app;

const badge = document.getElementById('changes-badge');
let changed = 0;
app.on('change', ({ count }) => {
  changed += count;
  badge.textContent = String(changed);
  badge.hidden = false;
});
app.on('view', ({ client }) => {
  const url = new URL(location.href);
  if (client === null) url.searchParams.delete('client');
  else url.searchParams.set('client', client);
  history.replaceState(null, '', url);
});
app.on('auth', () => app.update({ token: `portal-session-${++issued}` }));

const themeButton = document.getElementById('theme-button');
themeButton.addEventListener('click', () => {
  const dark = themeButton.getAttribute('aria-pressed') !== 'true';
  themeButton.setAttribute('aria-pressed', String(dark));
  app.update({ theme: dark ? 'dark' : 'light' });
});
