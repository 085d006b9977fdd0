package org.grassroots.crm.exports.ui;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * People, petitions and signatures for the partner and export screen tests, written with plain SQL (those features
 * are tested elsewhere). Every name and address is unique, because all tests in the JVM share one database.
 */
record ExportScreenFixtures(JdbcClient jdbc) {

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniqueEmail(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 12) + "@screens.example.org";
    }

    /** The view itself: the router hands out a Spring proxy (for the view's method security) whose fields are empty. */
    static <T> T unproxied(T view) {
        return AopTestUtils.getUltimateTargetObject(view);
    }

    /** A US mobile number nobody else in the test database has, in E.164. */
    static String uniquePhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+1415" + random.nextInt(2, 10) + String.format("%06d", random.nextInt(1_000_000));
    }

    /** A supporter in {@code state} with one primary e-mail address; returns their id. */
    long person(String firstName, String lastName, String email, String state) {
        long id = jdbc.sql("""
                INSERT INTO person (first_name, last_name, city, state) VALUES (:first, :last, 'Des Moines',
                    CAST(:state AS char(2))) RETURNING id""")
                .param("first", firstName).param("last", lastName).param("state", state).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", email).update();
        return id;
    }

    long person(String firstName, String lastName) {
        return person(firstName, lastName, uniqueEmail(firstName.toLowerCase()), "IA");
    }

    String emailOf(long personId) {
        return jdbc.sql("SELECT email FROM person_email WHERE person_id = :id AND is_primary").param("id", personId)
                .query(String.class).single();
    }

    void phone(long personId, String e164) {
        jdbc.sql("INSERT INTO person_phone (person_id, e164, is_primary) VALUES (:id, :phone, TRUE)")
                .param("id", personId).param("phone", e164).update();
    }

    long petition(String title) {
        return jdbc.sql("INSERT INTO petition (slug, title, created_by) VALUES (:slug, :title, 'test') RETURNING id")
                .param("slug", "screens-" + UUID.randomUUID()).param("title", title).query(Long.class).single();
    }

    void sign(long petitionId, long personId, boolean cosponsorConsent) {
        jdbc.sql("""
                INSERT INTO signature (petition_id, person_id, signed_at, source, cosponsor_consent)
                VALUES (:petition, :person, now() - interval '1 day', 'Website', :consent)""")
                .param("petition", petitionId).param("person", personId).param("consent", cosponsorConsent)
                .update();
    }

    /** {@code n} new supporters (no state, no tags) who consent to the partner, in one statement. */
    void consentingCrowd(long partnerId, int n) {
        String notice = unique("Crowd notice");
        jdbc.sql("""
                WITH notice AS (
                    INSERT INTO consent_notice (text, text_sha256) VALUES (:notice, digest(:notice, 'sha256'))
                    RETURNING id),
                people AS (
                    INSERT INTO person (first_name, last_name)
                    SELECT 'Crowd', 'Member ' || g FROM generate_series(1, :n) g RETURNING id),
                events AS (
                    INSERT INTO partner_consent_event (person_id, partner_id, kind, occurred_at, notice_id,
                        source_kind, recorded_by)
                    SELECT people.id, :partner, 'GRANTED', now(), notice.id, 'MANUAL', 'test' FROM people, notice
                    RETURNING id, person_id, occurred_at)
                INSERT INTO partner_consent (person_id, partner_id, granted_event_id, granted_at)
                SELECT person_id, :partner, id, occurred_at FROM events""")
                .param("notice", notice).param("n", n).param("partner", partnerId).update();
    }
}
