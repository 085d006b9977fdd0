-- Supporters list, search, dashboard counts and erasure support.

-- The list shows active people only (not merged away, not erased), so its sort indexes are partial. Each holds the
-- sort key and the id tiebreaker, so a page (keyset) and a deep jump (OFFSET over an index-only scan) both stay cheap.
CREATE INDEX person_active_name_idx ON person (search_name, id)
    WHERE merged_into_id IS NULL AND erased_at IS NULL;
CREATE INDEX person_active_created_idx ON person (created_at, id)
    WHERE merged_into_id IS NULL AND erased_at IS NULL;
CREATE INDEX person_active_id_idx ON person (id)
    WHERE merged_into_id IS NULL AND erased_at IS NULL;
-- people without a state sort first; INCLUDE (state) lets the planner use an index-only scan on the expression
CREATE INDEX person_active_state_idx ON person ((coalesce(state, '')), id) INCLUDE (state)
    WHERE merged_into_id IS NULL AND erased_at IS NULL;
-- a state organiser browses their state by name
CREATE INDEX person_active_state_name_idx ON person (state, search_name, id)
    WHERE merged_into_id IS NULL AND erased_at IS NULL;

-- Filter "subscription status of the primary address".
CREATE INDEX person_email_primary_status_idx ON person_email (status, person_id) WHERE is_primary;

-- Dashboard totals kept up to date by statement-level triggers, so reading them never counts a million rows.
-- Statement triggers with transition tables also cover COPY and set-based bulk loads at one aggregate per statement.
CREATE TABLE person_counter (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

INSERT INTO person_counter (name, value)
SELECT 'active_people', count(*) FROM person WHERE merged_into_id IS NULL AND erased_at IS NULL
UNION ALL
SELECT 'subscribed_people', count(*) FROM person_email WHERE is_primary AND status = 'SUBSCRIBED';

CREATE FUNCTION person_counter_add(counter TEXT, delta BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- an edit that changes no total must not lock the shared counter row
    IF delta <> 0 THEN
        UPDATE person_counter SET value = value + delta WHERE name = counter;
    END IF;
END;
$$;

CREATE FUNCTION person_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added   BIGINT := 0;
    removed BIGINT := 0;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE person_counter SET value = 0 WHERE name = 'active_people';
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT count(*) INTO added FROM new_rows WHERE merged_into_id IS NULL AND erased_at IS NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT count(*) INTO removed FROM old_rows WHERE merged_into_id IS NULL AND erased_at IS NULL;
    END IF;
    PERFORM person_counter_add('active_people', added - removed);
    RETURN NULL;
END;
$$;

CREATE FUNCTION person_count_subscribed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added   BIGINT := 0;
    removed BIGINT := 0;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE person_counter SET value = 0 WHERE name = 'subscribed_people';
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT count(*) INTO added FROM new_rows WHERE is_primary AND status = 'SUBSCRIBED';
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT count(*) INTO removed FROM old_rows WHERE is_primary AND status = 'SUBSCRIBED';
    END IF;
    PERFORM person_counter_add('subscribed_people', added - removed);
    RETURN NULL;
END;
$$;

CREATE TRIGGER person_count_insert AFTER INSERT ON person
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_active();
CREATE TRIGGER person_count_update AFTER UPDATE ON person
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_active();
CREATE TRIGGER person_count_delete AFTER DELETE ON person
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_active();
CREATE TRIGGER person_count_truncate AFTER TRUNCATE ON person
    FOR EACH STATEMENT EXECUTE FUNCTION person_count_active();

CREATE TRIGGER person_email_count_insert AFTER INSERT ON person_email
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_subscribed();
CREATE TRIGGER person_email_count_update AFTER UPDATE ON person_email
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_subscribed();
CREATE TRIGGER person_email_count_delete AFTER DELETE ON person_email
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_subscribed();
CREATE TRIGGER person_email_count_truncate AFTER TRUNCATE ON person_email
    FOR EACH STATEMENT EXECUTE FUNCTION person_count_subscribed();

-- The HMAC key for erased_email when none is configured (crm.privacy.hash-key / CRM_PRIVACY_HASH_KEY): generated
-- once by the application and kept here, so hashes stay comparable across restarts. One row at most.
CREATE TABLE privacy_hash_key (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    key_bytes  BYTEA       NOT NULL CHECK (length(key_bytes) = 32),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
