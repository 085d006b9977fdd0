package org.grassroots.crm.volunteers.internal;

import static org.grassroots.crm.volunteers.internal.EventQueries.localDateTime;
import static org.grassroots.crm.volunteers.internal.EventQueries.state;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.PersonRef;
import org.grassroots.crm.volunteers.SignupRow;
import org.grassroots.crm.volunteers.SignupStatus;
import org.grassroots.crm.volunteers.VolunteerSignup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over sign-ups: a shift's list, a person's list, their next shift and their sign-up history. */
@Repository
public class SignupQueries {

    private static final String SHIFT_SIGNUP_SQL = """
            SELECT s.id, s.shift_id, s.status, s.hours, p.id AS person_id, %s AS name, %s AS email
            FROM signup s LEFT JOIN person p ON p.id = s.person_id
            """.formatted(PersonLookup.NAME_SQL, PersonLookup.EMAIL_SQL);

    private static final String PERSON_SIGNUP_SQL = """
            SELECT s.id, s.status, s.hours, sh.id AS shift_id, sh.role, sh.starts_at, sh.ends_at,
                   e.id AS event_id, e.kind, e.title, e.place, e.state
            FROM signup s JOIN shift sh ON sh.id = s.shift_id JOIN event e ON e.id = sh.event_id
            """;

    private final JdbcClient jdbc;

    SignupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of a shift's sign-ups in the order they were made (the unique (shift, person) index finds them). */
    public List<SignupRow> forShift(long shiftId, int offset, int limit) {
        return jdbc.sql(SHIFT_SIGNUP_SQL + "WHERE s.shift_id = :shiftId ORDER BY s.id OFFSET :offset LIMIT :limit")
                .param("shiftId", shiftId).param("offset", offset).param("limit", limit)
                .query((rs, row) -> signupRow(rs)).list();
    }

    public SignupRow row(long signupId) {
        return jdbc.sql(SHIFT_SIGNUP_SQL + "WHERE s.id = :id").param("id", signupId)
                .query((rs, row) -> signupRow(rs)).single();
    }

    /** A page of a person's sign-ups, latest shift first, with an id tiebreaker ({@code signup_person_idx}). */
    public List<VolunteerSignup> forPerson(long personId, int offset, int limit) {
        return jdbc.sql(PERSON_SIGNUP_SQL + """
                        WHERE s.person_id = :personId
                        ORDER BY sh.starts_at DESC, s.id DESC OFFSET :offset LIMIT :limit""")
                .param("personId", personId).param("offset", offset).param("limit", limit)
                .query((rs, row) -> volunteerSignup(rs)).list();
    }

    /** The person's soonest shift that has not started and for which they still hold a place. */
    public Optional<VolunteerSignup> nextShift(long personId, LocalDateTime now) {
        return jdbc.sql(PERSON_SIGNUP_SQL + """
                        WHERE s.person_id = :personId AND s.status IN ('SIGNED_UP', 'CONFIRMED')
                          AND sh.starts_at >= :now
                        ORDER BY sh.starts_at, s.id LIMIT 1""")
                .param("personId", personId).param("now", now)
                .query((rs, row) -> volunteerSignup(rs)).optional();
    }

    /** The person's sign-up history, newest first: each step with the sign-up it belongs to. */
    public List<SignupHistoryEntry> history(long personId, int limit) {
        return jdbc.sql("""
                SELECT c.kind AS change, c.status AS change_status, c.hours AS change_hours, c.changed_at,
                       s.id, s.status, s.hours, sh.id AS shift_id, sh.role, sh.starts_at, sh.ends_at,
                       e.id AS event_id, e.kind, e.title, e.place, e.state
                FROM signup s
                JOIN signup_change c ON c.signup_id = s.id
                JOIN shift sh ON sh.id = s.shift_id
                JOIN event e ON e.id = sh.event_id
                WHERE s.person_id = :personId
                ORDER BY c.changed_at DESC, c.id DESC
                LIMIT :limit
                """).param("personId", personId).param("limit", limit)
                .query((rs, row) -> new SignupHistoryEntry(SignupChange.Kind.valueOf(rs.getString("change")),
                        SignupStatus.valueOf(rs.getString("change_status")), rs.getBigDecimal("change_hours"),
                        rs.getTimestamp("changed_at").toInstant(), volunteerSignup(rs)))
                .list();
    }

    /** One step of a sign-up's history. */
    public record SignupHistoryEntry(SignupChange.Kind change, SignupStatus status, BigDecimal hours,
            Instant changedAt, VolunteerSignup signup) {
    }

    private static SignupRow signupRow(ResultSet rs) throws SQLException {
        long personId = rs.getLong("person_id");
        PersonRef person = rs.wasNull() ? null : new PersonRef(personId, rs.getString("name"), rs.getString("email"));
        return new SignupRow(rs.getLong("id"), rs.getLong("shift_id"), person,
                SignupStatus.valueOf(rs.getString("status")), rs.getBigDecimal("hours"));
    }

    private static VolunteerSignup volunteerSignup(ResultSet rs) throws SQLException {
        return new VolunteerSignup(rs.getLong("id"), rs.getLong("event_id"), EventKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("place"), state(rs.getString("state")), rs.getLong("shift_id"),
                rs.getString("role"), localDateTime(rs, "starts_at"), localDateTime(rs, "ends_at"),
                SignupStatus.valueOf(rs.getString("status")), rs.getBigDecimal("hours"));
    }
}
