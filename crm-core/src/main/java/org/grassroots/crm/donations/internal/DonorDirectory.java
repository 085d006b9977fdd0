package org.grassroots.crm.donations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.crm.donations.Donor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the supporter a gift is for, by id or by any of their email addresses (exact, normalised). */
@Repository
public class DonorDirectory {

    /** "First Last", or null when the person has no name on file; shared by every donations query. */
    static final String NAME_SQL = "nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), '')";
    /** The primary address, else the oldest one; served by person_email_person_idx. */
    static final String EMAIL_SQL = "(SELECT e.email FROM person_email e WHERE e.person_id = p.id "
            + "ORDER BY e.is_primary DESC, e.id LIMIT 1)";

    private static final String SELECT = "SELECT p.id, " + NAME_SQL + " AS name, " + EMAIL_SQL + " AS email, "
            + "p.erased_at IS NOT NULL AS erased, p.merged_into_id FROM ";

    private final JdbcClient jdbc;

    DonorDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PersonState> byId(long personId) {
        return jdbc.sql(SELECT + "person p WHERE p.id = :id").param("id", personId)
                .query(DonorDirectory::state).optional();
    }

    public Optional<PersonState> byEmail(String email) {
        return jdbc.sql(SELECT + "person_email pe JOIN person p ON p.id = pe.person_id WHERE pe.email = :email")
                .param("email", email.trim().toLowerCase(Locale.ROOT))
                .query(DonorDirectory::state).optional();
    }

    private static PersonState state(ResultSet rs, int row) throws SQLException {
        return new PersonState(donor(rs.getLong("id"), rs.getString("name"), rs.getString("email")),
                rs.getBoolean("erased"), rs.getObject("merged_into_id", Long.class));
    }

    /** A donor named as the screens show them, falling back to the email or the supporter number. */
    static Donor donor(long personId, String name, String email) {
        String shown = name != null ? name : email != null ? email : "Supporter #" + personId;
        return new Donor(personId, shown, email);
    }
}
