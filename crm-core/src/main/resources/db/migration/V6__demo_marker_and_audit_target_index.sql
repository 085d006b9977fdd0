-- Every screen asks whether demo data is loaded; without this the question scans the whole person table when the
-- answer is no.
CREATE INDEX person_demo_idx ON person (id) WHERE demo;

-- The audit screen filters by target id (e.g. one user's history).
CREATE INDEX audit_event_target_idx ON audit_event (target_id, id DESC) WHERE target_id IS NOT NULL;
