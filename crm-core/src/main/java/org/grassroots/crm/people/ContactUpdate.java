package org.grassroots.crm.people;

import org.jspecify.annotations.Nullable;

/**
 * New names, address and source for a supporter. {@code version} is the one the editor read; a supporter changed
 * by someone else meanwhile is refused rather than overwritten.
 */
public record ContactUpdate(long id, long version, @Nullable String firstName, @Nullable String lastName,
        PostalAddress address, @Nullable String source) {

    public ContactUpdate {
        address = address == null ? PostalAddress.empty() : address;
    }
}
