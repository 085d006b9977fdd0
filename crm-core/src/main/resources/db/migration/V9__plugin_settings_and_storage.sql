-- What the plugin host keeps for each plugin: its settings (secrets encrypted) and a small key-value store; and the
-- erasure entries of the subscription ledger that plugins read.

-- One row per saved setting. A plain value is stored as text; a secret only as AES-256-GCM ciphertext with its
-- 96-bit nonce (plugin id and key are the associated data), never in clear.
CREATE TABLE plugin_setting (
    plugin_id  TEXT        NOT NULL CHECK (char_length(plugin_id) BETWEEN 1 AND 100),
    key        TEXT        NOT NULL CHECK (key ~ '^[A-Za-z0-9._-]{1,200}$'),
    value      TEXT,
    ciphertext BYTEA,
    nonce      BYTEA,
    is_secret  BOOLEAN     NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (plugin_id, key),
    CONSTRAINT plugin_setting_secret_only_encrypted CHECK (
        (is_secret AND value IS NULL AND ciphertext IS NOT NULL AND octet_length(nonce) = 12)
        OR (NOT is_secret AND value IS NOT NULL AND ciphertext IS NULL AND nonce IS NULL))
);

-- A plugin's own small key-value store. Keys compare byte-wise (COLLATE "C"), so a prefix listing is an index range
-- scan and "key order" means the same on every server.
CREATE TABLE plugin_storage (
    plugin_id  TEXT COLLATE "C" NOT NULL CHECK (char_length(plugin_id) BETWEEN 1 AND 100),
    key        TEXT COLLATE "C" NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
    value      TEXT             NOT NULL CHECK (octet_length(value) <= 1048576),
    updated_at TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (plugin_id, key)
);

-- The subscription ledger (SubscriptionLedger.changesSince) reads subscription_event by id. An erasure deletes the
-- person's subscription history, so it leaves one entry per erased address here instead, numbered from the same
-- sequence so the ledger stays one ordered series. Only the SHA-256 of the address is kept: the plugin API promises
-- it, so an email-list sync can find and delete the address in a remote list.
CREATE TABLE subscription_erasure (
    id           BIGINT      PRIMARY KEY DEFAULT nextval('subscription_event_id_seq'),
    person_id    BIGINT      NOT NULL REFERENCES person (id),
    email_sha256 CHAR(64)    NOT NULL CHECK (email_sha256 ~ '^[0-9a-f]{64}$'),
    erased_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
