// The portal's own script: mounts the Sync Overview module into its element. The element's data
// attributes are the configuration; this page's `?backend=http` uses the reference server
// (`&api=` for another address than http://127.0.0.1:8787), otherwise the demo data.
import { mount } from '/tools/sync-overview/embed.js';

const query = new URLSearchParams(location.search);
const backend = query.get('backend') === 'http' ? 'http' : 'mock';
const element = document.getElementById('sync-overview');
const config = { ...element.dataset, backend };
if (backend === 'http') config.api = query.get('api') ?? 'http://127.0.0.1:8787';
for (const link of document.querySelectorAll('.portal-sidebar a[data-backend]')) {
  if (link.dataset.backend === backend) link.setAttribute('aria-current', 'page');
}
window.syncModule = await mount(element, config);
