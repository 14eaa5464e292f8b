-- A login account belongs to one person of the inspector directory at most: /my/assignments and
-- the inspection records a person fills in are found through this link.
CREATE UNIQUE INDEX inspectors_user ON inspectors (user_id);
