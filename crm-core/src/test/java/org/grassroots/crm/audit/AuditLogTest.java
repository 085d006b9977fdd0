package org.grassroots.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log against the real schema. The database is shared by every test in the JVM and audit rows cannot be
 * deleted, so each test works with its own actor or target names.
 */
@SpringBootTest
class AuditLogTest {

    private static final Instant DAY_1 = Instant.parse("2001-03-01T12:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2001-03-02T12:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2001-03-03T12:00:00Z");

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordStoresActorActionTargetClientAddressAndDetails() {
        String actor = uniqueName("recorder");
        audit.record(new AuditEntry(actor, AuditAction.ROLES_CHANGED, "user", "bob", "203.0.113.7",
                Map.of("before", List.of("ANALYST"), "after", List.of("ADMIN", "ANALYST"))));

        AuditEvent event = asAdmin(() -> audit.find(byActor(actor), 0, 10)).getFirst();
        assertThat(event.actor()).isEqualTo(actor);
        assertThat(event.action()).isEqualTo("ROLES_CHANGED");
        assertThat(event.targetType()).isEqualTo("user");
        assertThat(event.targetId()).isEqualTo("bob");
        assertThat(event.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(event.occurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        JsonNode details = json.readTree(event.detailsJson());
        assertThat(details.get("before").toString()).isEqualTo("[\"ANALYST\"]");
        assertThat(details.get("after").toString()).isEqualTo("[\"ADMIN\",\"ANALYST\"]");
    }

    @Test
    void recordWithoutActorTakesTheSignedInUser() {
        String user = uniqueName("signed-in");
        String target = uniqueName("target");
        signInAs(user, Role.ORGANIZER);

        audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED, "user", target, Map.of()));

        assertThat(actorOfEventAbout(target)).isEqualTo(user);
    }

    @Test
    void recordWithoutActorOrSignedInUserIsBySystem() {
        String target = uniqueName("target");

        audit.record(AuditEntry.of(AuditAction.USER_ENABLED, "user", target, Map.of()));

        assertThat(actorOfEventAbout(target)).isEqualTo(AuditLog.SYSTEM_ACTOR);
        assertThat(jdbc.sql("SELECT details::text FROM audit_event WHERE target_id = :target")
                .param("target", target).query(String.class).single()).isEqualTo("{}");
    }

    @Test
    void updateIsRefusedByTheDatabase() {
        String target = uniqueName("target");
        audit.record(AuditEntry.of(AuditAction.USER_CREATED, "user", target, Map.of()));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE target_id = :target")
                .param("target", target).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event is append-only (UPDATE refused)");
        assertThat(actorOfEventAbout(target)).isEqualTo(AuditLog.SYSTEM_ACTOR);
    }

    @Test
    void deleteIsRefusedByTheDatabase() {
        String target = uniqueName("target");
        audit.record(AuditEntry.of(AuditAction.USER_CREATED, "user", target, Map.of()));

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE target_id = :target")
                .param("target", target).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event is append-only (DELETE refused)");
        assertThat(actorOfEventAbout(target)).isEqualTo(AuditLog.SYSTEM_ACTOR);
    }

    @Test
    void truncateIsRefusedByTheDatabase() {
        audit.record(AuditEntry.of(AuditAction.USER_CREATED, "user", uniqueName("target"), Map.of()));
        long before = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event is append-only (TRUNCATE refused)");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void findNarrowsByActorActionAndTarget() {
        String actor = uniqueName("filter");
        String alice = uniqueName("alice");
        String bob = uniqueName("bob");
        audit.record(new AuditEntry(actor, AuditAction.USER_CREATED, "user", alice, null, Map.of()));
        audit.record(new AuditEntry(actor, AuditAction.USER_CREATED, "user", bob, null, Map.of()));
        audit.record(new AuditEntry(actor, AuditAction.ROLES_CHANGED, "user", alice, null, Map.of()));
        audit.record(new AuditEntry(uniqueName("other"), AuditAction.USER_CREATED, "user", alice, null, Map.of()));

        signInAs("auditor", Role.ADMIN);
        assertThat(audit.find(byActor(actor), 0, 10)).hasSize(3);
        assertThat(audit.find(byActor(actor.toUpperCase() + "  "), 0, 10))
                .as("usernames are stored lower-case, so the actor filter ignores case and spaces").hasSize(3);
        assertThat(audit.find(new AuditFilter(actor, AuditAction.USER_CREATED, null, null, null), 0, 10))
                .extracting(AuditEvent::targetId).containsExactly(bob, alice);
        assertThat(audit.find(new AuditFilter(actor, null, alice, null, null), 0, 10))
                .extracting(AuditEvent::action).containsExactly("ROLES_CHANGED", "USER_CREATED");
        assertThat(audit.find(new AuditFilter(null, null, alice, null, null), 0, 10))
                .as("target alone").hasSize(3);
        assertThat(audit.find(new AuditFilter(actor, AuditAction.LOGOUT, null, null, null), 0, 10)).isEmpty();
    }

