package org.grassroots.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.crm.security.internal.AppUserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
class FirstAdminInitializerTest {

    @Autowired
    AppUserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void firstStartCreatesAdminWithTheConfiguredPasswordHashedWithArgon2id() {
        var admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getRoles()).containsExactly(Role.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwordEncoder.matches("correct-horse-battery-staple", admin.getPasswordHash())).isTrue();
        assertThat(admin.isMustChangePassword()).isFalse();
    }
}
