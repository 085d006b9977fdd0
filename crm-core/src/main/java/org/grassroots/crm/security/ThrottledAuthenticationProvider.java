package org.grassroots.crm.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in behind {@link LoginThrottle}: a locked account name or client is refused before the
 * password is even checked, and every wrong password counts against both.
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(CrmUserDetailsService userDetailsService, PasswordEncoder passwordEncoder,
            LoginThrottle throttle) {
        this.delegate = new DaoAuthenticationProvider(userDetailsService);
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String client = clientAddress(authentication.getDetails());
        throttle.lockRemaining(username, client).ifPresent(remaining -> {
            throw new LockedException("Too many failed sign-ins. Try again in " + minutes(remaining) + ".");
        });
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(username);
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            throttle.recordFailure(username, client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static @Nullable String clientAddress(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String minutes(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
