package org.grassroots.crm.listsync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.listsync.WebhookReceipt;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies a webhook's changes once: event ids are remembered in the same transaction as the changes they made. */
@Component
public class WebhookChanges {

    private static final Logger log = LoggerFactory.getLogger(WebhookChanges.class);

    private final ListSyncSql sql;
    private final RemoteChanges remote;
    private final Clock clock;

    WebhookChanges(ListSyncSql sql, RemoteChanges remote, Clock clock) {
        this.sql = sql;
        this.remote = remote;
        this.clock = clock;
    }

    @Transactional
    public WebhookReceipt apply(String listKey, String providerName, String source, List<RemoteStatusChange> changes) {
        Set<String> fresh = sql.firstSeen(listKey, changes.stream().map(RemoteStatusChange::eventId)
                .filter(id -> id != null).toList(), clock.instant());
        List<RemoteStatusChange> toApply = new ArrayList<>();
        for (RemoteStatusChange change : changes) {
            if (change.eventId() == null || fresh.remove(change.eventId())) {
                toApply.add(change);
            }
        }
        RemoteChanges.Applied applied = remote.apply(listKey, providerName, source, toApply,
                line -> log.info("List {}: {}", listKey, line));
        return new WebhookReceipt(changes.size(), changes.size() - toApply.size(), applied.applied());
    }
}
