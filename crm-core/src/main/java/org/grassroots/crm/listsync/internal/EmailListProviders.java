package org.grassroots.crm.listsync.internal;

import java.util.List;
import java.util.Optional;

/** The lists the sync can reach: one per started {@link org.grassroots.crm.plugin.api.email.EmailListProvider}. */
public interface EmailListProviders {

    /** The started lists, by key. */
    List<ListProvider> started();

    /** A started list by key. */
    default Optional<ListProvider> find(String key) {
        return started().stream().filter(list -> list.key().equals(key)).findFirst();
    }
}
