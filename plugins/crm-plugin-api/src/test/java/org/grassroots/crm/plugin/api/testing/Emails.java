package org.grassroots.crm.plugin.api.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How the CRM compares e-mail addresses: surrounding spaces removed, lower case. */
final class Emails {

    private Emails() {
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static String sha256(String normalisedEmail) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalisedEmail.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
