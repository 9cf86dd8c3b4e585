// Types of Sync Overview's custom element, element.js (shipped beside it in every build).
import type { SyncOverviewHandle } from './embed.js';

export { version } from './embed.js';

/**
 * `<sync-overview backend api integration client theme locale portal>`: the app in the element's
 * own DOM, mounted when connected and unmounted when disconnected. `api`, `integration`,
 * `client`, `theme` and `locale` change the running app in place; `backend` and `portal` mount it
 * again. A refused configuration fires `sync-overview:error` with `type: "config"`.
 */
export class SyncOverviewElement extends HTMLElement {
  /** The running app (update, on, unmount), once mounted. */
  readonly app: SyncOverviewHandle | null;
  /** The bearer token: a property, never an attribute. */
  token: string | undefined;
  /** Gives fresh tokens (taken when the app mounts). */
  getToken: (() => string | Promise<string>) | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-overview': SyncOverviewElement;
  }
}
