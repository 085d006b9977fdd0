package org.grassroots.crm.security.ui;

import java.io.IOException;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Web security: Vaadin's configurer (login view, CSRF for Vaadin requests, view access control) and a failure
 * handler that tells a locked sign-in from a wrong password without naming accounts. Sign-in itself goes through
 * the core's {@code ThrottledAuthenticationProvider} bean, which Spring Security picks up as the only provider
 * (registering it here as well would make the parent manager try it twice and count every failure double).
 * Spring Security changes the session id at sign-in (session fixation protection) by default.
 */
@Configuration
@EnableWebSecurity
class WebSecurityConfiguration {

    static final String LOCKED_URL = "/login?locked";
    static final String FAILED_URL = "/login?error";
    static final String ENDED_URL = "/login?ended";
    static final String WEBHOOKS = "/hooks/lists/**";

    /** Knows every signed-in session, so an admin's change to an account can end that person's sessions. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry)
                .expiredUrl(ENDED_URL));
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles.css", "/images/**").permitAll());
        // e-mail services' webhooks: no login and no CSRF token; the provider checks the secret in the URL or the
        // call's signature (ListWebhookController)
        http.authorizeHttpRequests(auth -> auth.requestMatchers(WEBHOOKS).permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOKS));
        // any other address needs a signed-in user rather than being denied outright, so a mistyped or bookmarked
        // address gets the application's own "not found" page instead of a bare 403
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(any -> any.authenticated()));
        http.formLogin(form -> form.failureHandler(new LoginFailureHandler()));
        return http.build();
    }

    private static final class LoginFailureHandler implements AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException, ServletException {
            String target = exception instanceof LockedException ? LOCKED_URL : FAILED_URL;
            response.sendRedirect(request.getContextPath() + target);
        }
    }
}
