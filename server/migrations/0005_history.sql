-- Who changed what (issue 23): one row per change to an item, stamped with the change's number
-- (an item changes at most once a change), its time (RFC 3339 with milliseconds, UTC: text order
-- is time order) and who made it; what made it (a tag), how many items the write changed, the
-- rule or run; the item's status, record and missing flag before (null status: the change
-- created it) and after; its name after, and before when the change renamed it. Typed columns,
-- not a JSON document: a 100,000-item batch writes its rows in its own transaction, and JSON
-- text per row cost it about half a second more. Trimmed by time (retention).
CREATE TABLE history (item BIGINT NOT NULL, seq BIGINT NOT NULL, time TEXT NOT NULL,
    actor TEXT NOT NULL, what TEXT NOT NULL, count BIGINT NOT NULL, rule BIGINT, run TEXT,
    before_status TEXT, before_record BIGINT, before_missing BIGINT,
    after_status TEXT NOT NULL, after_record BIGINT, after_missing BIGINT NOT NULL,
    name TEXT NOT NULL, renamed_from TEXT, PRIMARY KEY (item, seq));
CREATE INDEX history_time ON history (time);
