package org.grassroots.crm.exports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person's agreement to share their details with one partner.
 *
 * @param noticeText the exact wording the person saw and agreed to
 * @param source     where the agreement came from
 * @param givenAt    when the person agreed; {@code null} for now
 */
public record ConsentGrant(@Nullable String noticeText, ConsentSource source, @Nullable Instant givenAt) {
}
