package org.grassroots.crm.exports;

import static org.awaitility.Awaitility.await;
import static org.grassroots.crm.TestSecurity.signInAs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps of delivering an export, as the tests take them, through the real services and the real job runner:
 * alice (organizer) asks and produces, bob and carol (admins) approve, fran (fundraiser) signs off donation fields.
 * Each step leaves alice signed in.
 */
@Component
class DeliverySteps {

    private final ExportDefinitionService definitions;
    private final ExportApprovalService approvals;
    private final ExportDeliveryService delivery;
    private final ExportLinkService links;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DeliverySteps(ExportDefinitionService definitions, ExportApprovalService approvals, ExportDeliveryService delivery,
            ExportLinkService links, JdbcClient jdbc, DataSource dataSource) {
        this.definitions = definitions;
        this.approvals = approvals;
        this.delivery = delivery;
        this.links = links;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CLIENT = "203.0.113.7";

    static void asAlice() {
        signInAs("alice", Role.ORGANIZER);
    }

    /** Requested by alice, approved by bob (and signed off by fran when it has donation fields). */
    ExportDefinition approved(long partner, String format, ExportField... fields) {
        ExportDefinition requested = requested(partner, format, fields);
        signInAs("bob", Role.ADMIN);
        approvals.approve(requested.id());
        if (requested.includesDonationFields()) {
            signInAs("fran", Role.FUNDRAISER);
            approvals.signOffDonationFields(requested.id());
        }
        asAlice();
        return definitions.find(requested.id()).orElseThrow();
    }

    ExportDefinition requested(long partner, String format, ExportField... fields) {
        asAlice();
        return definitions.create(new ExportDraft(ExportFixtures.unique("Delivery"), partner, ExportSegment.EVERYONE,
                List.of(fields), format));
    }

    /** Produced by alice through the job runner; fails the test unless the job succeeds. */
    ExportDefinition ready(ExportDefinition approved, @Nullable String key) {
        long job = produce(approved.id(), key);
        String state = awaitJob(job);
        if (!state.equals(JobState.SUCCEEDED.name())) {
            throw new AssertionError("Job #" + job + " ended " + state + ": " + jobError(job));
        }
        return definitions.find(approved.id()).orElseThrow();
    }

    long produce(long definitionId, @Nullable String key) {
        asAlice();
        return delivery.produce(definitionId, key);
    }

    /** Waits for the job to end; its final state. */
    String awaitJob(long jobId) {
        await().atMost(WAIT).until(() -> !JobState.valueOf(jobState(jobId)).isActive());
        return jobState(jobId);
    }

    String jobState(long jobId) {
        return jdbc.sql("SELECT state FROM job WHERE id = :id").param("id", jobId).query(String.class).single();
    }

    String jobError(long jobId) {
        return jdbc.sql("SELECT coalesce(error, '') FROM job WHERE id = :id").param("id", jobId).query(String.class)
                .single();
    }

    /** A link made by alice. */
    NewExportLink link(long definitionId) {
        asAlice();
        return links.create(definitionId, "for the partner's data team");
    }

    /** Downloads with the current sign-in, from {@link #CLIENT}; the whole decrypted file. */
    byte[] download(String token) {
        try (ExportDownload download = links.download(token, CLIENT)) {
            byte[] content = download.content().readAllBytes();
            if (content.length != download.contentLength()) {
                throw new AssertionError("The download said " + download.contentLength() + " bytes but gave "
                        + content.length);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds an exclusive lock on the consent table, so a production job stops at its row query until the lock is
     * released (closing the connection): a test can look at a job while it is running, or cancel it then.
     */
    Connection lockConsents() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE partner_consent IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** Waits until some query waits for the consent table's lock. */
    void awaitBlockedOnConsents() {
        await().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'partner_consent'::regclass""")
                .query(Long.class).single() > 0);
    }

    /** Releases the lock {@link #lockConsents} took. */
    static void release(Connection lock) throws SQLException {
        lock.rollback();
        lock.close();
    }
}
