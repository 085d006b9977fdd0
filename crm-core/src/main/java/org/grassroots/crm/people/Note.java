package org.grassroots.crm.people;

import java.time.Instant;

/** A note a staff member wrote about a supporter; {@code author} is their username. */
public record Note(long id, String author, String body, Instant createdAt) {
}
