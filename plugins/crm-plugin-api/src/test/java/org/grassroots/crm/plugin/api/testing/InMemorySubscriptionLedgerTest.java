package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.LedgerEntry;
import org.grassroots.crm.plugin.api.supporters.LedgerOutcome;
import org.grassroots.crm.plugin.api.supporters.StatusChange;
import org.junit.jupiter.api.Test;

class InMemorySubscriptionLedgerTest {

    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
    private static final Instant AT = NOW.minusSeconds(3600);

    private final InMemorySubscriptionLedger ledger = new InMemorySubscriptionLedger("email-list-sync",
            Clock.fixed(NOW, ZoneOffset.UTC))
            .addAddress(1, "ann@example.org", EmailStatus.SUBSCRIBED)
            .addAddress(2, "bo@example.org", EmailStatus.UNSUBSCRIBED)
            .addAddress(3, "cy@example.org", EmailStatus.BOUNCING)
            .addAddress(4, "di@example.org", EmailStatus.SPAM_COMPLAINT)
            .addAddress(5, "eve@example.org", EmailStatus.SUBSCRIBED)
            .erase("eve@example.org");

    @Test
    void protectedAddressesAreNeverSubscribedAgain() {
        List<LedgerOutcome> outcomes = ledger.recordAll(List.of(subscribe("ann@example.org"),
                subscribe("BO@example.org"), subscribe("cy@example.org"), subscribe("di@example.org"),
                subscribe("eve@example.org")));

        assertThat(outcomes).containsExactly(LedgerOutcome.UNCHANGED, LedgerOutcome.REFUSED_PROTECTED,
                LedgerOutcome.REFUSED_PROTECTED, LedgerOutcome.REFUSED_PROTECTED, LedgerOutcome.REFUSED_PROTECTED);
        assertThat(ledger.status("bo@example.org")).contains(EmailStatus.UNSUBSCRIBED);
        assertThat(ledger.status("eve@example.org")).contains(EmailStatus.ERASED);
        assertThat(ledger.history()).hasSize(1);
    }

    @Test
    void otherChangesApplyInOrderWithThePluginInTheSource() {
        List<LedgerOutcome> outcomes = ledger.recordAll(List.of(
                new StatusChange(" Ann@Example.org", EmailStatus.UNSUBSCRIBED, "left", "mailchimp:list 1", AT),
                new StatusChange("ann@example.org", EmailStatus.SUBSCRIBED, "rejoined?", "mailchimp:list 1", AT),
                new StatusChange("ann@example.org", EmailStatus.BOUNCING, " ", "mailchimp:list 1",
                        NOW.plusSeconds(60)),
                new StatusChange("nobody@example.org", EmailStatus.UNSUBSCRIBED, "left", "mailchimp", AT),
                new StatusChange("eve@example.org", EmailStatus.UNSUBSCRIBED, "left", "mailchimp", AT)));

        assertThat(outcomes).containsExactly(LedgerOutcome.APPLIED, LedgerOutcome.REFUSED_PROTECTED,
                LedgerOutcome.APPLIED, LedgerOutcome.UNKNOWN_ADDRESS, LedgerOutcome.UNCHANGED);
        assertThat(ledger.status("ann@example.org")).contains(EmailStatus.BOUNCING);
        assertThat(ledger.status("nobody@example.org")).isEmpty();
        List<LedgerEntry> changes = ledger.changesSince(1, 10);
        assertThat(changes).extracting(LedgerEntry::source)
                .containsOnly("plugin:email-list-sync:mailchimp:list 1");
        assertThat(changes).extracting(LedgerEntry::cause).containsExactly("left", "Reported without a cause");
        assertThat(changes).extracting(LedgerEntry::at).containsExactly(AT, NOW);
    }

    @Test
    void staffMayResubscribeAndErasuresAppearWithTheHashOnly() {
        ledger.staffChange("bo@example.org", EmailStatus.SUBSCRIBED, "asked to rejoin");

        List<LedgerEntry> history = ledger.changesSince(0, 10);
        assertThat(history).extracting(LedgerEntry::sequence).containsExactly(1L, 2L);
        LedgerEntry erasure = history.getFirst();
        assertThat(erasure.status()).isEqualTo(EmailStatus.ERASED);
        assertThat(erasure.email()).isNull();
        assertThat(erasure.emailSha256())
                .isEqualTo(Emails.sha256("eve@example.org")).hasSize(64);
        assertThat(history.get(1).source()).isEqualTo("staff:test");
        assertThat(ledger.mayMail("bo@example.org")).isTrue();
        assertThat(ledger.changesSince(1, 1)).extracting(LedgerEntry::sequence).containsExactly(2L);
        assertThat(ledger.changesSince(2, 10)).isEmpty();
    }

    @Test
    void readsAreLimitedAndPluginsCannotErase() {
        assertThatThrownBy(() -> ledger.changesSince(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.changesSince(0, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatusChange("a@example.org", EmailStatus.ERASED, "x", "y", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.addAddress(9, "x@example.org", EmailStatus.ERASED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StatusChange subscribe(String email) {
        return new StatusChange(email, EmailStatus.SUBSCRIBED, "opted in", "mailchimp:list 1", AT);
    }
}
