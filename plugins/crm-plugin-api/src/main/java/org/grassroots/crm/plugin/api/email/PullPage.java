package org.grassroots.crm.plugin.api.email;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of members' states read back from the provider.
 *
 * @param changes    the states on this page
 * @param nextCursor pass to the next {@link EmailListProvider#pull} call, or {@code null} when this was the last page
 */
public record PullPage(List<RemoteStatusChange> changes, @Nullable String nextCursor) {

    public PullPage {
        changes = List.copyOf(changes);
    }
}
