-- Importing a million targets spends most of its time maintaining indexes, and two of them did
-- not pay for it: a credit class (A–D) or a usual status (存续, 在业) matches so large a share of
-- the directory that walking the id order fills a page at once. Only the rare statuses (注销,
-- 吊销, …) need an index to be found among millions; a search for one repeats this index's
-- condition so that both planners use it.
DROP INDEX targets_class;
DROP INDEX targets_status;
CREATE INDEX targets_rare_status ON targets (status, id) WHERE status NOT IN ('存续', '在业');
