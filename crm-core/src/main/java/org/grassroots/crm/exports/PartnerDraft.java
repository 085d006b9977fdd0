package org.grassroots.crm.exports;

import org.jspecify.annotations.Nullable;

/** What staff enter for a partner; {@code name} is required and unique whatever its case. */
public record PartnerDraft(@Nullable String name, @Nullable String contactName, @Nullable String contactEmail,
        @Nullable String notes) {
}
