package org.grassroots.crm.exports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a person's consent history: a grant (with the notice and its source) or a withdrawal (with a note).
 *
 * @param occurredAt when the person decided; {@code recordedAt} is when the CRM learnt it
 */
public record ConsentEvent(long id, long personId, long partnerId, String partnerName, Kind kind, Instant occurredAt,
        @Nullable String noticeText, @Nullable ConsentSource source, @Nullable String note, String recordedBy,
        Instant recordedAt) {

    public enum Kind {
        GRANTED, WITHDRAWN
    }
}
