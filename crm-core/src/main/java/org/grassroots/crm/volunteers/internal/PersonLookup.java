package org.grassroots.crm.volunteers.internal;

import java.util.Optional;

import org.grassroots.crm.volunteers.PersonRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads who a supporter is (name, primary e-mail) from the people feature's tables. Read-only: the people feature
 * owns these rows; volunteering only needs to name people and find them by e-mail. Erased and merged-away people
 * are not found.
 */
@Repository
public class PersonLookup {

    /** The display name of supporter {@code p}; someone with no name on file is called by their number. */
    public static final String NAME_SQL =
            "coalesce(nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), ''), 'Supporter #' || p.id)";
    /** The primary (else the oldest) e-mail address of supporter {@code p}. */
    public static final String EMAIL_SQL =
            "(SELECT e.email FROM person_email e WHERE e.person_id = p.id ORDER BY e.is_primary DESC, e.id LIMIT 1)";

    private static final String SELECT =
            "SELECT p.id, " + NAME_SQL + " AS name, " + EMAIL_SQL + " AS email FROM person p ";
    private static final String LIVE = " AND p.erased_at IS NULL AND p.merged_into_id IS NULL";

    private final JdbcClient jdbc;

    PersonLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PersonRef> find(long personId) {
        return jdbc.sql(SELECT + "WHERE p.id = :id" + LIVE).param("id", personId)
                .query((rs, row) -> new PersonRef(rs.getLong("id"), rs.getString("name"), rs.getString("email")))
                .optional();
    }

    /** Exact match on a normalised (trimmed, lower-case) address, served by the unique index on e-mails. */
    public Optional<PersonRef> findByEmail(String normalisedEmail) {
        return jdbc.sql(SELECT + "JOIN person_email pe ON pe.person_id = p.id WHERE pe.email = :email" + LIVE)
                .param("email", normalisedEmail)
                .query((rs, row) -> new PersonRef(rs.getLong("id"), rs.getString("name"), rs.getString("email")))
                .optional();
    }
}
