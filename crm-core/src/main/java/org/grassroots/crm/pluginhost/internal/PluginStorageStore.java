package org.grassroots.crm.pluginhost.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code plugin_storage} rows of each plugin. Every call runs in a transaction of its own and commits at once,
 * even when the plugin calls from inside another port's transaction (for example while streaming supporters).
 * Refusals and failures name the plugin and the key.
 */
// not @Repository: its exception translation would turn our messages into InvalidDataAccessApiUsageException
@Component
public class PluginStorageStore {

    public static final int MAX_KEY_LENGTH = 200;
    public static final int MAX_VALUE_BYTES = 1024 * 1024;
    public static final int MAX_LIST = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    PluginStorageStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<String> get(String pluginId, String key) {
        checkKey(pluginId, key);
        return run(pluginId, "read", key, () -> jdbc.sql(
                        "SELECT value FROM plugin_storage WHERE plugin_id = :pluginId AND key = :key")
                .param("pluginId", pluginId).param("key", key).query(String.class).optional());
    }

    public void put(String pluginId, String key, String value) {
        checkEntry(pluginId, key, value);
        run(pluginId, "store", key, () -> jdbc.sql("""
                        INSERT INTO plugin_storage (plugin_id, key, value) VALUES (:pluginId, :key, :value)
                        ON CONFLICT (plugin_id, key) DO UPDATE SET value = excluded.value, updated_at = now()
                        """)
                .param("pluginId", pluginId).param("key", key).param("value", value).update());
    }

    public boolean putIfAbsent(String pluginId, String key, String value) {
        checkEntry(pluginId, key, value);
        return run(pluginId, "store", key, () -> jdbc.sql("""
                        INSERT INTO plugin_storage (plugin_id, key, value) VALUES (:pluginId, :key, :value)
                        ON CONFLICT (plugin_id, key) DO NOTHING
                        """)
                .param("pluginId", pluginId).param("key", key).param("value", value).update() == 1);
    }

    public void remove(String pluginId, String key) {
        checkKey(pluginId, key);
        run(pluginId, "remove", key, () -> jdbc.sql(
                        "DELETE FROM plugin_storage WHERE plugin_id = :pluginId AND key = :key")
                .param("pluginId", pluginId).param("key", key).update());
    }

    /** Keys starting with {@code prefix} (taken literally: {@code %} and {@code _} are not wildcards), in order. */
    public Map<String, String> list(String pluginId, String prefix, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": list storage keys '" + prefix
                    + "…' with a limit between 1 and " + MAX_LIST + " (was " + limit + ")");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        run(pluginId, "list", prefix + "…", () -> {
            jdbc.sql("""
                            SELECT key, value FROM plugin_storage
                            WHERE plugin_id = :pluginId AND key LIKE :pattern ESCAPE '\\'
                            ORDER BY key LIMIT :limit
                            """)
                    .param("pluginId", pluginId).param("pattern", likePrefix(prefix)).param("limit", limit)
                    .query(rs -> {
                        entries.put(rs.getString("key"), rs.getString("value"));
                    });
            return null;
        });
        return entries;
    }

    /** Removes everything the plugin stored; for its uninstallation. */
    public int deleteAll(String pluginId) {
        return jdbc.sql("DELETE FROM plugin_storage WHERE plugin_id = :pluginId").param("pluginId", pluginId)
                .update();
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private <T> T run(String pluginId, String action, String key, Supplier<T> work) {
        try {
            return ownTransaction.execute(status -> work.get());
        } catch (DataAccessException e) {
            throw new IllegalStateException("Plugin " + pluginId + ": could not " + action + " storage key '" + key
                    + "': " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    private static void checkKey(String pluginId, String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": storage key '" + key
                    + "' must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": storage key '" + key.replace('\0', '?')
                    + "' must not contain NUL characters");
        }
    }

    private static void checkEntry(String pluginId, String key, String value) {
        checkKey(pluginId, key);
        if (value == null) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": storage key '" + key
                    + "' needs a value; use remove to delete it");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": the value for storage key '" + key
                    + "' is " + bytes + " bytes; at most " + MAX_VALUE_BYTES + " (1 MB) may be stored");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": the value for storage key '" + key
                    + "' contains NUL characters, which PostgreSQL text cannot hold");
        }
    }
}
