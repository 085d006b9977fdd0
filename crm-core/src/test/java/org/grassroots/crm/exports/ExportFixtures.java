package org.grassroots.crm.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.grassroots.crm.exports.internal.CsvExportFormat;
import org.grassroots.crm.exports.internal.ExportFileWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for partner exports, written with plain SQL (the people and petitions features are tested elsewhere).
 * Every name, address and number is unique, because all tests in the JVM share one database.
 */
record ExportFixtures(JdbcClient jdbc) {

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniqueEmail(String hint) {
        return unique(hint).toLowerCase() + "@exports.example.org";
    }

    /** A US mobile number nobody else in the test database has, in E.164. */
    static String uniquePhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+1415" + random.nextInt(2, 10) + String.format("%06d", random.nextInt(1_000_000));
    }

    /** A supporter in Iowa who joined now, with one primary e-mail address; returns their id. */
    long person(String firstName, String lastName) {
        return person(firstName, lastName, uniqueEmail("person"), "IA", Instant.now());
    }

    long person(String firstName, String lastName, String email, String state, Instant joinedAt) {
        long id = jdbc.sql("""
                INSERT INTO person (first_name, last_name, street, city, state, zip, created_at)
                VALUES (:first, :last, '1 Main St', 'Des Moines', CAST(:state AS char(2)), NULL, :joined)
                RETURNING id""")
                .param("first", firstName).param("last", lastName).param("state", state)
                .param("joined", Timestamp.from(joinedAt)).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", email).update();
        return id;
    }

    String emailOf(long personId) {
        return jdbc.sql("SELECT email FROM person_email WHERE person_id = :id AND is_primary").param("id", personId)
                .query(String.class).single();
    }

    void setText(long personId, String column, String value) {
        if (!List.of("first_name", "last_name", "street", "city").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE person SET " + column + " = :value WHERE id = :id").param("value", value)
                .param("id", personId).update();
    }

    void phone(long personId, String e164) {
        jdbc.sql("INSERT INTO person_phone (person_id, e164, is_primary) VALUES (:id, :phone, TRUE)")
                .param("id", personId).param("phone", e164).update();
    }

    void tag(long personId, String tag) {
        jdbc.sql("INSERT INTO tag (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").param("name", tag).update();
        jdbc.sql("INSERT INTO person_tag (person_id, tag_id) SELECT :id, id FROM tag WHERE name = :name")
                .param("id", personId).param("name", tag).update();
    }

    void emailStatus(long personId, String status) {
        jdbc.sql("UPDATE person_email SET status = :status WHERE person_id = :id AND is_primary")
                .param("status", status).param("id", personId).update();
    }

    void donorSummary(long personId, String lifetimeTotal, int count, LocalDate lastGift) {
        jdbc.sql("""
                INSERT INTO donor_summary (person_id, donation_count, lifetime_total, first_gift_on, last_gift_on,
                    largest_gift, cycle_start, cycle_total, cycle_count, has_employer_occupation)
                VALUES (:id, :count, :total, :last, :last, :total, DATE '2025-01-01', :total, :count, FALSE)""")
                .param("id", personId).param("count", count).param("total", new BigDecimal(lifetimeTotal))
                .param("last", Date.valueOf(lastGift)).update();
    }

    long petition() {
        String slug = unique("exports-petition").toLowerCase();
        return jdbc.sql("INSERT INTO petition (slug, title, created_by) VALUES (:slug, :slug, 'test') RETURNING id")
                .param("slug", slug).query(Long.class).single();
    }

    void sign(long petitionId, long personId, Instant signedAt, boolean cosponsorConsent) {
        jdbc.sql("""
                INSERT INTO signature (petition_id, person_id, signed_at, source, cosponsor_consent)
                VALUES (:petition, :person, :at, 'Website', :consent)""")
                .param("petition", petitionId).param("person", personId).param("at", Timestamp.from(signedAt))
                .param("consent", cosponsorConsent).update();
    }

    void markErased(long personId) {
        jdbc.sql("UPDATE person SET erased_at = now() WHERE id = :id").param("id", personId).update();
    }

    void markMerged(long personId, long intoPersonId) {
        jdbc.sql("UPDATE person SET merged_into_id = :into WHERE id = :id").param("into", intoPersonId)
                .param("id", personId).update();
    }

    /** {@code n} new supporters who consent to the partner, written in one statement; returns nothing. */
    void consentingCrowd(long partnerId, int n) {
        String notice = unique("Crowd notice");
        jdbc.sql("""
                WITH notice AS (
                    INSERT INTO consent_notice (text, text_sha256) VALUES (:notice, digest(:notice, 'sha256'))
                    RETURNING id),
                people AS (
                    INSERT INTO person (first_name, last_name) SELECT 'Crowd', 'Member ' || g FROM generate_series(1, :n) g
                    RETURNING id),
                events AS (
                    INSERT INTO partner_consent_event (person_id, partner_id, kind, occurred_at, notice_id,
                        source_kind, recorded_by)
                    SELECT people.id, :partner, 'GRANTED', now(), notice.id, 'MANUAL', 'test' FROM people, notice
                    RETURNING id, person_id, occurred_at)
                INSERT INTO partner_consent (person_id, partner_id, granted_event_id, granted_at)
                SELECT person_id, :partner, id, occurred_at FROM events""")
                .param("notice", notice).param("n", n).param("partner", partnerId).update();
    }

    long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    /** The actions recorded for one target, oldest first. */
    List<String> auditActions(String targetType, Object targetId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", String.valueOf(targetId)).query(String.class).list();
    }

    /** {@code actor|details} of the target's audit events of one action, oldest first. */
    List<String> auditEvents(String action, String targetType, Object targetId) {
        return jdbc.sql("""
                SELECT actor || '|' || details::text FROM audit_event
                WHERE action = :action AND target_type = :type AND target_id = :id ORDER BY id""")
                .param("action", action).param("type", targetType).param("id", String.valueOf(targetId))
                .query(String.class).list();
    }

    /** The definition's rows as the built-in CSV writes them, header first, read back with FastCSV. */
    static List<List<String>> csv(ExportFileWriter files, ExportDefinition definition) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.write(definition, new CsvExportFormat(), out);
        return parse(out.toString(StandardCharsets.UTF_8));
    }

    static List<List<String>> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(body)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
