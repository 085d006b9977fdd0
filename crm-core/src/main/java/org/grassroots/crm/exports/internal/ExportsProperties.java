package org.grassroots.crm.exports.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crm.exports.*} (defaults in {@code crm-core.properties}).
 *
 * @param secondApprovalThreshold an export of more people than this needs a second administrator's approval
 */
@ConfigurationProperties("crm.exports")
public record ExportsProperties(long secondApprovalThreshold) {

    public ExportsProperties {
        if (secondApprovalThreshold < 0) {
            throw new IllegalArgumentException("crm.exports.second-approval-threshold must be 0 or more, was "
                    + secondApprovalThreshold);
        }
    }
}
