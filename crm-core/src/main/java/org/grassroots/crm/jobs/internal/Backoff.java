package org.grassroots.crm.jobs.internal;

import java.time.Duration;

import org.grassroots.crm.plugin.api.jobs.RetryPolicy;

/** The wait before a retry, as {@link RetryPolicy} describes it: doubling from the first delay, capped, jittered. */
final class Backoff {

    static final Duration CAP = Duration.ofHours(1);
    static final double MAX_JITTER = 0.2;

    private Backoff() {
    }

    /**
     * @param retry  1 for the first retry, 2 for the second …
     * @param random a number in [0, 1) that picks the jitter
     */
    static Duration beforeRetry(RetryPolicy policy, int retry, double random) {
        long millis = Math.min(policy.firstDelay().toMillis(), CAP.toMillis());
        for (int doubling = 1; doubling < retry && millis < CAP.toMillis(); doubling++) {
            millis = Math.min(millis * 2, CAP.toMillis());
        }
        return Duration.ofMillis(millis + (long) (millis * MAX_JITTER * random));
    }
}
