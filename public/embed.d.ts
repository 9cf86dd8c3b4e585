// Types of Sync Overview's module entry, embed.js (shipped beside it in every build).

/** This build's version ("0.1.0"). */
export const version: string;

/** The settings of `mount`: each checked, and any problem rejects (see the README). */
export interface SyncOverviewConfig {
  /** Where the data comes from: the in-browser mock store (default) or the HTTP/JSON API. */
  backend?: 'mock' | 'http';
  /** With `backend: "http"` (then required): the API's base URL, or a path on this origin. */
  api?: string;
  /** With `backend: "http"`: sent as `Authorization: Bearer …`. */
  token?: string;
  /**
   * With `backend: "http"`: gives a fresh token, before the first request and when the server
   * refuses the one there is (401).
   */
  getToken?: () => string | Promise<string>;
  /** Seconds before an HTTP request is given up (1–600; default 15). */
  timeout?: number | string;
  /** The portal's product name in labels ("Disable previous IT Glue record"). */
  portal?: string;
  /** The colour theme (default `auto`: the user's preference). */
  theme?: 'light' | 'dark' | 'auto';
  /** The locale counts and times are shown in (a BCP 47 tag, `de-DE`); default the browser's. */
  locale?: string;
  /** Mock store: synced items of the largest demo client (1–1,000,000; default 600). */
  demo?: number | string;
  /** Mock store: who the items' history says made this browser's changes (default "You"). */
  user?: string;
  /** `<integration id or name>=<URL template>` parts separated by `;`, for "Open in …". */
  source_urls?: string;
  /** The integration to open on (its id). */
  integration?: number | string;
  /** The client to open on (its id). */
  client?: number | string;
  /** The Sync Status filter: a name or part of one. */
  filter?: string;
  /** Only items of this type. */
  type?: 'organization' | 'location' | 'contact' | 'configuration' | 'device' | 'asset' | 'agreement';
  /** Only items with this status. */
  status?: 'matched' | 'not-synced' | 'excluded';
  /** Only items with this flag. */
  show?: 'missing' | 'duplicate';
  /** The column the list is sorted by. */
  sort?: 'name' | 'type' | 'status';
  /** The sort order. */
  order?: 'asc' | 'desc';
  /** The Sync Logs window, open, with its filters. */
  logs?: 'open';
  logs_from?: string;
  logs_to?: string;
  logs_level?: 'info' | 'warning' | 'error';
  logs_client?: number | string;
  logs_text?: string;
}

/** The `detail` of each event, by its short name. */
export interface SyncOverviewEvents {
  /** The app shows its data (once). */
  ready: { version: string; backend: 'mock' | 'http' };
  /** Items were written and the backend confirmed it. */
  change: {
    op: 'exclude' | 'include' | 'rematch' | 'restore' | 'rule';
    count: number;
    /** Their ids, when the write named them one by one. */
    items: number[] | null;
    /** Their new status, when it is one for all. */
    status: 'matched' | 'not-synced' | 'excluded' | null;
  };
  /** What the list shows changed (and once at the start). */
  view: {
    integration: number | null;
    client: number | null;
    filter: string;
    type: string | null;
    status: 'matched' | 'not-synced' | 'excluded' | null;
    show: 'missing' | 'duplicate' | null;
    sort: 'name' | 'type' | 'status';
    order: 'asc' | 'desc';
  };
  /** The screen showed a failure. */
  error: { type: 'stale' | 'load' | 'failed' | (string & {}); message: string };
  /** A token is needed. */
  auth: { message: string };
}

/** A mounted app. */
export interface SyncOverviewHandle {
  /** Removes the app from its element: its nodes, state and listeners. */
  unmount(): void;
  /**
   * Changes the running app without a remount; throws a `SyncOverviewConfigError` (and changes
   * nothing) on a problem, or for a key that needs a remount.
   */
  update(partial: Pick<SyncOverviewConfig, 'integration' | 'client' | 'filter' | 'type' | 'status' | 'show' | 'sort' | 'order' | 'theme' | 'locale' | 'token' | 'api'>): void;
  /** Calls `listener` with each event's detail; returns a function that stops listening. */
  on<K extends keyof SyncOverviewEvents>(name: K, listener: (detail: SyncOverviewEvents[K]) => void): () => void;
}

/** A rejected `mount`: every problem of the configuration. */
export interface SyncOverviewConfigError extends Error {
  problems: string[];
}

/**
 * Shows Sync Overview inside `element`. Without `config`, the page's
 * `window.syncOverviewConfig` or, standalone, its URL. Rejects with a
 * `SyncOverviewConfigError` when the configuration has problems.
 */
export function mount(element: HTMLElement, config?: SyncOverviewConfig): Promise<SyncOverviewHandle>;

/** Loads the app's WebAssembly once (mount does it too). */
export function instance(): Promise<unknown>;

declare global {
  interface HTMLElementEventMap {
    'sync-overview:ready': CustomEvent<SyncOverviewEvents['ready']>;
    'sync-overview:change': CustomEvent<SyncOverviewEvents['change']>;
    'sync-overview:view': CustomEvent<SyncOverviewEvents['view']>;
    'sync-overview:error': CustomEvent<SyncOverviewEvents['error']>;
    'sync-overview:auth': CustomEvent<SyncOverviewEvents['auth']>;
  }
}
