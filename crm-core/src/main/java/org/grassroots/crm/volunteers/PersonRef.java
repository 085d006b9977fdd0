package org.grassroots.crm.volunteers;

import org.jspecify.annotations.Nullable;

/** Who a supporter is, as the volunteer screens name them: display name and primary e-mail. */
public record PersonRef(long id, String name, @Nullable String email) {
}
