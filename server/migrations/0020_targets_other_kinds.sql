-- The target list shows entities (B.1) first, so most searches name that kind; entities are most
-- targets, so a search of them by a name pair or a tag is counted as that pair's or tag's
-- entries less those of places and products. This index finds the few of those without reading
-- the entities (an entity adds nothing to it).
CREATE INDEX targets_other_kinds ON targets (id) WHERE kind <> 'entity';
