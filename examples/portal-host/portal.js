// The portal's own script: mounts the Sync Overview module into its element. The element's data
// attributes are the configuration; `?api=` on this page's URL overrides the API's address.
import { mount } from '/tools/sync-overview/embed.js';

const element = document.getElementById('sync-overview');
const config = { ...element.dataset };
const api = new URLSearchParams(location.search).get('api');
if (api) config.api = api;
window.syncModule = await mount(element, config);
