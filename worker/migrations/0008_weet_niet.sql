-- How a gemeente counts "weet niet" in stellingen: left out of the base (exclude), or counted as an
-- answer once it is 20% or more of the answers (include-at-20, the Almere convention).
ALTER TABLE gemeenten ADD COLUMN weet_niet TEXT NOT NULL DEFAULT 'exclude' CHECK (weet_niet IN ('exclude', 'include-at-20'));
