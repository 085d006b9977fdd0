package org.grassroots.crm.volunteers;

import org.jspecify.annotations.Nullable;

/**
 * Where a page of the volunteers list ended: the last row's sort key (lower-case last name, null when there is none)
 * and id. The next page starts right after it, whatever its offset, so scrolling on stays as fast as the first page.
 */
public record VolunteerCursor(@Nullable String sortKey, long personId) {
}
