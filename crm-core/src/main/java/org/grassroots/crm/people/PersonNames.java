package org.grassroots.crm.people;

import org.jspecify.annotations.Nullable;

/** How a supporter is named on screen when some of their data is missing. */
final class PersonNames {

    private PersonNames() {
    }

    static String display(long id, @Nullable String firstName, @Nullable String lastName, @Nullable String email) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : "Supporter #" + id;
    }
}
