package org.grassroots.crm.plugin.api.email;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A change the provider reports, from a listing or a webhook.
 *
 * @param email    the member's address
 * @param status   the new state
 * @param at       when it happened at the provider
 * @param reason   the provider's reason (for example "hard bounce"), or {@code null}
 * @param newEmail the new address for {@link RemoteStatus#EMAIL_CHANGED}, else {@code null}
 * @param eventId  an id unique per event at the provider, used to ignore a webhook delivered twice; {@code null} when
 *                 the provider has none
 */
public record RemoteStatusChange(String email, RemoteStatus status, Instant at, @Nullable String reason,
        @Nullable String newEmail, @Nullable String eventId) {
}
