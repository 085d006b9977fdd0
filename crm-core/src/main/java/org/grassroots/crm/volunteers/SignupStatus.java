package org.grassroots.crm.volunteers;

import java.util.EnumSet;
import java.util.Set;

/** Where a sign-up for a shift stands. Stored by name. */
public enum SignupStatus {
    SIGNED_UP("Signed up"),
    CONFIRMED("Confirmed"),
    ATTENDED("Attended"),
    NO_SHOW("No-show"),
    CANCELLED("Cancelled");

    /** The statuses that take one of a shift's places; a shift is full when this many reach its capacity. */
    public static final Set<SignupStatus> HOLDING_A_PLACE = EnumSet.of(SIGNED_UP, CONFIRMED, ATTENDED);

    private final String label;

    SignupStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean holdsAPlace() {
        return HOLDING_A_PLACE.contains(this);
    }
}
