package org.grassroots.crm.listsync;

import java.util.List;
import java.util.Optional;

import org.grassroots.crm.listsync.internal.EmailListProviders;
import org.grassroots.crm.listsync.internal.ListProvider;
import org.grassroots.crm.listsync.internal.WebhookChanges;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.springframework.stereotype.Service;

/**
 * Webhook calls from e-mail services, which arrive with nobody signed in: the provider checks the call's secret or
 * signature ({@link EmailListProvider#parseWebhook}, behind the fault barrier), events already applied (by event id)
 * are dropped, and the rest is applied like a pull-back. No role check: the provider's secret is the authentication.
 */
@Service
public class ListSyncWebhooks {

    private final EmailListProviders lists;
    private final WebhookChanges changes;

    ListSyncWebhooks(EmailListProviders lists, WebhookChanges changes) {
        this.lists = lists;
        this.changes = changes;
    }

    /**
     * Takes one webhook call for the list {@code <pluginId>:<extensionId>}.
     *
     * @return what it did, or empty when no started plugin has that list
     * @throws WebhookRejectedException when the provider finds the call not genuine (403) or unreadable (400)
     */
    public Optional<WebhookReceipt> receive(String pluginId, String extensionId, WebhookRequest request)
            throws WebhookRejectedException {
        Optional<ListProvider> found = lists.find(ListProvider.key(pluginId, extensionId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ListProvider list = found.get();
        List<RemoteStatusChange> reported = list.call("parseWebhook", WebhookRejectedException.class,
                provider -> provider.parseWebhook(request));
        String source = list.call("sourceLabel", EmailListProvider::sourceLabel);
        return Optional.of(changes.apply(list.key(), list.displayName(), source, reported));
    }
}
