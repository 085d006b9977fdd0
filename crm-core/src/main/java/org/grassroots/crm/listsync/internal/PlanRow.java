package org.grassroots.crm.listsync.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of a list's plan: a member to add, update, unsubscribe or remove.
 *
 * @param email       the address; null for {@link Category#REMOVE} (the CRM no longer holds it)
 * @param fingerprint what the member row records once sent (md5 of the sent fields)
 * @param remoteId    the provider's id of the member, when it was sent before
 */
public record PlanRow(Category category, @Nullable Long personId, @Nullable String email, String emailSha256,
        @Nullable String firstName, @Nullable String lastName, @Nullable String zip, @Nullable String state,
        List<String> tags, String fingerprint, @Nullable String remoteId) {

    /** The plan's categories; see {@link org.grassroots.crm.listsync.SyncPlan}. */
    public enum Category {
        ADD, UPDATE, UNSUBSCRIBE, REMOVE
    }

    /** Whether the member is sent as subscribed. */
    public boolean subscribed() {
        return category == Category.ADD || category == Category.UPDATE;
    }

    /** The same member sent as unsubscribed, because the CRM no longer has it as subscribed. */
    public PlanRow unsubscribed() {
        return new PlanRow(Category.UNSUBSCRIBE, personId, email, emailSha256, firstName, lastName, zip, state,
                tags, ListSyncSql.UNSUBSCRIBED_MID_SYNC, remoteId);
    }
}
