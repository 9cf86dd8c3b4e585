-- Exclusion rules (issue 22). A rule's condition is kept as the JSON sync-core writes (its
-- integration, pattern, type and whether it disables records); a deleted rule is kept inactive
-- under its id so that its undo can bring it back. Each rule carries the number of its latest
-- change, so that a replica catching up reads the rules changed since.
CREATE TABLE rules (id BIGINT PRIMARY KEY, integration BIGINT NOT NULL, rule TEXT NOT NULL,
    active INTEGER NOT NULL, seq BIGINT NOT NULL);
CREATE INDEX rules_seq ON rules (seq);
