package org.grassroots.crm.petitions;

import org.jspecify.annotations.Nullable;

/**
 * A petition to create or the new values of one. A blank {@code slug} is derived from the title on creation and left
 * as it is on update, so links already shared keep working.
 */
public record PetitionDraft(@Nullable String title, @Nullable String slug, @Nullable String description,
        @Nullable String target, @Nullable Integer goal) {
}
