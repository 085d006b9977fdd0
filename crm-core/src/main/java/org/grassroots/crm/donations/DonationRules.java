package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.internal.DonorDirectory;
import org.grassroots.crm.donations.internal.PersonState;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** The checks gifts and recurring plans share: the donor, the amount, dates, and free text. */
@Component
class DonationRules {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final DonorDirectory directory;
    private final Clock clock;

    DonationRules(DonorDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    ElectionCycle currentCycle() {
        return ElectionCycle.containing(today());
    }

    /** The donor by id when given, else by email; they must exist and be neither erased nor merged away. */
    Donor donor(@Nullable Long personId, @Nullable String email) {
        String field = personId != null ? "personId" : "email";
        PersonState state;
        if (personId != null) {
            state = directory.byId(personId).orElseThrow(
                    () -> new InvalidInputException(field, "No supporter has the number " + personId + "."));
        } else {
            if (email == null || email.isBlank()) {
                throw new InvalidInputException(field, "Enter the donor's email address.");
            }
            state = directory.byEmail(email).orElseThrow(() -> new InvalidInputException(field,
                    "No supporter has the email " + email.trim() + ". Add them as a supporter first."));
        }
        if (state.erased()) {
            throw new InvalidInputException(field, "This supporter was erased; gifts can no longer be linked to them.");
        }
        if (state.mergedIntoId() != null) {
            throw new InvalidInputException(field, "This supporter was merged into supporter #"
                    + state.mergedIntoId() + "; record it there.");
        }
        return state.donor();
    }

    /** More than zero, whole cents, less than ten million dollars. */
    BigDecimal amount(@Nullable BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInputException("amount", "Enter the amount.");
        }
        if (amount.signum() <= 0) {
            throw new InvalidInputException("amount", "The amount must be more than zero.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "Use at most two decimals (whole cents).");
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidInputException("amount", "The amount must be less than $10,000,000.");
        }
        return amount.setScale(2);
    }

    /** A date that has happened: today (UTC, which is never behind a US calendar) or earlier. */
    LocalDate notInFuture(String field, @Nullable LocalDate date) {
        LocalDate checked = required(field, date, "Enter the date.");
        if (checked.isAfter(today())) {
            throw new InvalidInputException(field, "The date cannot be in the future.");
        }
        if (checked.isBefore(EARLIEST)) {
            throw new InvalidInputException(field, "Check the year: the date is before 1900.");
        }
        return checked;
    }

    <T> T required(String field, @Nullable T value, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }

    /** Trimmed, null when blank, at most {@code maxLength} characters. */
    @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, "Use at most " + maxLength + " characters.");
        }
        return trimmed;
    }

    /** How a refusal names an already recorded platform id, e.g. "This ActBlue donation (id AB-1)". */
    /**
     * Runs a write now, so a platform id recorded meanwhile by someone else (the unique constraint on platform and
     * external id) is reported on its field instead of as a database error.
     */
    static <T> T savedNow(Supplier<T> write, String what, DonationPlatform platform, @Nullable String externalId) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            if (externalId == null) {
                throw e;
            }
            throw new InvalidInputException("externalId", recordedElsewhere(what, platform, externalId));
        }
    }

    static String recordedElsewhere(String what, DonationPlatform platform, String externalId) {
        return switch (platform) {
            case MANUAL -> "A " + what + " entered by staff with reference " + externalId + " is already recorded.";
            case OTHER -> "A " + what + " from another platform with id " + externalId + " is already recorded.";
            default -> "This " + platform.label() + " " + what + " (id " + externalId + ") is already recorded.";
        };
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
