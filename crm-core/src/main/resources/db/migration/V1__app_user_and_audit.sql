-- Staff accounts, their roles, and the append-only audit log.

CREATE TABLE app_user (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             TEXT        NOT NULL CHECK (username = lower(username) AND username ~ '^[a-z0-9._-]{3,40}$'),
    display_name         TEXT        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    password_hash        TEXT        NOT NULL,
    enabled              BOOLEAN     NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at        TIMESTAMPTZ,
    version              BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_uk UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    TEXT   NOT NULL CHECK (role IN ('ADMIN', 'ORGANIZER', 'FUNDRAISER', 'VOLUNTEER_COORDINATOR', 'ANALYST')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE audit_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    target_type    TEXT,
    target_id      TEXT,
    client_address TEXT,
    details        JSONB       NOT NULL DEFAULT '{}'::jsonb
);

-- The audit screen pages newest first, optionally filtered by actor or action.
CREATE INDEX audit_event_newest_idx ON audit_event (id DESC);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, id DESC);

-- Append-only: no update, delete or truncate, whoever asks.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
