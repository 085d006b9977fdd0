package org.grassroots.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String CLIENT = "203.0.113.7";
    private static final String OTHER_CLIENT = "198.51.100.20";
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 10, 50, FIFTEEN_MINUTES, FIFTEEN_MINUTES);

    @Test
    void nineFailuresDoNotLockTheAccount() {
        fail("alice", CLIENT, 9);

        assertThat(throttle.lockRemaining("alice", CLIENT)).isEmpty();
    }

    @Test
    void theTenthFailureLocksTheAccountForFifteenMinutesFromAnyClient() {
        fail("alice", CLIENT, 10);

        assertThat(throttle.lockRemaining("alice", CLIENT)).contains(FIFTEEN_MINUTES);
        assertThat(throttle.lockRemaining("alice", OTHER_CLIENT)).contains(FIFTEEN_MINUTES);
        assertThat(throttle.lockRemaining(" Alice ", null)).as("names are matched as typed at sign-in").isPresent();
        assertThat(throttle.lockRemaining("bob", CLIENT)).as("ten failures do not lock the client").isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.lockRemaining("alice", CLIENT)).contains(Duration.ofMinutes(1));
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        fail("alice", CLIENT, 9);
        clock.advance(Duration.ofMinutes(16));
        fail("alice", CLIENT, 9);

        assertThat(throttle.lockRemaining("alice", CLIENT)).isEmpty();
    }

    @Test
    void theLockExpiresAndTheAccountGetsItsFullNumberOfAttemptsBack() {
        fail("alice", CLIENT, 10);

        clock.advance(FIFTEEN_MINUTES);
        assertThat(throttle.lockRemaining("alice", CLIENT)).isEmpty();

        fail("alice", CLIENT, 9);
        assertThat(throttle.lockRemaining("alice", CLIENT)).isEmpty();
        fail("alice", CLIENT, 1);
        assertThat(throttle.lockRemaining("alice", CLIENT)).contains(FIFTEEN_MINUTES);
    }

    @Test
    void fiftyFailuresFromOneClientLockThatClientForEveryUsername() {
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure("sprayed-" + i, CLIENT);
        }
        assertThat(throttle.lockRemaining("carol", CLIENT)).isEmpty();

        throttle.recordFailure("sprayed-49", CLIENT);

        assertThat(throttle.lockRemaining("carol", CLIENT)).contains(FIFTEEN_MINUTES);
        assertThat(throttle.lockRemaining("carol", OTHER_CLIENT)).as("other clients may still sign in").isEmpty();
        clock.advance(FIFTEEN_MINUTES);
        assertThat(throttle.lockRemaining("carol", CLIENT)).isEmpty();
    }

    @Test
    void successClearsTheAccountCountButNotTheClientCount() {
        fail("alice", CLIENT, 9);
        throttle.recordSuccess("alice");

        fail("alice", CLIENT, 9);
        assertThat(throttle.lockRemaining("alice", OTHER_CLIENT)).isEmpty();
        fail("alice", CLIENT, 1);
        assertThat(throttle.lockRemaining("alice", OTHER_CLIENT)).as("nine plus one after the success").isPresent();

        // the client has failed 19 times so far; 31 more across other names reach its limit of 50
        for (int i = 0; i < 31; i++) {
            throttle.recordFailure("other-" + i, CLIENT);
        }
        assertThat(throttle.lockRemaining("dave", CLIENT)).contains(FIFTEEN_MINUTES);
    }

    @Test
    void unknownNamesLockExactlyLikeRealOnes() {
        fail("admin", CLIENT, 10);
        fail("no-such-user-anywhere", OTHER_CLIENT, 10);

        assertThat(throttle.lockRemaining("no-such-user-anywhere", null))
                .isPresent()
                .isEqualTo(throttle.lockRemaining("admin", null));
    }

    @Test
    void failuresWithoutAClientAddressCountOnlyAgainstTheAccount() {
        fail("alice", null, 10);

        assertThat(throttle.lockRemaining("alice", null)).contains(FIFTEEN_MINUTES);
        assertThat(throttle.lockRemaining("bob", null)).isEmpty();
    }

    private void fail(String username, String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, client);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
