package org.grassroots.crm.people.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyed hashes (HMAC-SHA-256) of erased e-mail addresses. The key comes from {@code crm.privacy.hash-key} or
 * {@code CRM_PRIVACY_HASH_KEY}; without one, a random 32-byte key is generated once and kept in the database, so
 * hashes stay comparable across restarts and instances. The key is never logged.
 */
@Repository
public class ErasedEmails {

    static final String KEY_PROPERTY = "crm.privacy.hash-key";
    static final String KEY_VARIABLE = "CRM_PRIVACY_HASH_KEY";
    private static final int MIN_CONFIGURED_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final JdbcClient jdbc;
    private final Environment environment;
    private final TransactionTemplate ownTransaction;
    private volatile SecretKeySpec key;

    ErasedEmails(JdbcClient jdbc, Environment environment, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void remember(String normalisedEmail) {
        jdbc.sql("INSERT INTO erased_email (email_hash) VALUES (:hash) ON CONFLICT DO NOTHING")
                .param("hash", hash(normalisedEmail)).update();
    }

    public boolean contains(String normalisedEmail) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM erased_email WHERE email_hash = :hash)")
                .param("hash", hash(normalisedEmail)).query(Boolean.class).single();
    }

    /** Which of these normalised addresses belonged to someone who was erased. */
    public Set<String> erasedAmong(Collection<String> normalisedEmails) {
        if (normalisedEmails.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        normalisedEmails.forEach(email -> byHash.put(HexFormat.of().formatHex(hash(email)), email));
        return jdbc.sql("""
                SELECT encode(email_hash, 'hex') FROM erased_email
                WHERE email_hash IN (SELECT decode(h, 'hex') FROM unnest(CAST(:hashes AS text[])) AS h)
                """)
                .param("hashes", byHash.keySet().toArray(String[]::new))
                .query(String.class).list().stream().map(byHash::get).collect(Collectors.toSet());
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM erased_email)").query(Boolean.class).single();
    }

    public byte[] hash(String normalisedEmail) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(normalisedEmail.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec loaded = key;
        if (loaded == null) {
            loaded = new SecretKeySpec(configuredKey(), ALGORITHM);
            key = loaded;
        }
        return loaded;
    }

    private byte[] configuredKey() {
        String configured = environment.getProperty(KEY_PROPERTY, environment.getProperty(KEY_VARIABLE, ""));
        if (!configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_CONFIGURED_KEY_BYTES) {
                throw new IllegalStateException(KEY_PROPERTY + " must be at least " + MIN_CONFIGURED_KEY_BYTES
                        + " bytes long");
            }
            return bytes;
        }
        // committed on its own, so the key survives even when the caller's transaction rolls back or is read-only
        return ownTransaction.execute(status -> {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            jdbc.sql("INSERT INTO privacy_hash_key (id, key_bytes) VALUES (1, :key) ON CONFLICT (id) DO NOTHING")
                    .param("key", generated).update();
            return jdbc.sql("SELECT key_bytes FROM privacy_hash_key WHERE id = 1").query(byte[].class).single();
        });
    }
}
