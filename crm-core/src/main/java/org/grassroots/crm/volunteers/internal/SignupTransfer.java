package org.grassroots.crm.volunteers.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Set-based moves of sign-ups between people, for merges and erasures. */
@Repository
public class SignupTransfer {

    private final JdbcClient jdbc;

    SignupTransfer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives {@code from}'s sign-ups to {@code into}. Where both signed up for the same shift, {@code into}'s sign-up
     * stays and {@code from}'s is dropped (one person, one place), but its attendance and hours carry over when only
     * {@code from}'s recorded them, and its history joins the sign-up that stays.
     */
    public void move(long from, long into) {
        jdbc.sql("""
                UPDATE signup keep SET status = 'ATTENDED', hours = dup.hours, updated_at = now()
                FROM signup dup
                WHERE keep.person_id = :into AND dup.person_id = :from AND dup.shift_id = keep.shift_id
                  AND dup.status = 'ATTENDED' AND keep.status <> 'ATTENDED'
                """).param("from", from).param("into", into).update();
        jdbc.sql("""
                UPDATE signup_change c SET signup_id = keep.id
                FROM signup dup JOIN signup keep ON keep.shift_id = dup.shift_id AND keep.person_id = :into
                WHERE c.signup_id = dup.id AND dup.person_id = :from
                """).param("from", from).param("into", into).update();
        jdbc.sql("""
                DELETE FROM signup dup USING signup keep
                WHERE dup.person_id = :from AND keep.person_id = :into AND keep.shift_id = dup.shift_id
                """).param("from", from).param("into", into).update();
        jdbc.sql("UPDATE signup SET person_id = :into, updated_at = now() WHERE person_id = :from")
                .param("from", from).param("into", into).update();
    }

    /** Unlinks the person from their sign-ups; the sign-ups themselves stay so events keep their figures. */
    public void unlink(long personId) {
        jdbc.sql("UPDATE signup SET person_id = NULL, updated_at = now() WHERE person_id = :personId")
                .param("personId", personId).update();
    }

    /** Deletes the volunteer profile; its skills and availability go with it (ON DELETE CASCADE). */
    public void deleteProfile(long personId) {
        jdbc.sql("DELETE FROM volunteer WHERE person_id = :personId").param("personId", personId).update();
    }
}
