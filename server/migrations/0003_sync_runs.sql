-- Sync runs (issue 22). An item keeps since when the integration's runs no longer list it, and
-- the optional facts a run gave about it; a record the portal's own id a run's snapshot named it
-- by; which portal client each source client of an integration is; and every run applied, by
-- its id (a run posted again answers with its summary), stamped with its change number (a
-- replica that finds a run after the last number it has seen loads the data afresh).
ALTER TABLE items ADD COLUMN missing_since TEXT;
ALTER TABLE items ADD COLUMN serial TEXT;
ALTER TABLE items ADD COLUMN host_name TEXT;
ALTER TABLE items ADD COLUMN source_url TEXT;
ALTER TABLE records ADD COLUMN portal_key TEXT;
CREATE TABLE client_links (integration BIGINT NOT NULL, source_id TEXT NOT NULL,
    client BIGINT NOT NULL, PRIMARY KEY (integration, source_id));
CREATE TABLE sync_runs (integration BIGINT NOT NULL, run TEXT NOT NULL, seq BIGINT NOT NULL,
    summary TEXT NOT NULL, PRIMARY KEY (integration, run));
CREATE INDEX sync_runs_seq ON sync_runs (seq);
