package org.grassroots.crm.listsync.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a provider reports (pulled back or by webhook) to the CRM, through the people feature's ledger with
 * its rules: an unsubscribe, bounce or complaint is recorded with the provider as its source; a remote subscribe may
 * opt in an address that never opted in, but never re-subscribes a protected one, which is instead marked for the
 * next push to unsubscribe it at the provider (or, for an erased address, to remove it there); an address change
 * gives the supporter the new address. An unsubscribe of a member the sync itself unsubscribed is the echo of that
 * push, not a decision of the supporter, and is skipped.
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
        Counts counts = new Counts();
        List<Pending> pending = new ArrayList<>();
        for (RemoteStatusChange change : changes) {
            if (change.status() == RemoteStatus.EMAIL_CHANGED) {
                flush(listKey, pending, counts);
                changeAddress(listKey, providerName, source, change, log, counts);
                continue;
            }
            String email = change.email().strip().toLowerCase(Locale.ROOT);
            String hash = ListSyncSql.sha256(email);
            Boolean memberBefore = members.get(hash);
            if (change.status() == RemoteStatus.UNSUBSCRIBED && Boolean.FALSE.equals(memberBefore)) {
                counts.skipped++;
                continue;
            }
            boolean subscribe = change.status() == RemoteStatus.SUBSCRIBED;
            // what the list holds now: a later unsubscribe of a member seen subscribed is the person's, not an echo
            members.put(hash, subscribe);
            pending.add(new Pending(new ReportedStatus(email, status(change.status()), cause(change, providerName),
                    source, change.at()), subscribe, memberBefore));
        }
        flush(listKey, pending, counts);
        return new Applied(counts.applied, counts.marked, counts.skipped);
    }

    private void changeAddress(String listKey, String providerName, String source, RemoteStatusChange change,
            Consumer<String> log, Counts counts) {
        if (change.newEmail() == null) {
            counts.skipped++;
            return;
        }
        ReportOutcome outcome = subscriptions.changeAddress(change.email(), change.newEmail(),
                "address changed at " + providerName, source, change.at());
        if (outcome == ReportOutcome.APPLIED) {
            sql.rekey(listKey, change.email(), change.newEmail());
            log.accept("A supporter changed their address at " + providerName
                    + "; the new address was added as their primary address");
            counts.applied++;
        } else {
            counts.skipped++;
        }
    }

    /**
     * A reported change waiting to be applied.
     *
     * @param memberBefore whether the list's member row said subscribed before this page, or null without a row
     */
    private record Pending(ReportedStatus report, boolean subscribe, @Nullable Boolean memberBefore) {
    }

    private static final class Counts {
        int applied;
        int marked;
        int skipped;
    }

    /**
     * Applies the pending status changes, then records what the list holds: a subscribe the ledger refused
     * (protected or erased address), or of a member the sync had unsubscribed, marks the member to be sent again so
     * the next push settles it; an address of the CRM's the list has without a member row (signed up or changed at
     * the provider) gets one, so a later protection or erasure reaches the provider.
     */
    private void flush(String listKey, List<Pending> pending, Counts counts) {
        if (pending.isEmpty()) {
            return;
        }
        List<ReportOutcome> outcomes = subscriptions.apply(pending.stream().map(Pending::report).toList());
        List<String> resend = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Pending change = pending.get(i);
            ReportOutcome outcome = outcomes.get(i);
            if (outcome == ReportOutcome.APPLIED) {
                counts.applied++;
            }
            String email = change.report().email();
            if (outcome == ReportOutcome.UNKNOWN_ADDRESS) {
                continue;
            }
            if (change.subscribe() && (outcome == ReportOutcome.REFUSED_PROTECTED
                    || Boolean.FALSE.equals(change.memberBefore()))) {
                resend.add(email);
                seen.remove(email);
            } else if (change.memberBefore() == null && !resend.contains(email)) {
                seen.put(email, change.subscribe());
            }
        }
        counts.marked += sql.markStale(listKey, resend);
        sql.recordSeen(listKey, seen);
        pending.clear();
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
