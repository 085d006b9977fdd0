-- Installed plugins: one row per plugin id, the source of truth for what the host loads at start and whether it
-- starts it. Whether a plugin failed is runtime state (pf4j's FAILED plus the reason), shown but not stored here.

CREATE TABLE plugin_installation (
    plugin_id    TEXT        PRIMARY KEY CHECK (plugin_id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    version      TEXT        NOT NULL CHECK (length(version) BETWEEN 5 AND 100),
    -- the file inside the plugins folder, always <plugin_id>-<version>.jar or .zip: never a path
    file_name    TEXT        NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._+-]*\.(jar|zip)$'),
    sha256       TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    enabled      BOOLEAN     NOT NULL DEFAULT TRUE,
    bundled      BOOLEAN     NOT NULL DEFAULT FALSE,
    description  TEXT        NOT NULL DEFAULT '',
    provider     TEXT,
    requires     TEXT        NOT NULL,
    installed_by TEXT        NOT NULL,
    installed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
