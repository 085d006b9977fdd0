package org.grassroots.crm.donations.internal;

import org.grassroots.crm.donations.Donor;
import org.jspecify.annotations.Nullable;

/** A supporter as far as donations care: who they are, and whether they can still receive gifts. */
public record PersonState(Donor donor, boolean erased, @Nullable Long mergedIntoId) {
}
