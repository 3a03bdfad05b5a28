-- {organisatie} in the English texts: "the social team" rather than the Dutch name mid-sentence.
ALTER TABLE partners ADD COLUMN organisatie_en TEXT;
