-- Several replicas on one database. Every write takes the next number of the one-row
-- change_head (its row lock puts writes in one order, with no gaps) and stamps the rows it
-- changes with it, so a replica brings its memory up to date by reading the rows stamped after
-- the last number it has seen.
ALTER TABLE items ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX items_seq ON items (seq);
CREATE INDEX records_seq ON records (seq);
CREATE TABLE change_head (id BIGINT PRIMARY KEY, seq BIGINT NOT NULL);
INSERT INTO change_head (id, seq) VALUES (1, 0);
-- An idempotency key now belongs to one request (its fingerprint) and expires.
DROP TABLE idempotency;
CREATE TABLE idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,
    status BIGINT NOT NULL, body TEXT NOT NULL, created BIGINT NOT NULL);
CREATE INDEX idempotency_created ON idempotency (created);
