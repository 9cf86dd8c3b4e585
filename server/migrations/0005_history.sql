-- Who changed what (issue 23). A write or sync run that changed items is one row of
-- `history_writes`: its change number, its time (RFC 3339 with milliseconds, UTC: text order is
-- time order), who made it, what made it (a tag), how many items it changed, and the rule or
-- run behind it. Each item it changed is one row of `history`: the item's state before (null:
-- the change created it) and after, each as `status:record:missing` (`excluded:12:0`), its name
-- after, and before when the change renamed it. A 100,000-item batch writes its rows in its own
-- transaction, so each is a few short columns (one JSON document a row cost that batch about
-- half a second more; fifteen typed columns more still). Trimmed by time (retention).
CREATE TABLE history_writes (seq BIGINT PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL,
    what TEXT NOT NULL, count BIGINT NOT NULL, rule BIGINT, run TEXT);
CREATE INDEX history_writes_time ON history_writes (time);
CREATE TABLE history (item BIGINT NOT NULL, seq BIGINT NOT NULL, state_before TEXT,
    state_after TEXT NOT NULL,
    name TEXT NOT NULL, renamed_from TEXT, PRIMARY KEY (item, seq));
CREATE INDEX history_seq ON history (seq);
