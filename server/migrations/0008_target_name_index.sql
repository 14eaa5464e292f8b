-- Name search by fragment (名称包含…) at ten million targets. A LIKE '%…%' can use no ordinary
-- index, so a fragment few names contain meant reading every target. This is an index of the
-- names' character pairs (bigrams): a search walks the targets that have the fragment's rarest
-- pair, newest first, and tests each name with the LIKE as before.
--
-- The pairs are derived data, built after the write that needed them: an import of a million
-- targets appends their ids to target_name_pending and a background indexer (and `ssj index`)
-- turns them into pairs later, so the import pays one small append per row instead of a dozen
-- index entries. While anything is pending, searches read the targets as before.

-- gram: two Unicode code points, (first << 21) | second, ASCII letters in lower case.
CREATE TABLE target_name_grams (
  gram BIGINT NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (gram, target_id)
)@WITHOUT_ROWID@;

-- How many names have each pair, to pick a fragment's rarest one. Approximate: a rename that
-- races the indexer may leave a pair counted (and indexed) that its target no longer has, which
-- the LIKE then filters out.
CREATE TABLE target_name_gram_counts (
  gram @KEY@,
  n BIGINT NOT NULL
);

CREATE TABLE target_name_pending (
  target_id @KEY@
);
INSERT INTO target_name_pending (target_id) SELECT id FROM targets;

-- A search by division together with a credit class or a status reads both from the division
-- index instead of looking up each target's row: counting the matches in a district of a
-- million targets was most of such a search's time. Still in id order within a division.
DROP INDEX targets_division;
CREATE INDEX targets_division ON targets (division_code, id, credit_class, status);
