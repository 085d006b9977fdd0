package org.grassroots.crm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address and locks either for a while once it passes its
 * limit. Accounts are keyed by the name typed, whether or not it exists, so a lock never reveals which accounts
 * exist. Nothing sleeps: a locked attempt is refused at once. State is kept in memory (see ADR 0002).
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> accounts = new ConcurrentHashMap<>();
    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxAccountFailures;
    private final int maxClientFailures;
    private final Duration window;
    private final Duration lockDuration;

    LoginThrottle(Clock clock,
            @Value("${crm.security.login.max-account-failures:10}") int maxAccountFailures,
            @Value("${crm.security.login.max-client-failures:50}") int maxClientFailures,
            @Value("${crm.security.login.window:15m}") Duration window,
            @Value("${crm.security.login.lock-duration:15m}") Duration lockDuration) {
        this.clock = clock;
        this.maxAccountFailures = maxAccountFailures;
        this.maxClientFailures = maxClientFailures;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    /** How long sign-in stays refused for this account name or client address; empty when it is allowed. */
    public Optional<Duration> lockRemaining(String username, @Nullable String clientAddress) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(accountKey(username)), now);
        Duration client = clientAddress == null ? Duration.ZERO : remaining(clients.get(clientAddress), now);
        Duration longest = account.compareTo(client) >= 0 ? account : client;
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    public void recordFailure(String username, @Nullable String clientAddress) {
        Instant now = clock.instant();
        prune(now);
        accounts.compute(accountKey(username), (key, current) -> next(current, now, maxAccountFailures));
        if (clientAddress != null) {
            clients.compute(clientAddress, (key, current) -> next(current, now, maxClientFailures));
        }
    }

    /** A correct password clears the account's count; the client's count stays, so spraying names still trips it. */
    public void recordSuccess(String username) {
        accounts.remove(accountKey(username));
    }

    private Window next(@Nullable Window current, Instant now, int limit) {
        // A lock that has run out starts a fresh count; otherwise the next typo would lock again at once.
        boolean startAfresh = current == null || current.start().plus(window).isBefore(now)
                || current.lockedUntil() != null && !current.lockedUntil().isAfter(now);
        Window fresh = startAfresh ? new Window(now, 0, null) : current;
        int failures = fresh.failures() + 1;
        Instant lockedUntil = failures >= limit ? now.plus(lockDuration) : fresh.lockedUntil();
        return new Window(fresh.start(), failures, lockedUntil);
    }

    private static Duration remaining(@Nullable Window window, Instant now) {
        if (window == null || window.lockedUntil() == null || !window.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, window.lockedUntil());
    }

    private void prune(Instant now) {
        if (accounts.size() + clients.size() > MAX_TRACKED) {
            accounts.values().removeIf(w -> isStale(w, now));
            clients.values().removeIf(w -> isStale(w, now));
        }
    }

    private boolean isStale(Window w, Instant now) {
        return w.start().plus(window).isBefore(now) && (w.lockedUntil() == null || w.lockedUntil().isBefore(now));
    }

    private static String accountKey(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private record Window(Instant start, int failures, @Nullable Instant lockedUntil) {
    }
}
