package org.grassroots.crm.plugin.api.petitions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One parsed and mapped row of a petition file, handed to a {@link SignatureBatch}. Values are as they appear in the
 * file, trimmed; core normalises (lower-cases e-mails, formats phones, derives the state from the ZIP) and checks them.
 *
 * @param line       the row's line number in the file (the header is line 1), for the rejected-rows report
 * @param email      e-mail address, or {@code null}
 * @param firstName  first name, or {@code null}
 * @param lastName   last name, or {@code null}
 * @param phone      phone number in any common format, or {@code null}
 * @param address1   street address, or {@code null}
 * @param address2   second address line, or {@code null}
 * @param city       city, or {@code null}
 * @param state      state code or name, or {@code null}
 * @param zip        ZIP or ZIP+4, or {@code null}
 * @param signedAt   when the row was signed, or {@code null} for "when imported"
 * @param comment    the signer's comment, or {@code null}
 * @param externalId the signature's id at the source, or {@code null}
 * @param optIn      whether the row's opt-in column said yes; {@code null} when there is no such column
 * @param source     the row's source or referrer, or {@code null}
 */
public record ImportedSignature(long line, @Nullable String email, @Nullable String firstName,
        @Nullable String lastName, @Nullable String phone, @Nullable String address1, @Nullable String address2,
        @Nullable String city, @Nullable String state, @Nullable String zip, @Nullable Instant signedAt,
        @Nullable String comment, @Nullable String externalId, @Nullable Boolean optIn, @Nullable String source) {
}
