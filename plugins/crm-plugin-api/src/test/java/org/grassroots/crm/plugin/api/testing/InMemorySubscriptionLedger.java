package org.grassroots.crm.plugin.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.LedgerEntry;
import org.grassroots.crm.plugin.api.supporters.LedgerOutcome;
import org.grassroots.crm.plugin.api.supporters.StatusChange;
import org.grassroots.crm.plugin.api.supporters.SubscriptionLedger;

/**
 * A {@link SubscriptionLedger} with the CRM's rules, over addresses a test adds:
 * <ul>
 *   <li>addresses compare without case and surrounding spaces;</li>
 *   <li>{@link EmailStatus#SUBSCRIBED} is applied to nothing that is not subscribed already: an unsubscribed,
 *       bouncing, complained or {@linkplain #erase erased} address gives {@link LedgerOutcome#REFUSED_PROTECTED};</li>
 *   <li>any other change of a known address is {@link LedgerOutcome#APPLIED} and appended to the history, even from
 *       one protected status to another; the same status again is {@link LedgerOutcome#UNCHANGED}, and so is any
 *       non-subscribe change of an erased address;</li>
 *   <li>an unknown address gives {@link LedgerOutcome#UNKNOWN_ADDRESS} and is not created;</li>
 *   <li>the history records the source as {@code plugin:<plugin id>:<source>}, a blank cause as
 *       "Reported without a cause", at most 200 characters of either, and a time in the future as now;</li>
 *   <li>{@link #changesSince} reads at most 10,000 entries per call.</li>
 * </ul>
 * {@link #recordAll} applies all of its changes or, when one of them is {@code null}, none.
 */
public class InMemorySubscriptionLedger implements SubscriptionLedger {

    /** The most entries one {@link #changesSince} call may ask for, as in the CRM. */
    public static final int MAX_READ = 10_000;
    private static final int MAX_TEXT = 200;

    private final String pluginId;
    private final Clock clock;
    private final Map<String, Address> addresses = new HashMap<>();
    private final Set<String> erased = new HashSet<>();
    private final List<LedgerEntry> history = new ArrayList<>();
    private long sequence;

    private record Address(long supporterId, EmailStatus status) {
    }

    /** A ledger for a plugin called {@code test-plugin}, on the system clock. */
    public InMemorySubscriptionLedger() {
        this("test-plugin");
    }

    /** A ledger for the given plugin id (it appears in the recorded source), on the system clock. */
    public InMemorySubscriptionLedger(String pluginId) {
        this(pluginId, Clock.systemUTC());
    }

    /** A ledger for the given plugin id whose "now" comes from {@code clock}. */
    public InMemorySubscriptionLedger(String pluginId, Clock clock) {
        this.pluginId = pluginId;
        this.clock = clock;
    }

    /**
     * Adds an address the CRM knows, without a history entry (set-up, not a change).
     *
     * @throws IllegalArgumentException for {@link EmailStatus#ERASED}; use {@link #erase} instead
     */
    public InMemorySubscriptionLedger addAddress(long supporterId, String email, EmailStatus status) {
        if (status == EmailStatus.ERASED) {
            throw new IllegalArgumentException("Use erase(email) for an erased address");
        }
        addresses.put(Emails.normalise(email), new Address(supporterId, status));
        return this;
    }

    /**
     * A change made by staff in the CRM, which plugins read through {@link #changesSince}: unlike a plugin's
     * change it may re-subscribe an address (a person who asked to rejoin). Source {@code staff:test}.
     */
    public InMemorySubscriptionLedger staffChange(String email, EmailStatus status, String cause) {
        String normalised = Emails.normalise(email);
        Address address = known(normalised);
        addresses.put(normalised, new Address(address.supporterId(), status));
        append(address.supporterId(), normalised, status, cause, "staff:test", clock.instant());
        return this;
    }

    /**
     * Erases the person who has this address in the CRM: the address is forgotten, {@link #status} answers
     * {@link EmailStatus#ERASED} from now on, and the history gets an entry with only the address's SHA-256.
     */
    public InMemorySubscriptionLedger erase(String email) {
        String normalised = Emails.normalise(email);
        Address address = known(normalised);
        addresses.remove(normalised);
        erased.add(normalised);
        sequence++;
        history.add(new LedgerEntry(sequence, address.supporterId(), null, Emails.sha256(normalised),
                EmailStatus.ERASED, "Erased in the CRM", "crm", clock.instant()));
        return this;
    }

    /** Every history entry so far, oldest first. */
    public List<LedgerEntry> history() {
        return List.copyOf(history);
    }

    @Override
    public Optional<EmailStatus> status(String email) {
        String normalised = Emails.normalise(email);
        Address address = addresses.get(normalised);
        if (address != null) {
            return Optional.of(address.status());
        }
        return erased.contains(normalised) ? Optional.of(EmailStatus.ERASED) : Optional.empty();
    }

    @Override
    public LedgerOutcome record(StatusChange change) {
        return recordAll(List.of(change)).getFirst();
    }

    @Override
    public List<LedgerOutcome> recordAll(List<StatusChange> changes) {
        for (StatusChange change : changes) {
            if (change == null) {
                throw new NullPointerException("recordAll was given a null change; nothing was recorded");
            }
        }
        Instant now = clock.instant();
        List<LedgerOutcome> outcomes = new ArrayList<>(changes.size());
        for (StatusChange change : changes) {
            String email = Emails.normalise(change.email());
            Address address = addresses.get(email);
            EmailStatus wanted = change.status();
            if (address == null) {
                outcomes.add(!erased.contains(email) ? LedgerOutcome.UNKNOWN_ADDRESS
                        : wanted == EmailStatus.SUBSCRIBED ? LedgerOutcome.REFUSED_PROTECTED : LedgerOutcome.UNCHANGED);
            } else if (address.status() == wanted) {
                outcomes.add(LedgerOutcome.UNCHANGED);
            } else if (wanted == EmailStatus.SUBSCRIBED) {
                outcomes.add(LedgerOutcome.REFUSED_PROTECTED);
            } else {
                addresses.put(email, new Address(address.supporterId(), wanted));
                append(address.supporterId(), email, wanted, text(change.cause(), "Reported without a cause"),
                        text("plugin:" + pluginId + ":" + change.source(), "unknown"),
                        change.at().isAfter(now) ? now : change.at());
                outcomes.add(LedgerOutcome.APPLIED);
            }
        }
        return outcomes;
    }

    @Override
    public List<LedgerEntry> changesSince(long sequence, int limit) {
        if (limit < 1 || limit > MAX_READ) {
            throw new IllegalArgumentException("Read between 1 and " + MAX_READ + " ledger entries (was " + limit
                    + ")");
        }
        return history.stream().filter(entry -> entry.sequence() > sequence).limit(limit).toList();
    }

    private Address known(String normalised) {
        Address address = addresses.get(normalised);
        if (address == null) {
            throw new IllegalArgumentException(normalised + " is not an address of this ledger; add it first");
        }
        return address;
    }

    private void append(long supporterId, String email, EmailStatus status, String cause, String source, Instant at) {
        sequence++;
        history.add(new LedgerEntry(sequence, supporterId, email, Emails.sha256(email), status, cause, source, at));
    }

    private static String text(String value, String fallback) {
        String text = value.isBlank() ? fallback : value.strip();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
