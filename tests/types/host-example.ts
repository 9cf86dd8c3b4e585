// A portal's host code as the README shows it, type-checked against public/embed.d.ts (shipped
// as embed.d.ts beside embed.js). Each `@ts-expect-error` is a mistake the types must catch: tsc
// fails if one is not an error.
import { mount, version, type SyncOverviewConfigError, type SyncOverviewHandle } from '../../public/embed.js';
import type {} from '../../public/element.js';

const element = document.getElementById('sync-overview')!;
const badge = document.getElementById('badge')!;

export async function start(): Promise<SyncOverviewHandle | undefined> {
  console.log(`Sync Overview ${version}`);
  try {
    const app = await mount(element, { backend: 'http', api: '/sync', portal: 'Acme Portal', theme: 'dark', locale: 'de-DE', client: 12 });
    const stop = app.on('change', ({ op, count, items, status }) => {
      badge.textContent = `${op}: ${count}${status ? ` now ${status}` : ''}${items ? ` (${items.length} named)` : ''}`;
    });
    app.on('view', (view) => history.replaceState(null, '', `?client=${view.client ?? ''}&filter=${encodeURIComponent(view.filter)}`));
    app.on('error', ({ type, message }) => console.warn(type, message));
    element.addEventListener('sync-overview:ready', (event) => console.log(event.detail.backend));
    app.update({ client: 14, theme: 'light', token: 'fresh' });
    stop();
    return app;
  } catch (error) {
    for (const problem of (error as SyncOverviewConfigError).problems) console.error(problem);
    return undefined;
  }
}

export async function mistakes(): Promise<void> {
  // @ts-expect-error: backend values are lower case
  await mount(element, { backend: 'HTTP' });
  // @ts-expect-error: not a setting
  await mount(element, { bakend: 'mock' });
  const app = await mount(element);
  // @ts-expect-error: the backend cannot change in a running app
  app.update({ backend: 'mock' });
  // @ts-expect-error: not an event
  app.on('changed', () => {});
  // @ts-expect-error: a change's count is a number
  app.on('change', (detail) => detail.count.toUpperCase());
}

export function customElement(): void {
  const el = document.createElement('sync-overview');
  el.setAttribute('theme', 'dark');
  el.getToken = async () => 'fresh';
  el.addEventListener('sync-overview:change', (event) => console.log(event.detail.count));
  document.body.append(el);
  el.app?.update({ client: 3 });
  // @ts-expect-error: the token is a string
  el.token = 42;
}
