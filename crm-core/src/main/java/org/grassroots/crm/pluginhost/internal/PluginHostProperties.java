package org.grassroots.crm.pluginhost.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code crm.plugins.*}; the defaults are in {@code crm-core.properties} and {@code docs/operations.md}.
 *
 * @param enabled       whether the host loads and starts plugins at all
 * @param dir           the plugins folder (created when missing)
 * @param bundled       bundled plugins installed at start: jar or zip files, folders holding them, or glob patterns
 * @param maxSize       the largest upload accepted
 * @param callTimeout   how long a call into a plugin may take before the plugin is marked failed
 * @param allowedSha256 when not empty, only files with one of these SHA-256 hashes (hex) are installed or started
 */
@ConfigurationProperties("crm.plugins")
public record PluginHostProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/plugins") Path dir,
        @DefaultValue List<String> bundled,
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue("30s") Duration callTimeout,
        @DefaultValue List<String> allowedSha256) {

    public PluginHostProperties {
        dir = dir.toAbsolutePath().normalize();
        bundled = bundled.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        allowedSha256 = allowedSha256.stream().map(hash -> hash.trim().toLowerCase(Locale.ROOT))
                .filter(hash -> !hash.isEmpty()).toList();
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("crm.plugins.max-size must be positive");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("crm.plugins.call-timeout must be positive");
        }
    }

    /** The limit as people read it, for example "20 MB". */
    public String maxSizeText() {
        return sizeText(maxSize.toBytes());
    }

    static String sizeText(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
