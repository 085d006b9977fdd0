package org.grassroots.crm.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Method security on every service (JSR-250 {@code @RolesAllowed} and {@code @PreAuthorize}) and the password
 * encoder: Argon2id with the OWASP minimum (19 MiB, two passes, one lane) behind a delegating encoder, so stored
 * hashes carry their algorithm id and the parameters can be raised later without a flag day.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityCoreConfiguration {

    static final String ENCODER_ID = "argon2id";
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2id = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
        return new DelegatingPasswordEncoder(ENCODER_ID, Map.of(ENCODER_ID, argon2id));
    }
}
