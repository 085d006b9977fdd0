package org.grassroots.crm.pluginhost.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.pluginhost.internal.SecretCipher.Sealed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code plugin_setting} rows of each plugin. Secrets go in and come out through {@link SecretCipher}; their
 * clear text is never written to the table.
 */
// not @Repository: its exception translation would turn our messages into InvalidDataAccessApiUsageException
@Component
public class PluginSettingsStore {

    /** One saved setting; a secret has {@code sealed} and no {@code value}. */
    public record Stored(String key, @Nullable String value, @Nullable Sealed sealed, String updatedBy,
            Instant updatedAt) {

        public boolean encrypted() {
            return sealed != null;
        }
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    PluginSettingsStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Stored> all(String pluginId) {
        return jdbc.sql("""
                SELECT key, value, ciphertext, nonce, updated_by, updated_at FROM plugin_setting
                WHERE plugin_id = :pluginId ORDER BY key
                """).param("pluginId", pluginId).query(PluginSettingsStore::stored).list();
    }

    public Optional<Stored> find(String pluginId, String key) {
        return jdbc.sql("""
                SELECT key, value, ciphertext, nonce, updated_by, updated_at FROM plugin_setting
                WHERE plugin_id = :pluginId AND key = :key
                """).param("pluginId", pluginId).param("key", key).query(PluginSettingsStore::stored).optional();
    }

    public void savePlain(String pluginId, String key, String value, String updatedBy, Instant at) {
        upsert(pluginId, key, value, null, updatedBy, at);
    }

    public void saveSecret(String pluginId, String key, String plaintext, String updatedBy, Instant at) {
        upsert(pluginId, key, null, cipher.seal(pluginId, key, plaintext), updatedBy, at);
    }

    public boolean delete(String pluginId, String key) {
        return jdbc.sql("DELETE FROM plugin_setting WHERE plugin_id = :pluginId AND key = :key")
                .param("pluginId", pluginId).param("key", key).update() > 0;
    }

    public boolean deleteSecret(String pluginId, String key) {
        return jdbc.sql("DELETE FROM plugin_setting WHERE plugin_id = :pluginId AND key = :key AND is_secret")
                .param("pluginId", pluginId).param("key", key).update() > 0;
    }

    public int deleteAll(String pluginId) {
        return jdbc.sql("DELETE FROM plugin_setting WHERE plugin_id = :pluginId").param("pluginId", pluginId).update();
    }

    /**
     * The clear value of a stored setting.
     *
     * @param label the field's label, for the message when a secret cannot be decrypted
     * @throws UnreadableSecretException when a secret does not decrypt with the current key
     */
    public String reveal(String pluginId, Stored stored, String label) {
        if (stored.sealed() == null) {
            return stored.value();
        }
        try {
            return cipher.open(pluginId, stored.key(), stored.sealed());
        } catch (SecretCipher.UndecryptableException e) {
            throw new UnreadableSecretException(pluginId, stored.key(), label, e);
        }
    }

    private void upsert(String pluginId, String key, @Nullable String value, @Nullable Sealed sealed,
            String updatedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO plugin_setting (plugin_id, key, value, ciphertext, nonce, is_secret, updated_by, updated_at)
                VALUES (:pluginId, :key, :value, :ciphertext, :nonce, :secret, :updatedBy, :updatedAt)
                ON CONFLICT (plugin_id, key) DO UPDATE SET value = excluded.value, ciphertext = excluded.ciphertext,
                    nonce = excluded.nonce, is_secret = excluded.is_secret, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
                """)
                .param("pluginId", pluginId).param("key", key).param("value", value)
                .param("ciphertext", sealed == null ? null : sealed.ciphertext())
                .param("nonce", sealed == null ? null : sealed.nonce())
                .param("secret", sealed != null).param("updatedBy", updatedBy)
                .param("updatedAt", Timestamp.from(at))
                .update();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        byte[] ciphertext = rs.getBytes("ciphertext");
        return new Stored(rs.getString("key"), rs.getString("value"),
                ciphertext == null ? null : new Sealed(ciphertext, rs.getBytes("nonce")), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
