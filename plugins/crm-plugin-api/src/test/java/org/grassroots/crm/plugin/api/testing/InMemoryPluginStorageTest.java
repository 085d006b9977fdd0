package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryPluginStorageTest {

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage("email-list-sync");

    @Test
    void storesReplacesAndRemoves() {
        storage.put("cursor", "1");
        storage.put("cursor", "2");
        assertThat(storage.putIfAbsent("cursor", "3")).isFalse();
        assertThat(storage.putIfAbsent("seen:evt_1", "x")).isTrue();

        assertThat(storage.get("cursor")).contains("2");
        storage.remove("cursor");
        storage.remove("cursor");
        assertThat(storage.entries()).containsOnlyKeys("seen:evt_1");
    }

    @Test
    void listTakesThePrefixLiterallyInCodePointOrder() {
        storage.put("map:b", "2");
        storage.put("map:a", "1");
        storage.put("map:é", "3");
        storage.put("map:Z", "0");
        storage.put("mapX", "-");
        storage.put("100%_x", "literal");
        storage.put("100ab", "not under 100%_");

        assertThat(storage.list("map:", 10).keySet()).containsExactly("map:Z", "map:a", "map:b", "map:é");
        assertThat(storage.list("map:", 2).keySet()).containsExactly("map:Z", "map:a");
        assertThat(storage.list("100%_", 10).keySet()).containsExactly("100%_x");
        assertThat(storage.list("", 1000)).hasSize(7);
    }

    @Test
    void limitsMatchTheCrm() {
        assertThatThrownBy(() -> storage.put("k".repeat(201), "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email-list-sync");
        assertThatThrownBy(() -> storage.get("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put("big", "é".repeat(512 * 1024 + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 MB");
        assertThatThrownBy(() -> storage.put("nul", "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.list("", 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.list("", 0)).isInstanceOf(IllegalArgumentException.class);

        storage.put("k".repeat(200), "x".repeat(1024 * 1024));
        assertThat(storage.entries()).hasSize(1);
    }
}
