package org.grassroots.crm.volunteers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One person's sign-up on a shift's list. {@code person} is null for a sign-up whose person was erased: the place
 * and hours still count for the event.
 */
public record SignupRow(long id, long shiftId, @Nullable PersonRef person, SignupStatus status,
        @Nullable BigDecimal hours) {
}
