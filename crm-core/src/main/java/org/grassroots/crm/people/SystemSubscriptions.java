package org.grassroots.crm.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.crm.people.internal.ErasedEmails;
import org.grassroots.crm.people.internal.SubscriptionLedgerSql;
import org.grassroots.crm.people.internal.SubscriptionLedgerSql.LockedAddress;
import org.grassroots.crm.people.internal.SubscriptionLedgerSql.StatusWrite;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscription state for systems rather than staff: e-mail list syncs and plugins, which run with nobody signed in.
 * It enforces the rule such systems must never break: nothing here subscribes an address that is not subscribed
 * (unsubscribed, bouncing, complained or erased addresses stay so), and nothing creates an address.
 *
 * <p>There is no role check, because there is no user to check: the plugin host's port adapters call this as the
 * system. An architecture test allows only the people feature and {@code pluginhost.adapter} to use it; staff change
 * statuses through {@link PersonEmailService}, which is secured and records the staff member as the source.
 */
@Service
public class SystemSubscriptions {

    /** The most entries one {@link #changesSince} call returns. */
    public static final int MAX_READ = 10_000;
    static final int CHUNK = 1_000;
    static final int MAX_TEXT = 200;
    private static final int LOCK_ATTEMPTS = 10;

    private final SubscriptionLedgerSql ledger;
    private final ErasedEmails erasedEmails;
    private final Clock clock;

    SystemSubscriptions(SubscriptionLedgerSql ledger, ErasedEmails erasedEmails, Clock clock) {
        this.ledger = ledger;
        this.erasedEmails = erasedEmails;
        this.clock = clock;
    }

    /** The address's status, if a supporter has it. */
    @Transactional(readOnly = true)
    public Optional<SubscriptionStatus> status(String email) {
        return ledger.statusOf(normalise(email));
    }

    /** Whether the address belonged to someone who was erased (only a keyed hash of it is kept). */
    @Transactional(readOnly = true)
    public boolean isErased(String email) {
        return !erasedEmails.erasedAmong(List.of(normalise(email))).isEmpty();
    }

    /**
     * Applies reported changes in order, in the caller's transaction: each address ends with its last applied
     * status, each applied change is a history row with its cause and source, and each person's {@code updated_at}
     * moves. Returns one outcome per change.
     */
    @Transactional
    public List<ReportOutcome> apply(List<ReportedStatus> changes) {
        ledger.lockForWriting();
        Instant now = clock.instant();
        List<ReportOutcome> outcomes = new ArrayList<>(changes.size());
        for (int from = 0; from < changes.size(); from += CHUNK) {
            List<ReportedStatus> chunk = changes.subList(from, Math.min(changes.size(), from + CHUNK));
            Set<String> emails = new LinkedHashSet<>();
            chunk.forEach(change -> emails.add(normalise(change.email())));
            Map<String, LockedAddress> addresses = ledger.lockAddresses(emails);
            emails.removeAll(addresses.keySet());
            Set<String> erased = erasedEmails.erasedAmong(emails);
            List<StatusWrite> writes = new ArrayList<>();
            for (ReportedStatus change : chunk) {
                String email = normalise(change.email());
                LockedAddress address = addresses.get(email);
                SubscriptionStatus wanted = change.status();
                if (address == null) {
                    outcomes.add(!erased.contains(email) ? ReportOutcome.UNKNOWN_ADDRESS
                            : wanted == SubscriptionStatus.SUBSCRIBED ? ReportOutcome.REFUSED_PROTECTED
                            : ReportOutcome.UNCHANGED);
                } else if (address.status() == wanted) {
                    outcomes.add(ReportOutcome.UNCHANGED);
                } else if (wanted == SubscriptionStatus.SUBSCRIBED && address.status().isProtected()) {
                    outcomes.add(ReportOutcome.REFUSED_PROTECTED);
                } else {
                    Instant at = change.at().isAfter(now) ? now : change.at();
                    writes.add(new StatusWrite(address.id(), address.personId(), email, wanted,
                            text(change.cause(), "Reported without a cause"), text(change.source(), "unknown"), at));
                    addresses.put(email, new LockedAddress(address.id(), address.personId(), email, wanted));
                    outcomes.add(ReportOutcome.APPLIED);
                }
            }
            ledger.write(writes, now);
        }
        return outcomes;
    }

    /**
     * An address changed at an e-mail service: the new address joins the old one's owner as primary, with the old
     * one's status (so a protected address stays protected under its new name), recorded in the history with the
     * cause and source; the old address stays on file. Nothing happens when the old address is unknown
     * ({@link ReportOutcome#UNKNOWN_ADDRESS}), the new one is not an address, already on file or erased
     * ({@link ReportOutcome#UNCHANGED}).
     */
    @Transactional
    public ReportOutcome changeAddress(String oldEmail, String newEmail, String cause, String source, Instant at) {
        Optional<String> wanted = EmailAddresses.normalise(newEmail);
        if (wanted.isEmpty()) {
            return ReportOutcome.UNCHANGED;
        }
        ledger.lockForWriting();
        String old = normalise(oldEmail);
        Map<String, LockedAddress> addresses = ledger.lockAddresses(List.of(old, wanted.get()));
        LockedAddress current = addresses.get(old);
        if (current == null) {
            return ReportOutcome.UNKNOWN_ADDRESS;
        }
        if (addresses.containsKey(wanted.get()) || !erasedEmails.erasedAmong(List.of(wanted.get())).isEmpty()) {
            return ReportOutcome.UNCHANGED;
        }
        Instant now = clock.instant();
        ledger.addPrimaryAddress(current, wanted.get(), text(cause, "Address changed"), text(source, "unknown"),
                at.isAfter(now) ? now : at, now);
        return ReportOutcome.APPLIED;
    }

    /**
     * The history after {@code sequence}, oldest first, at most {@code limit} entries. Run it in a short transaction
     * of its own: it waits (about a second at most) until no transaction that adds history is in flight, so no entry
     * can later appear behind the returned ones; when writers stay busy it returns nothing, and the caller asks again.
     */
    @Transactional
    public List<SubscriptionLedgerEntry> changesSince(long sequence, int limit) {
        if (limit < 1 || limit > MAX_READ) {
            throw new IllegalArgumentException("Read between 1 and " + MAX_READ + " ledger entries (was " + limit
                    + ")");
        }
        for (int attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
            if (ledger.tryLockForReading()) {
                return ledger.after(sequence, limit);
            }
            try {
                Thread.sleep(20L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String text(String value, String fallback) {
        String text = value == null || value.isBlank() ? fallback : value.strip();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