    @Test
    void findNarrowsByTimeWithFromInclusiveAndToExclusive() {
        String actor = uniqueName("timed");
        insertAt(actor, DAY_1);
        insertAt(actor, DAY_2);
        insertAt(actor, DAY_3);

        signInAs("auditor", Role.ADMIN);
        assertThat(audit.find(new AuditFilter(actor, null, null, DAY_2, null), 0, 10))
                .extracting(AuditEvent::occurredAt).containsExactly(DAY_3, DAY_2);
        assertThat(audit.find(new AuditFilter(actor, null, null, null, DAY_2), 0, 10))
                .extracting(AuditEvent::occurredAt).containsExactly(DAY_1);
        assertThat(audit.find(new AuditFilter(actor, null, null, DAY_2, DAY_3), 0, 10))
                .extracting(AuditEvent::occurredAt).containsExactly(DAY_2);
        assertThat(audit.find(new AuditFilter(actor, null, null, DAY_3.plusSeconds(1), null), 0, 10)).isEmpty();
    }

    @Test
    void findPagesNewestFirstWithoutOverlapOrGaps() {
        String actor = uniqueName("pager");
        for (int i = 0; i < 7; i++) {
            audit.record(new AuditEntry(actor, AuditAction.USER_UPDATED, "user", "u" + i, null, Map.of("n", i)));
        }

        signInAs("auditor", Role.ADMIN);
        List<AuditEvent> all = audit.find(byActor(actor), 0, 100);
        List<AuditEvent> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        for (int offset = 0; offset < 9; offset += 3) {
            List<AuditEvent> page = audit.find(byActor(actor), offset, 3);
            pageSizes.add(page.size());
            paged.addAll(page);
        }

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(paged).isEqualTo(all);
        assertThat(paged).extracting(AuditEvent::targetId).containsExactly("u6", "u5", "u4", "u3", "u2", "u1", "u0");
        assertThat(paged).extracting(AuditEvent::id).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void findReturnsAtMostTheMaximumPageSizePerCall() {
        String actor = uniqueName("bulk");
        jdbc.sql("""
                INSERT INTO audit_event (actor, action, target_id)
                SELECT :actor, 'USER_UPDATED', 'n' || n FROM generate_series(1, :rows) AS n
                """).param("actor", actor).param("rows", AuditLog.MAX_PAGE_SIZE + 1).update();

        signInAs("auditor", Role.ADMIN);
        assertThat(audit.find(byActor(actor), 0, AuditLog.MAX_PAGE_SIZE * 2)).hasSize(AuditLog.MAX_PAGE_SIZE);
        assertThat(audit.find(byActor(actor), AuditLog.MAX_PAGE_SIZE, AuditLog.MAX_PAGE_SIZE))
                .extracting(AuditEvent::targetId).containsExactly("n1");
    }

    @Test
    void countSinceCountsOnlyThatActionInTheWindow() {
        signInAs("auditor", Role.ADMIN);
        Instant since = Instant.now().minus(Duration.ofHours(1));
        long lockedBefore = audit.countSince(AuditAction.LOGIN_LOCKED, since);
        long failedBefore = audit.countSince(AuditAction.LOGIN_FAILED, since);

        String attempted = uniqueName("attempt");
        audit.record(new AuditEntry(attempted, AuditAction.LOGIN_LOCKED, "user", attempted, "198.51.100.1", Map.of()));
        audit.record(new AuditEntry(attempted, AuditAction.LOGIN_LOCKED, "user", attempted, "198.51.100.1", Map.of()));
        insertAt(attempted, DAY_1, AuditAction.LOGIN_LOCKED);

        assertThat(audit.countSince(AuditAction.LOGIN_LOCKED, since)).isEqualTo(lockedBefore + 2);
        assertThat(audit.countSince(AuditAction.LOGIN_FAILED, since)).isEqualTo(failedBefore);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void readingIsDeniedToEveryRoleButAdmin(Role role) {
        signInAs(uniqueName("reader"), role);

        assertThatThrownBy(() -> audit.find(AuditFilter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.countSince(AuditAction.LOGIN_FAILED, Instant.EPOCH))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readingIsAllowedToAnAdminWithOtherRolesToo() {
        signInAs(uniqueName("reader"), Role.ANALYST, Role.ADMIN);

        assertThat(audit.countSince(AuditAction.LOGIN_SUCCEEDED, Instant.EPOCH)).isNotNegative();
        assertThat(audit.find(AuditFilter.none(), 0, 1)).hasSizeLessThanOrEqualTo(1);
    }

    private static AuditFilter byActor(String actor) {
        return new AuditFilter(actor, null, null, null, null);
    }

    private String actorOfEventAbout(String target) {
        return jdbc.sql("SELECT actor FROM audit_event WHERE target_id = :target")
                .param("target", target).query(String.class).single();
    }

    private void insertAt(String actor, Instant occurredAt) {
        insertAt(actor, occurredAt, AuditAction.USER_UPDATED);
    }

    /** Inserting is what append-only allows; an explicit time lets the test place events on past days. */
    private void insertAt(String actor, Instant occurredAt, AuditAction action) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action) VALUES (:at, :actor, :action)")
                .param("at", Timestamp.from(occurredAt)).param("actor", actor).param("action", action.name())
                .update();
    }


    private static <T> T asAdmin(Supplier<T> action) {
        signInAs("auditor", Role.ADMIN);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
