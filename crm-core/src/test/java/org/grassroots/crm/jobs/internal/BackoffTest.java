package org.grassroots.crm.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.grassroots.crm.plugin.api.jobs.RetryPolicy;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final RetryPolicy policy = RetryPolicy.of(30, Duration.ofSeconds(10));

    @Test
    void doublesFromTheFirstDelay() {
        assertThat(Backoff.beforeRetry(policy, 1, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.beforeRetry(policy, 2, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.beforeRetry(policy, 3, 0)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void stopsGrowingAtOneHourEvenAfterManyRetries() {
        assertThat(Backoff.beforeRetry(policy, 9, 0)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(Backoff.beforeRetry(policy, 10, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.beforeRetry(policy, 29, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.beforeRetry(RetryPolicy.of(2, Duration.ofDays(2)), 1, 0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void addsUpToTwentyPercentJitter() {
        assertThat(Backoff.beforeRetry(policy, 2, 0.5)).isEqualTo(Duration.ofSeconds(22));
        assertThat(Backoff.beforeRetry(policy, 2, 0.999_999)).isLessThan(Duration.ofSeconds(24));
        assertThat(Backoff.beforeRetry(policy, 40, 0.999_999)).isLessThan(Duration.ofMinutes(72));
    }

    @Test
    void aZeroFirstDelayRetriesAtOnce() {
        assertThat(Backoff.beforeRetry(RetryPolicy.of(3, Duration.ZERO), 2, 0.7)).isZero();
    }
}
