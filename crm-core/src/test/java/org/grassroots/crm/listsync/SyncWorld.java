package org.grassroots.crm.listsync;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.listsync.internal.ListProvider;
import org.grassroots.crm.listsync.internal.ListSyncEngine;
import org.grassroots.crm.people.ContactUpdate;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonEmailService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The CRM side of the list sync tests: supporters made and changed through the secured people services (signed in
 * as an admin only while they run), the engine run with nobody signed in as a job is, and the database read back.
 * Every test uses a tag of its own as its list's segment, since the database is shared.
 */
public class SyncWorld {

    final PersonService people;
    final PersonEmailService emails;
    final PersonPrivacyService privacy;
    public final ListSyncEngine engine;
    public final FakeLists lists;
    public final JdbcClient jdbc;
    final ListSyncService service;

    SyncWorld(PersonService people, PersonEmailService emails, PersonPrivacyService privacy, ListSyncEngine engine,
            FakeLists lists, JdbcClient jdbc, ListSyncService service) {
        this.service = service;
        this.people = people;
        this.emails = emails;
        this.privacy = privacy;
        this.engine = engine;
        this.lists = lists;
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A new fake list whose segment is everyone tagged {@code tag}. */
    public FakeEmailList list(String tag) {
        return lists.add(new FakeEmailList(unique("list-"), new Segment(java.util.Set.of(tag), java.util.Set.of(),
                null, java.util.Set.of())));
    }

    public ListProvider provider(org.grassroots.crm.plugin.api.email.EmailListProvider fake) {
        return lists.find(FakeLists.key(fake)).orElseThrow();
    }

    public PersonDetails person(String tag) {
        String name = unique("p");
        return asAdmin(() -> people.create(new NewPerson("Ada", name, List.of(name + "@example.org"), List.of(),
                new PostalAddress("1 Main St", "Austin", UsState.TX, "78701"), "test", List.of(tag))));
    }

    /** A supporter with a primary address and {@code second} as a second one. */
    PersonDetails personWithTwoAddresses(String tag, String second) {
        String name = unique("p");
        return asAdmin(() -> people.create(new NewPerson("Ada", name, List.of(name + "@example.org", second),
                List.of(), new PostalAddress("1 Main St", "Austin", UsState.TX, "78701"), "test", List.of(tag))));
    }

    void removeEmail(long personId, String email) {
        asAdmin(() -> emails.removeEmail(personId, email));
    }

    public String email(long personId) {
        return jdbc.sql("SELECT email FROM person_email WHERE person_id = ? AND is_primary").param(personId)
                .query(String.class).single();
    }

    void rename(long personId, String lastName) {
        asAdmin(() -> {
            PersonDetails p = people.findById(personId).orElseThrow();
            return people.updateContact(new ContactUpdate(p.id(), p.version(), p.firstName(), lastName, p.address(),
                    p.source()));
        });
    }

    void moveTo(long personId, UsState state, String zip) {
        asAdmin(() -> {
            PersonDetails p = people.findById(personId).orElseThrow();
            return people.updateContact(new ContactUpdate(p.id(), p.version(), p.firstName(), p.lastName(),
                    new PostalAddress(p.address().street(), p.address().city(), state, zip), p.source()));
        });
    }

    void tag(long personId, String tag) {
        asAdmin(() -> people.addTag(personId, tag));
    }

    void untag(long personId, String tag) {
        asAdmin(() -> people.removeTag(personId, tag));
    }

    void setStatus(long personId, SubscriptionStatus status) {
        asAdmin(() -> emails.changeStatus(personId, email(personId), status, "changed in a test", null));
    }

    void erase(long personId) {
        asAdmin(() -> {
            privacy.erase(personId);
            return null;
        });
    }

    public String status(String email) {
        return jdbc.sql("SELECT status FROM person_email WHERE email = ?").param(email).query(String.class).single();
    }

    /** The newest history row of the address: status, cause, source. */
    @Nullable Map<String, Object> lastHistory(String email) {
        return jdbc.sql("""
                SELECT status, cause, source FROM subscription_event WHERE email = ?
                ORDER BY occurred_at DESC, id DESC LIMIT 1""").param(email).query().listOfRows().stream()
                .findFirst().orElse(null);
    }

    long sync(FakeEmailList fake, RecordingJobContext job) throws Exception {
        SecurityContextHolder.clearContext();
        return engine.sync(provider(fake), ListSyncEngine.Mode.FULL, null, job);
    }

    public long sync(FakeEmailList fake) throws Exception {
        return sync(fake, new RecordingJobContext());
    }

    SyncPlan plan(FakeEmailList fake) {
        SecurityContextHolder.clearContext();
        return engine.plan(provider(fake));
    }

    /** The run as the service shows it. */
    SyncRun run(long runId) {
        String key = jdbc.sql("SELECT list_key FROM list_sync_run WHERE id = ?").param(runId).query(String.class)
                .single();
        return asAdmin(() -> service.runs(key, ListSyncService.MAX_ROWS)).stream().filter(r -> r.id() == runId)
                .findFirst().orElseThrow();
    }

    static <T> T asAdmin(Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        TestSecurity.signInAs("list-sync-test-admin", Role.ADMIN);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
