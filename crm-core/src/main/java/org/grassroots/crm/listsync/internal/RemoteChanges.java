package org.grassroots.crm.listsync.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.grassroots.crm.people.ReportOutcome;
import org.grassroots.crm.people.ReportedStatus;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.people.SystemSubscriptions;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a provider reports (pulled back or by webhook) to the CRM, through the people feature's ledger with
 * its rules: an unsubscribe, bounce or complaint is recorded with the provider as its source; a remote subscribe may
 * opt in an address that never opted in, but never re-subscribes a protected one, which is instead marked for the
 * next push to unsubscribe it at the provider; an address change gives the supporter the new address. An unsubscribe
 * of a member the sync itself unsubscribed is the echo of that push, not a decision of the supporter, and is skipped.
 */
@Component
class RemoteChanges {

    private final SystemSubscriptions subscriptions;
    private final ListSyncSql sql;

    RemoteChanges(SystemSubscriptions subscriptions, ListSyncSql sql) {
        this.subscriptions = subscriptions;
        this.sql = sql;
    }

    /**
     * What applying a set of changes did.
     *
     * @param applied  changes that changed the CRM
     * @param resend   members marked to be sent again: seen subscribed at the provider while protected here, or
     *                 after the sync had unsubscribed them
     * @param skipped  changes that changed nothing, including echoes of the sync's own unsubscribes
     */
    record Applied(int applied, int resend, int skipped) {
    }

    /**
     * Applies the changes in order, in one transaction.
     *
     * @param providerName the provider's name for causes, for example "Mailchimp"
     * @param source       the provider's source label for the history
     * @param log          lines for the job log (no personal data)
     */
    @Transactional
    public Applied apply(String listKey, String providerName, String source, List<RemoteStatusChange> changes,
            Consumer<String> log) {
        Set<String> hashes = new LinkedHashSet<>();
        changes.forEach(change -> hashes.add(ListSyncSql.sha256(change.email())));
        Map<String, Boolean> members = sql.memberSubscribed(listKey, hashes);
        int applied = 0;
        int marked = 0;
        int skipped = 0;
        List<ReportedStatus> pending = new ArrayList<>();
        List<Subscribe> pendingSubscribes = new ArrayList<>();
        for (RemoteStatusChange change : changes) {
            if (change.status() == RemoteStatus.EMAIL_CHANGED) {
                int[] counts = flush(listKey, pending, pendingSubscribes);
                applied += counts[0];
                marked += counts[1];
                if (change.newEmail() == null) {
                    skipped++;
                    continue;
                }
                ReportOutcome outcome = subscriptions.changeAddress(change.email(), change.newEmail(),
                        "address changed at " + providerName, source, change.at());
                if (outcome == ReportOutcome.APPLIED) {
                    sql.rekey(listKey, change.email(), change.newEmail());
                    log.accept("A supporter changed their address at " + providerName
                            + "; the new address was added as their primary address");
                    applied++;
                } else {
                    skipped++;
                }
                continue;
            }
            String hash = ListSyncSql.sha256(change.email());
            if (change.status() == RemoteStatus.UNSUBSCRIBED && Boolean.FALSE.equals(members.get(hash))) {
                skipped++;
                continue;
            }
            pending.add(new ReportedStatus(change.email(), status(change.status()), cause(change, providerName),
                    source, change.at()));
            if (change.status() == RemoteStatus.SUBSCRIBED) {
                // subscribed there now: a later unsubscribe is the person's, not an echo of the sync's
                boolean syncHadUnsubscribed = Boolean.FALSE.equals(members.put(hash, true));
                pendingSubscribes.add(new Subscribe(change.email(), syncHadUnsubscribed));
            } else {
                pendingSubscribes.add(null);
            }
        }
        int[] counts = flush(listKey, pending, pendingSubscribes);
        applied += counts[0];
        marked += counts[1];
        return new Applied(applied, marked, skipped);
    }

    /** A remote subscribe waiting to be applied. */
    private record Subscribe(String email, boolean syncHadUnsubscribed) {
    }

    /**
     * Applies the pending status changes; a subscribe the ledger refused (protected address), or of a member the
     * sync had unsubscribed, marks the member to be sent again, so the next push settles it. Returns {applied,
     * marked}.
     */
    private int[] flush(String listKey, List<ReportedStatus> pending, List<Subscribe> subscribes) {
        if (pending.isEmpty()) {
            return new int[] {0, 0};
        }
        List<ReportOutcome> outcomes = subscriptions.apply(pending);
        int applied = 0;
        List<String> resend = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Subscribe subscribe = subscribes.get(i);
            if (outcomes.get(i) == ReportOutcome.APPLIED) {
                applied++;
            }
            if (subscribe != null && (outcomes.get(i) == ReportOutcome.REFUSED_PROTECTED
                    || subscribe.syncHadUnsubscribed())) {
                resend.add(subscribe.email().strip().toLowerCase(Locale.ROOT));
            }
        }
        int marked = sql.markStale(listKey, resend);
        pending.clear();
        subscribes.clear();
        return new int[] {applied, marked};
    }

    private static SubscriptionStatus status(RemoteStatus status) {
        return switch (status) {
            case SUBSCRIBED -> SubscriptionStatus.SUBSCRIBED;
            case UNSUBSCRIBED -> SubscriptionStatus.UNSUBSCRIBED;
            case BOUNCED -> SubscriptionStatus.BOUNCING;
            case COMPLAINED -> SubscriptionStatus.SPAM_COMPLAINT;
            case EMAIL_CHANGED -> throw new IllegalArgumentException("an address change has no status");
        };
    }

    private static String cause(RemoteStatusChange change, String providerName) {
        String what = switch (change.status()) {
            case SUBSCRIBED -> "subscribed at ";
            case UNSUBSCRIBED -> "unsubscribed at ";
            case BOUNCED -> "bounced at ";
            case COMPLAINED -> "spam complaint at ";
            case EMAIL_CHANGED -> "address changed at ";
        };
        String reason = change.reason() == null || change.reason().isBlank() ? "" : ": " + change.reason().strip();
        return what + providerName + reason;
    }
}
