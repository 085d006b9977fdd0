package org.grassroots.crm.plugin.api.storage;

import java.util.Map;
import java.util.Optional;

/**
 * Port: a small key-value store of the plugin's own, kept in PostgreSQL, for things like sync cursors, saved
 * mappings and webhook ids seen. Each plugin sees only its own keys. For tables of its own, a plugin ships Flyway
 * migrations under {@code db/plugin/<plugin id>/} instead.
 *
 * <p>Keys are up to 200 characters; values up to 1 MB of text. Writes commit immediately.
 */
public interface PluginStorage {

    /** The value stored under {@code key}, if any. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing any earlier value. */
    void put(String key, String value);

    /**
     * Stores {@code value} under {@code key} only if the key has none yet.
     *
     * @return {@code true} if stored, {@code false} if the key already had a value (useful to deduplicate events)
     */
    boolean putIfAbsent(String key, String value);

    /** Removes {@code key}; nothing happens if it has no value. */
    void remove(String key);

    /** Every key starting with {@code prefix} and its value, in key order, at most {@code limit} entries. */
    Map<String, String> list(String prefix, int limit);
}
