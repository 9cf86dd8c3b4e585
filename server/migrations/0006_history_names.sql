-- An item's history row no longer keeps the item's name (issue 23): the names are worked back
-- from the item's name now through the renames, whose old name the row still keeps. A
-- 95,000-item batch writes 95,000 of these rows in its own transaction, and the name was the
-- longest of their columns.
ALTER TABLE history RENAME TO history_named;
CREATE TABLE history (item BIGINT NOT NULL, seq BIGINT NOT NULL, state_before TEXT,
    state_after TEXT NOT NULL, renamed_from TEXT, PRIMARY KEY (item, seq));
INSERT INTO history (item, seq, state_before, state_after, renamed_from)
    SELECT item, seq, state_before, state_after, renamed_from FROM history_named;
DROP TABLE history_named;
CREATE INDEX history_seq ON history (seq);
