package org.grassroots.crm.people;

import org.grassroots.crm.people.internal.ErasedEmails;
import org.springframework.stereotype.Component;

/**
 * The keyed hashes under which erased addresses are remembered, for bulk importers that keep such addresses out
 * with one set-based check instead of one query per row. Reveals no personal data, so it needs no role.
 */
@Component
public class ErasedAddresses {

    private final ErasedEmails erasedEmails;

    ErasedAddresses(ErasedEmails erasedEmails) {
        this.erasedEmails = erasedEmails;
    }

    /** The hash {@code erased_email.email_hash} holds for this normalised (trimmed, lower-case) address. */
    public byte[] hash(String normalisedEmail) {
        return erasedEmails.hash(normalisedEmail);
    }

    /** Whether anyone was ever erased; when not, importers can skip hashing altogether. */
    public boolean anyErased() {
        return erasedEmails.any();
    }
}
