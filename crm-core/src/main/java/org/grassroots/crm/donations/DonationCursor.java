package org.grassroots.crm.donations;

import java.time.LocalDate;

/** A position in the newest-first donations list: everything older than the gift ({@code receivedOn}, {@code id}). */
public record DonationCursor(LocalDate receivedOn, long id) {
}
