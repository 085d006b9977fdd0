package org.grassroots.crm.exports.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crm.exports.*} (defaults in {@code crm-core.properties}).
 *
 * @param secondApprovalThreshold an export of more people than this needs a second administrator's approval
 * @param dir                     where the encrypted files are kept; every instance that runs jobs or serves
 *                                downloads must see the same folder
 * @param linkLifetime            how long a produced file, and each download link to it, lasts
 * @param sweepCron               when the expiry sweep runs (six-field cron, UTC); {@code -} for never
 */
@ConfigurationProperties("crm.exports")
public record ExportsProperties(long secondApprovalThreshold, Path dir, Duration linkLifetime, String sweepCron) {

    public ExportsProperties {
        if (secondApprovalThreshold < 0) {
            throw new IllegalArgumentException("crm.exports.second-approval-threshold must be 0 or more, was "
                    + secondApprovalThreshold);
        }
        if (dir == null) {
            throw new IllegalArgumentException("crm.exports.dir must name a folder");
        }
        if (linkLifetime == null || linkLifetime.isNegative() || linkLifetime.isZero()) {
            throw new IllegalArgumentException("crm.exports.link-lifetime must be positive, for example 7d");
        }
        sweepCron = sweepCron == null || sweepCron.isBlank() ? "-" : sweepCron.strip();
    }
}
