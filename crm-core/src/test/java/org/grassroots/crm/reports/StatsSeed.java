package org.grassroots.crm.reports;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 360 supporters written with plain SQL across TX, CA, NY, IA, PR and no state, created from 2024 into 2026, with
 * e-mail statuses, two tags, three sources, two petitions, gifts (some in CAD), volunteer sign-ups in every status,
 * and merged and erased people who still hold signatures and gifts. All names start with "stx-", because every test
 * class of the JVM shares one database.
 */
record StatsSeed(JdbcClient jdbc) {

    static final String RED = "stx-red";
    static final String BLUE = "stx-blue";
    static final String WEB = "stx-web";
    private static final String STX = "WITH stx AS (SELECT id, split_part(last_name, ' ', 2)::int AS g, created_at"
            + " FROM person WHERE first_name = 'Stats' AND source LIKE 'stx-%') ";

    /** Seeds once per database; returns the ids of petitions A and B. */
    long[] seed() {
        if (jdbc.sql("SELECT count(*) FROM petition WHERE slug = 'stx-a'").query(Long.class).single() == 0) {
            write();
        }
        return new long[] {petition("stx-a"), petition("stx-b")};
    }

    private long petition(String slug) {
        return jdbc.sql("SELECT id FROM petition WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private void write() {
        jdbc.sql("""
                INSERT INTO person (first_name, last_name, city, state, zip, source, created_at)
                SELECT 'Stats', 'Person ' || g, (ARRAY['Austin', 'Dallas', 'Ames', 'Des Moines', NULL])[g % 5 + 1],
                       (ARRAY['TX', 'CA', 'NY', 'PR', NULL, 'IA', 'TX'])[g % 7 + 1],
                       CASE WHEN g % 9 = 0 THEN NULL ELSE (70000 + (g % 4) * 1000 + g % 7)::text END,
                       (ARRAY['stx-web', 'stx-paper', 'stx-event'])[g % 3 + 1],
                       TIMESTAMPTZ '2024-01-01 23:30:00+00' + g * INTERVAL '2 days 7 hours'
                FROM generate_series(1, 360) g
                """).update();
        jdbc.sql(STX + """
                INSERT INTO person_email (person_id, email, is_primary, status)
                SELECT id, 'stx-' || id || '@example.org', TRUE,
                       (ARRAY['SUBSCRIBED', 'SUBSCRIBED', 'UNSUBSCRIBED', 'BOUNCING'])[g % 4 + 1]
                FROM stx WHERE g % 11 <> 0
                UNION ALL
                SELECT id, 'stx-alt-' || id || '@example.org', FALSE, 'SUBSCRIBED' FROM stx WHERE g % 4 = 2
                """).update();
        jdbc.sql("INSERT INTO tag (name) VALUES ('stx-red'), ('stx-blue') ON CONFLICT DO NOTHING").update();
        jdbc.sql(STX + """
                INSERT INTO person_tag (person_id, tag_id)
                SELECT stx.id, t.id FROM stx JOIN tag t
                    ON (t.name = 'stx-red' AND stx.g % 2 = 0) OR (t.name = 'stx-blue' AND stx.g % 5 = 0)
                """).update();
        jdbc.sql("""
                INSERT INTO petition (slug, title, created_by)
                VALUES ('stx-a', 'Stats petition A', 'test'), ('stx-b', 'Stats petition B', 'test')
                """).update();
        jdbc.sql(STX + """
                INSERT INTO signature (petition_id, person_id, signed_at, source)
                SELECT p.id, stx.id, stx.created_at + (stx.g % 40) * INTERVAL '1 day' + INTERVAL '3 hours', 'Paper'
                FROM stx JOIN petition p ON p.slug = 'stx-a' WHERE stx.g % 3 <> 0
                UNION ALL
                SELECT p.id, stx.id, stx.created_at + (stx.g % 90) * INTERVAL '1 day', 'Website'
                FROM stx JOIN petition p ON p.slug = 'stx-b' WHERE stx.g % 4 = 0
                """).update();
        jdbc.sql(STX + """
                INSERT INTO donation (person_id, amount, currency, received_on, method, source_platform)
                SELECT stx.id, (stx.g % 50 + 5 + k) + 0.25, CASE WHEN stx.g % 17 = 0 THEN 'CAD' ELSE 'USD' END,
                       (stx.created_at + k * INTERVAL '37 days')::date, 'CARD', 'MANUAL'
                FROM stx CROSS JOIN generate_series(0, 2) k
                WHERE stx.g % 4 IN (0, 1) AND k < stx.g % 3 + 1
                UNION ALL
                SELECT NULL, 99.99, 'USD', DATE '2025-03-03', 'CASH', 'MANUAL'
                """).update();
        jdbc.sql(STX + "INSERT INTO volunteer (person_id) SELECT id FROM stx WHERE g % 6 = 0").update();
        jdbc.sql("""
                INSERT INTO event (kind, title, starts_at, ends_at, state, created_by)
                VALUES ('CANVASS', 'stx-canvass', TIMESTAMP '2024-02-05 10:00', TIMESTAMP '2026-01-31 18:00', 'IA',
                        'test')
                """).update();
        jdbc.sql("""
                INSERT INTO shift (event_id, role, starts_at, ends_at, capacity)
                SELECT e.id, 'stx-shift-' || s,
                       TIMESTAMP '2024-02-05 10:00' + s * INTERVAL '1 month' + s * INTERVAL '1 day',
                       TIMESTAMP '2024-02-05 13:00' + s * INTERVAL '1 month' + s * INTERVAL '1 day', 500
                FROM event e CROSS JOIN generate_series(0, 23) s WHERE e.title = 'stx-canvass'
                """).update();
        jdbc.sql(STX + """
                INSERT INTO signup (shift_id, person_id, status, hours)
                SELECT sh.id, stx.id, st.status, CASE WHEN st.status = 'ATTENDED' THEN 2.5 + (stx.g % 3) * 0.25 END
                FROM stx
                JOIN shift sh ON sh.role LIKE 'stx-shift-%'
                CROSS JOIN LATERAL (SELECT (ARRAY['SIGNED_UP', 'CONFIRMED', 'ATTENDED', 'NO_SHOW', 'CANCELLED'])
                                    [(stx.g + split_part(sh.role, '-', 3)::int) % 5 + 1] AS status) st
                WHERE stx.g % 6 IN (0, 1) AND (stx.g + split_part(sh.role, '-', 3)::int) % 4 = 0
                """).update();
        jdbc.sql(STX + "UPDATE person p SET merged_into_id = p.id - 1 FROM stx WHERE stx.id = p.id AND stx.g % 29 = 0")
                .update();
        jdbc.sql(STX + "UPDATE person p SET erased_at = now() FROM stx WHERE stx.id = p.id AND stx.g % 31 = 0")
                .update();
    }
}
