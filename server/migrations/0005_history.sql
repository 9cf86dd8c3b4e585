-- Who changed what (issue 23): one row per change to an item, stamped with the change's number
-- (an item changes at most once a change), its time (RFC 3339, UTC: text order is time order)
-- and who made it; `entry` is the rest as sync-core writes it (what, before, after…). Trimmed
-- by time (retention).
CREATE TABLE history (item BIGINT NOT NULL, seq BIGINT NOT NULL, time TEXT NOT NULL,
    actor TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (item, seq));
CREATE INDEX history_time ON history (time);
