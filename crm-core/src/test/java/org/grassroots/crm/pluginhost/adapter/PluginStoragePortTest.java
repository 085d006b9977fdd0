package org.grassroots.crm.pluginhost.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.grassroots.crm.plugin.api.storage.PluginStorage;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class PluginStoragePortTest {

    @Autowired
    PluginPortSource<PluginStorage> port;

    @Autowired
    PlatformTransactionManager transactions;

    private String pluginId;
    private PluginStorage storage;

    @BeforeEach
    void newPlugin() {
        pluginId = "storage-" + UUID.randomUUID().toString().substring(0, 8);
        storage = storage(pluginId);
    }

    @Test
    void putGetReplaceAndRemove() {
        assertThat(port.portType()).isEqualTo(PluginStorage.class);
        assertThat(storage.get("cursor")).isEmpty();

        storage.put("cursor", "2024-05-01T00:00:00Z");
        storage.put("cursor", "2024-06-01T00:00:00Z");

        assertThat(storage.get("cursor")).contains("2024-06-01T00:00:00Z");
        storage.remove("cursor");
        storage.remove("cursor");
        assertThat(storage.get("cursor")).isEmpty();
    }

    @Test
    void putIfAbsentStoresOnlyTheFirstValue() {
        assertThat(storage.putIfAbsent("webhook:evt_1", "seen")).isTrue();
        assertThat(storage.putIfAbsent("webhook:evt_1", "again")).isFalse();

        assertThat(storage.get("webhook:evt_1")).contains("seen");
    }

    @Test
    void listTakesThePrefixLiterallyInKeyOrderUpToTheLimit() {
        storage.put("map:b", "2");
        storage.put("map:a", "1");
        storage.put("map:c", "3");
        storage.put("mapX", "not under map:");
        storage.put("100%_done", "literal");
        storage.put("100xydone", "would match an unescaped LIKE");
        storage.put("a\\b", "backslash");

        assertThat(storage.list("map:", 10)).containsExactly(entry("map:a", "1"), entry("map:b", "2"),
                entry("map:c", "3"));
        assertThat(storage.list("map:", 2).keySet()).containsExactly("map:a", "map:b");
        assertThat(storage.list("100%_", 10).keySet()).containsExactly("100%_done");
        assertThat(storage.list("a\\", 10).keySet()).containsExactly("a\\b");
        assertThat(storage.list("", 100)).hasSize(7);
    }

    @Test
    void eachPluginSeesOnlyItsOwnKeys() {
        PluginStorage other = storage("other-" + pluginId);
        storage.put("shared-name", "mine");
        other.put("shared-name", "theirs");

        assertThat(storage.get("shared-name")).contains("mine");
        assertThat(other.get("shared-name")).contains("theirs");
        assertThat(other.list("", 10)).containsOnlyKeys("shared-name");
    }

    @Test
    void limitsAreEnforcedWithMessagesNamingPluginAndKey() {
        String longKey = "k".repeat(201);

        assertThatThrownBy(() -> storage.put(longKey, "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pluginId).hasMessageContaining("200");
        assertThatThrownBy(() -> storage.put("", "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pluginId);
        assertThatThrownBy(() -> storage.put("big", "é".repeat(512 * 1024 + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(pluginId)
                .hasMessageContaining("'big'").hasMessageContaining("1 MB");
        assertThatThrownBy(() -> storage.list("map:", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pluginId);
        assertThatThrownBy(() -> storage.list("map:", 1001)).isInstanceOf(IllegalArgumentException.class);

        storage.put("k".repeat(200), "x".repeat(1024 * 1024));
        assertThat(storage.get("k".repeat(200))).hasValueSatisfying(v -> assertThat(v).hasSize(1024 * 1024));
    }

    @Test
    void writesCommitOnTheirOwnEvenInsideAReadOnlyTransactionThatRollsBack() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        readOnly.executeWithoutResult(status -> {
            storage.put("from-inside", "kept");
            status.setRollbackOnly();
        });

        assertThat(storage.get("from-inside")).contains("kept");
    }

    private PluginStorage storage(String id) {
        return port.forPlugin(new PluginScope(id, getClass().getClassLoader(), List::of));
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
