-- Published versions are history that responses point at: they can be neither changed nor removed.
CREATE TRIGGER questionnaire_versions_undeletable
BEFORE DELETE ON questionnaire_versions
BEGIN
  SELECT RAISE(ABORT, 'published versions cannot be deleted');
END;
