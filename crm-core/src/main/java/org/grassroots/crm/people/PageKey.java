package org.grassroots.crm.people;

/**
 * Where a page of the supporters list ended: the last row's sort value ({@code String} or {@code Instant}, or the id
 * itself for the id order) and id. The next page starts right after it (keyset pagination).
 */
public record PageKey(Object sortValue, long id) {
}
