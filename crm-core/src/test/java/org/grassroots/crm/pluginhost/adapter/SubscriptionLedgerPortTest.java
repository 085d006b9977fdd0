package org.grassroots.crm.pluginhost.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.pluginhost.adapter.Staff.asAdmin;
import static org.grassroots.crm.pluginhost.adapter.Staff.create;
import static org.grassroots.crm.pluginhost.adapter.Staff.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonEmailService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.LedgerEntry;
import org.grassroots.crm.plugin.api.supporters.LedgerOutcome;
import org.grassroots.crm.plugin.api.supporters.StatusChange;
import org.grassroots.crm.plugin.api.supporters.SubscriptionLedger;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class SubscriptionLedgerPortTest {

    private static final Instant AT = Instant.parse("2025-03-04T05:06:07Z");

    @Autowired
    PluginPortSource<SubscriptionLedger> port;

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private SubscriptionLedger ledger;

    @BeforeEach
    void asAPluginWithNobodySignedIn() {
        SecurityContextHolder.clearContext();
        ledger = port.forPlugin(new PluginScope("email-list-sync", getClass().getClassLoader(), List::of));
    }

    @Test
    void statusIgnoresCaseAndSpacesAndKnowsErasedAddresses() {
        String address = email();
        String erased = email();
        create(people, "Ada", List.of(address), UsState.TX, "78701", List.of());
        PersonDetails gone = create(people, "Bea", List.of(erased), UsState.TX, "78701", List.of());
        asAdmin(() -> privacy.erase(gone.id()));

        assertThat(ledger.status("  " + address.toUpperCase() + " ")).contains(EmailStatus.SUBSCRIBED);
        assertThat(ledger.mayMail(address)).isTrue();
        assertThat(ledger.status(erased)).contains(EmailStatus.ERASED);
        assertThat(ledger.mayMail(erased)).isFalse();
        assertThat(ledger.status(email())).isEmpty();
    }

    @Test
    void protectedAddressesAreNeverSubscribedAgain() {
        String subscribed = email();
        String unsubscribed = email();
        String bouncing = email();
        String complained = email();
        String erased = email();
        PersonDetails person = create(people, "Cy", List.of(subscribed, unsubscribed, bouncing, complained),
                UsState.OH, "43004", List.of());
        PersonDetails gone = create(people, "Di", List.of(erased), UsState.OH, "43004", List.of());
        asAdmin(() -> {
            emails.changeStatus(person.id(), unsubscribed, SubscriptionStatus.UNSUBSCRIBED, "asked", null);
            emails.changeStatus(person.id(), bouncing, SubscriptionStatus.BOUNCING, "hard bounce", null);
            emails.changeStatus(person.id(), complained, SubscriptionStatus.SPAM_COMPLAINT, "complaint", null);
            privacy.erase(gone.id());
        });
        long historyBefore = history(person.id());

        List<LedgerOutcome> outcomes = ledger.recordAll(List.of(subscribe(subscribed), subscribe(unsubscribed),
                subscribe(bouncing.toUpperCase()), subscribe(complained), subscribe(erased)));

        assertThat(outcomes).containsExactly(LedgerOutcome.UNCHANGED, LedgerOutcome.REFUSED_PROTECTED,
                LedgerOutcome.REFUSED_PROTECTED, LedgerOutcome.REFUSED_PROTECTED, LedgerOutcome.REFUSED_PROTECTED);
        assertThat(ledger.status(unsubscribed)).contains(EmailStatus.UNSUBSCRIBED);
        assertThat(ledger.status(bouncing)).contains(EmailStatus.BOUNCING);
        assertThat(ledger.status(complained)).contains(EmailStatus.SPAM_COMPLAINT);
        assertThat(ledger.status(erased)).contains(EmailStatus.ERASED);
        assertThat(history(person.id())).isEqualTo(historyBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM person_email WHERE email = :e").param("e", erased)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnsubscribeIsAppliedWithItsCauseAndSourceInTheHistory() {
        String address = email();
        PersonDetails person = create(people, "Eve", List.of(address), UsState.CA, "94110", List.of());
        Instant updatedBefore = person.updatedAt();

        LedgerOutcome outcome = ledger.record(new StatusChange(address.toUpperCase(), EmailStatus.UNSUBSCRIBED,
                "unsubscribed at Mailchimp", "mailchimp:list 1a2b3c", AT));

        assertThat(outcome).isEqualTo(LedgerOutcome.APPLIED);
        assertThat(ledger.status(address)).contains(EmailStatus.UNSUBSCRIBED);
        Map<String, Object> row = jdbc.sql("""
                SELECT status, cause, source, occurred_at FROM subscription_event
                WHERE person_id = :id ORDER BY id DESC LIMIT 1
                """).param("id", person.id()).query().singleRow();
        assertThat(row).containsEntry("status", "UNSUBSCRIBED").containsEntry("cause", "unsubscribed at Mailchimp")
                .containsEntry("source", "plugin:email-list-sync:mailchimp:list 1a2b3c");
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(AT);
        PersonDetails after = asAdmin(() -> people.findById(person.id()).orElseThrow());
        assertThat(after.updatedAt()).isAfter(updatedBefore);
        assertThat(after.version()).isGreaterThan(person.version());
        assertThat(after.emails().getFirst().status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);

        assertThat(ledger.record(new StatusChange(address, EmailStatus.UNSUBSCRIBED, "again", "mailchimp", AT)))
                .isEqualTo(LedgerOutcome.UNCHANGED);
    }

    @Test
    void changesOfOneBatchApplyInOrderAndAnUnknownAddressCreatesNothing() {
        String address = email();
        String unknown = email();
        PersonDetails person = create(people, "Flo", List.of(address), UsState.NY, "10001", List.of());
        long historyBefore = history(person.id());

        List<LedgerOutcome> outcomes = ledger.recordAll(List.of(
                new StatusChange(address, EmailStatus.UNSUBSCRIBED, "left", "mailchimp", AT),
                new StatusChange(address, EmailStatus.SUBSCRIBED, "rejoined?", "mailchimp", AT.plusSeconds(1)),
                new StatusChange(address, EmailStatus.BOUNCING, "hard bounce", "mailchimp", AT.plusSeconds(2)),
                new StatusChange(unknown, EmailStatus.UNSUBSCRIBED, "left", "mailchimp", AT)));

        assertThat(outcomes).containsExactly(LedgerOutcome.APPLIED, LedgerOutcome.REFUSED_PROTECTED,
                LedgerOutcome.APPLIED, LedgerOutcome.UNKNOWN_ADDRESS);
        assertThat(ledger.status(address)).contains(EmailStatus.BOUNCING);
        assertThat(history(person.id())).isEqualTo(historyBefore + 2);
        assertThat(ledger.status(unknown)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM subscription_event WHERE email = :e").param("e", unknown)
                .query(Long.class).single()).isZero();
    }

    @Test
    void changesSinceReadsStaffAndPluginChangesAndErasuresInSequence() throws Exception {
        long start = latest();
        String first = email();
        String second = email();
        PersonDetails person = create(people, "Gus", List.of(first), UsState.WA, "98101", List.of());
        PersonDetails erasedPerson = create(people, "Hal", List.of(second), UsState.WA, "98101", List.of());
        ledger.record(new StatusChange(first, EmailStatus.UNSUBSCRIBED, "left", "mailchimp", AT));
        asAdmin(() -> privacy.erase(erasedPerson.id()));

        List<LedgerEntry> entries = ledger.changesSince(start, 100).stream()
                .filter(e -> e.supporterId() == person.id() || e.supporterId() == erasedPerson.id()).toList();

        assertThat(entries).extracting(LedgerEntry::status).containsExactly(EmailStatus.SUBSCRIBED,
                EmailStatus.UNSUBSCRIBED, EmailStatus.ERASED);
        assertThat(entries).extracting(LedgerEntry::sequence).isSorted().doesNotHaveDuplicates();
        LedgerEntry unsubscribe = entries.get(1);
        assertThat(unsubscribe.email()).isEqualTo(first);
        assertThat(unsubscribe.emailSha256()).isEqualTo(sha256(first));
        assertThat(unsubscribe.source()).isEqualTo("plugin:email-list-sync:mailchimp");
        assertThat(unsubscribe.at()).isEqualTo(AT);
        LedgerEntry erasure = entries.get(2);
        assertThat(erasure.email()).isNull();
        assertThat(erasure.emailSha256()).isEqualTo(sha256(second));
        assertThat(erasure.supporterId()).isEqualTo(erasedPerson.id());
        assertThat(jdbc.sql("SELECT count(*) FROM subscription_erasure WHERE email_sha256 = :h")
                .param("h", sha256(second)).query(Long.class).single()).isOne();

        List<LedgerEntry> page = ledger.changesSince(start, 1);
        assertThat(page).hasSize(1);
        assertThat(ledger.changesSince(page.getFirst().sequence(), 100)).extracting(LedgerEntry::sequence)
                .allMatch(sequence -> sequence > page.getFirst().sequence());
        assertThat(ledger.changesSince(latest(), 100)).isEmpty();
        assertThatThrownBy(() -> ledger.changesSince(start, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeStillBeingWrittenIsNeverSkipped() throws Exception {
        String slow = email();
        String quick = email();
        // secondary addresses: a primary one's change would also lock the shared person_counter row until commit
        PersonDetails person = create(people, "Ivy", List.of(email(), slow), UsState.IL, "60601", List.of());
        create(people, "Jo", List.of(email(), quick), UsState.IL, "60601", List.of());
        long start = latest();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    asAdmin(() -> emails.changeStatus(person.id(), slow, SubscriptionStatus.UNSUBSCRIBED, "asked",
                            null));
                    written.countDown();
                    await(release);
                }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        // a later change commits while the staff change above holds a lower, uncommitted sequence number
        assertThat(ledger.record(new StatusChange(quick, EmailStatus.BOUNCING, "bounced", "mailchimp", AT)))
                .isEqualTo(LedgerOutcome.APPLIED);

        // reading past the uncommitted one now would skip it for good once the reader moves its cursor on
        assertThat(ledger.changesSince(start, 100)).isEmpty();

        release.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);
        assertThat(ledger.changesSince(start, 100)).extracting(LedgerEntry::email).containsExactly(slow, quick);
    }

    private static StatusChange subscribe(String email) {
        return new StatusChange(email, EmailStatus.SUBSCRIBED, "opted in at Mailchimp", "mailchimp:list 1", AT);
    }

    private long history(long personId) {
        return jdbc.sql("SELECT count(*) FROM subscription_event WHERE person_id = :id").param("id", personId)
                .query(Long.class).single();
    }

    private long latest() {
        return jdbc.sql("SELECT greatest((SELECT coalesce(max(id), 0) FROM subscription_event), "
                + "(SELECT coalesce(max(id), 0) FROM subscription_erasure))").query(Long.class).single();
    }

    private static String sha256(String email) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(email.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
