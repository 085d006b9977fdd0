package org.grassroots.crm.plugin.api.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.grassroots.crm.plugin.api.storage.PluginStorage;

/**
 * {@link PluginStorage} in a sorted map, with the CRM's limits and messages: keys of 1 to 200 characters, values of at
 * most 1 MB (UTF-8), no NUL characters, {@link #list} limits from 1 to 1,000, prefixes taken literally, keys ordered
 * by their characters' code points.
 */
public class InMemoryPluginStorage implements PluginStorage {

    /** Longest key, in characters. */
    public static final int MAX_KEY_LENGTH = 200;
    /** Largest value, in UTF-8 bytes. */
    public static final int MAX_VALUE_BYTES = 1024 * 1024;
    /** Most entries one {@link #list} call may ask for. */
    public static final int MAX_LIST = 1000;

    private final String pluginId;
    private final TreeMap<String, String> entries = new TreeMap<>(InMemoryPluginStorage::byCodePoint);

    /** Storage of a plugin called {@code test-plugin}. */
    public InMemoryPluginStorage() {
        this("test-plugin");
    }

    /** Storage of the given plugin id (it appears in error messages). */
    public InMemoryPluginStorage(String pluginId) {
        this.pluginId = pluginId;
    }

    /** Everything stored, in key order, for assertions. */
    public Map<String, String> entries() {
        return new LinkedHashMap<>(entries);
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String value) {
        checkEntry(key, value);
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        checkEntry(key, value);
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public void remove(String key) {
        checkKey(key);
        entries.remove(key);
    }

    @Override
    public Map<String, String> list(String prefix, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": list storage keys '" + prefix
                    + "…' with a limit between 1 and " + MAX_LIST + " (was " + limit + ")");
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix) || found.size() == limit) {
                break;
            }
            found.put(entry.getKey(), entry.getValue());
        }
        return found;
    }

    private void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": storage key '" + key + "' must be 1 to "
                    + MAX_KEY_LENGTH + " characters");
        }
        if (key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Plugin " + pluginId + ": storage key '" + key.replace('\0', '?')
                    + "' must not contain NUL characters");
        }
    }

    private void checkEntry(String key, String value) {
        checkKey(key);
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

    // the CRM compares keys byte-wise in UTF-8 (COLLATE "C"), which orders like code points
    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
