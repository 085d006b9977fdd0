package org.grassroots.crm.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.security.internal.AppUser;
import org.grassroots.crm.security.internal.AppUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a database with no staff accounts, creates {@code admin}: with the password from {@code CRM_ADMIN_PASSWORD},
 * or a random one printed once in the log and to be changed at first sign-in. There is never a fixed default.
 */
@Component
class FirstAdminInitializer implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog audit;
    private final Clock clock;
    private final String configuredPassword;

    FirstAdminInitializer(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            AuditLog audit, Clock clock, @Value("${CRM_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (!generated) {
            try {
                passwordPolicy.check("CRM_ADMIN_PASSWORD", password, ADMIN_USERNAME);
            } catch (RuntimeException e) {
                throw new IllegalStateException("CRM_ADMIN_PASSWORD is not acceptable: " + e.getMessage(), e);
            }
        }
        users.saveAndFlush(new AppUser(ADMIN_USERNAME, "Administrator", passwordEncoder.encode(password),
                Set.of(Role.ADMIN), generated, clock.instant()));
        audit.record(new AuditEntry("system", AuditAction.USER_CREATED, UserService.TARGET, ADMIN_USERNAME, null,
                Map.of("roles", "ADMIN", "password", generated ? "generated" : "CRM_ADMIN_PASSWORD")));
        if (generated) {
            log.warn("""

                    ==================================================================
                      First start: created the administrator account.
                        username: {}
                        password: {}
                      This password is shown once and must be changed at first sign-in.
                      Set CRM_ADMIN_PASSWORD before the first start to choose it instead.
                    ==================================================================
                    """, ADMIN_USERNAME, password);
        } else {
            log.info("First start: created the administrator account '{}' with the password from CRM_ADMIN_PASSWORD",
                    ADMIN_USERNAME);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
