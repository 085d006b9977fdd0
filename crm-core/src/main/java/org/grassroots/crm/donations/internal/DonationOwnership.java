package org.grassroots.crm.donations.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Re-points or unlinks all of one person's gifts and plans in two statements, for merges and erasures. */
@Repository
public class DonationOwnership {

    private final JdbcClient jdbc;

    DonationOwnership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how many donations and plans moved. */
    public int moveAll(long fromPersonId, long intoPersonId) {
        int donations = jdbc.sql("UPDATE donation SET person_id = :into, updated_at = now() WHERE person_id = :from")
                .param("into", intoPersonId).param("from", fromPersonId).update();
        int plans = jdbc.sql(
                "UPDATE recurring_plan SET person_id = :into, updated_at = now() WHERE person_id = :from")
                .param("into", intoPersonId).param("from", fromPersonId).update();
        return donations + plans;
    }

    /** Keeps the rows for accounting but no longer says whose they were. */
    public int unlinkAll(long personId) {
        int donations = jdbc.sql("UPDATE donation SET person_id = NULL, updated_at = now() WHERE person_id = :id")
                .param("id", personId).update();
        int plans = jdbc.sql("UPDATE recurring_plan SET person_id = NULL, updated_at = now() WHERE person_id = :id")
                .param("id", personId).update();
        return donations + plans;
    }
}
