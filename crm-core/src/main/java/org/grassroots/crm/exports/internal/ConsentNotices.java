package org.grassroots.crm.exports.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consent notices, stored once per distinct wording (found by the SHA-256 of the text). */
@Repository
public class ConsentNotices {

    private final JdbcClient jdbc;

    ConsentNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the notice with exactly this text, added when new. */
    public long idOf(String text) {
        byte[] digest = sha256(text);
        return jdbc.sql("""
                WITH added AS (
                    INSERT INTO consent_notice (text, text_sha256) VALUES (:text, :digest)
                    ON CONFLICT (text_sha256) DO NOTHING RETURNING id)
                SELECT id FROM added
                UNION ALL
                SELECT id FROM consent_notice WHERE text_sha256 = :digest
                LIMIT 1""")
                .param("text", text).param("digest", digest).query(Long.class).single();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
