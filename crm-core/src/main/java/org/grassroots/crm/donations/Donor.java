package org.grassroots.crm.donations;

import org.jspecify.annotations.Nullable;

/** The supporter a gift belongs to, as the donations screens name them. */
public record Donor(long personId, String name, @Nullable String email) {
}
