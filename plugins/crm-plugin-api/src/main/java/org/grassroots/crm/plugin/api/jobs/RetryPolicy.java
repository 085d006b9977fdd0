package org.grassroots.crm.plugin.api.jobs;

import java.time.Duration;

/**
 * How often and how soon the host retries a job that failed with an exception. The n-th retry waits
 * {@code firstDelay × 2^(n-1)}, capped at one hour, plus up to 20% random jitter so instances do not retry in step.
 *
 * @param maxAttempts the most attempts in all, including the first; 1 means never retry
 * @param firstDelay  the wait before the first retry
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    /** Run once; a failure is final. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("firstDelay must not be negative");
        }
    }

    /** Up to {@code maxAttempts} attempts, the first retry after {@code firstDelay}. */
    public static RetryPolicy of(int maxAttempts, Duration firstDelay) {
        return new RetryPolicy(maxAttempts, firstDelay);
    }
}
