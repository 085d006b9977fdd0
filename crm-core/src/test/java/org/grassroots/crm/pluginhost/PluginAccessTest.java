package org.grassroots.crm.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Only admins reach plugin administration through the service, whatever screen or code calls it. */
class PluginAccessTest extends PluginHostTestSupport {

    private byte[] jar;

    @BeforeEach
    void aPluginToReach() {
        jar = TestPluginJars.plugin("guarded").jarBytes();
        admin.install("guarded.jar", new ByteArrayInputStream(jar));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORGANIZER", "FUNDRAISER", "VOLUNTEER_COORDINATOR", "ANALYST"})
    void everyMethodIsDeniedToOtherRoles(Role role) {
        SecurityContext admin = SecurityContextHolder.getContext();
        SecurityContext other = SecurityContextHolder.createEmptyContext();
        other.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(role.name().toLowerCase() + "-user",
                "n/a", AuthorityUtils.createAuthorityList(role.authority())));
        SecurityContextHolder.setContext(other);
        try {
            calls().forEach((name, call) -> assertThatThrownBy(call).as("%s as %s", name, role)
                    .isInstanceOf(AccessDeniedException.class));
        } finally {
            SecurityContextHolder.setContext(admin);
        }
        assertThat(plugin("guarded").status()).as("nothing changed").isEqualTo(PluginStatus.STARTED);
    }

    @Test
    void nothingIsReachableWithoutSigningIn() {
        SecurityContext admin = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            calls().forEach((name, call) -> assertThatThrownBy(call).as(name)
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class));
        } finally {
            SecurityContextHolder.setContext(admin);
        }
    }

    @Test
    void theDeniedCallsCoverEveryPublicMethod() {
        Set<String> methods = Arrays.stream(PluginAdminService.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers())).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(calls().keySet()).containsAll(methods);
    }

    @Test
    void runningATaskThePluginDoesNotHaveIsRefusedByName() {
        assertThatThrownBy(() -> admin.runNow("guarded", "nightly")).isInstanceOf(InvalidInputException.class)
                .hasMessage("Plugin guarded is not running or has no scheduled task 'nightly'.");
    }

    private Map<String, ThrowingCallable> calls() {
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("list", () -> admin.list());
        calls.put("find", () -> admin.find("guarded"));
        calls.put("maxUploadBytes", () -> admin.maxUploadBytes());
        calls.put("install", () -> admin.install("other.jar",
                new ByteArrayInputStream(TestPluginJars.plugin("other").version("2.0.0").jarBytes())));
        calls.put("upgrade", () -> admin.install("guarded.jar", new ByteArrayInputStream(jar)));
        calls.put("disable", () -> admin.disable("guarded"));
        calls.put("enable", () -> admin.enable("guarded"));
        calls.put("restart", () -> admin.restart("guarded"));
        calls.put("runNow", () -> admin.runNow("guarded", "any-task"));
        calls.put("uninstall", () -> admin.uninstall("guarded"));
        return calls;
    }
}
