-- The data set. Portable between SQLite and PostgreSQL: enums as their JSON tags, times as
-- RFC 3339 text, flags as 0/1. (IF NOT EXISTS: databases made before migrations already have it.)
CREATE TABLE IF NOT EXISTS integrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL,
    product TEXT NOT NULL, last_synced TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (id BIGINT PRIMARY KEY, client BIGINT NOT NULL,
    resource_type TEXT NOT NULL, name TEXT NOT NULL, disabled BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS items (id BIGINT PRIMARY KEY, integration BIGINT NOT NULL,
    client BIGINT NOT NULL, resource_type TEXT NOT NULL, name TEXT NOT NULL,
    source_id TEXT NOT NULL, status TEXT NOT NULL, record BIGINT, version BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS logs (id BIGINT PRIMARY KEY, time TEXT NOT NULL,
    integration BIGINT NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL, item BIGINT);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, status BIGINT NOT NULL,
    body TEXT NOT NULL);
