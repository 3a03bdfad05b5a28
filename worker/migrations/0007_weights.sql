-- Population margins per questionnaire for weighting, as JSON {margins: {dimension: {value: population}}, population?}.
ALTER TABLE questionnaires ADD COLUMN weights TEXT;
