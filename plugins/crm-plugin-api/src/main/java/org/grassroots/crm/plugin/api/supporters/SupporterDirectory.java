package org.grassroots.crm.plugin.api.supporters;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Port: read access to supporters, for plugins that sync or match them. Read-only; plugins change supporters only
 * through {@link SubscriptionLedger} and {@link org.grassroots.crm.plugin.api.petitions.ImportSink}.
 */
public interface SupporterDirectory {

    /** The supporter with this id (following merges), if any. */
    Optional<SupporterRecord> find(long id);

    /** The supporter who owns this e-mail address (any of their addresses; case and spaces ignored), if any. */
    Optional<SupporterRecord> findByEmail(String email);

    /**
     * How many supporters belong to the segment now.
     *
     * @throws IllegalArgumentException when the segment's {@link Segment#petitionSlug() petitionSlug} names no
     *                                  petition (the message names the slug)
     */
    long count(Segment segment);

    /**
     * Streams the segment's supporters in id order from a database cursor, so memory stays flat at any size.
     *
     * @param segment      who to include
     * @param changedSince only supporters changed after this instant, or {@code null} for all
     * @param action       called once per supporter, on the calling thread; it may throw
     *                     {@link org.grassroots.crm.plugin.api.jobs.JobCancelledException} to stop early
     * @return how many supporters were passed to {@code action}
     * @throws IllegalArgumentException when the segment's {@link Segment#petitionSlug() petitionSlug} names no
     *                                  petition (the message names the slug); nothing was passed to {@code action}
     */
    long forEach(Segment segment, @Nullable Instant changedSince, Consumer<SupporterRecord> action);
}
