package org.grassroots.crm.people;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/** A US postal address; every part is optional. A missing state is derived from the ZIP. */
public record PostalAddress(@Nullable String street, @Nullable String city, @Nullable UsState state,
        @Nullable String zip) {

    public static PostalAddress empty() {
        return new PostalAddress(null, null, null, null);
    }
}
