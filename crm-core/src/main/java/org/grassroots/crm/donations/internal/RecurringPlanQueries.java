package org.grassroots.crm.donations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PlanInterval;
import org.grassroots.crm.donations.PlanStatus;
import org.grassroots.crm.donations.RecurringPlan;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads recurring plans with their donor's name and email, newest first. */
@Repository
public class RecurringPlanQueries {

    private static final String SELECT = """
            SELECT r.id, r.person_id, %s AS name, %s AS email, r.amount, r.currency, r.charge_interval, r.status,
                   r.started_on, r.next_charge_on, r.source_platform, r.external_id
            FROM recurring_plan r LEFT JOIN person p ON p.id = r.person_id
            """.formatted(DonorDirectory.NAME_SQL, DonorDirectory.EMAIL_SQL);

    private final JdbcClient jdbc;

    RecurringPlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, optionally one status only; served by the primary key or recurring_plan_status_idx. */
    public List<RecurringPlan> page(@Nullable PlanStatus status, int offset, int limit) {
        String where = status == null ? "" : "WHERE r.status = :status ";
        var statement = jdbc.sql(SELECT + where + "ORDER BY r.id DESC OFFSET :offset LIMIT :limit")
                .param("offset", offset).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement.query(RecurringPlanQueries::plan).list();
    }

    public Optional<RecurringPlan> find(long id) {
        return jdbc.sql(SELECT + "WHERE r.id = :id").param("id", id).query(RecurringPlanQueries::plan).optional();
    }

    public List<RecurringPlan> forPerson(long personId) {
        return jdbc.sql(SELECT + "WHERE r.person_id = :personId ORDER BY r.id DESC").param("personId", personId)
                .query(RecurringPlanQueries::plan).list();
    }

    private static RecurringPlan plan(ResultSet rs, int row) throws SQLException {
        Long personId = rs.getObject("person_id", Long.class);
        var donor = personId == null ? null
                : DonorDirectory.donor(personId, rs.getString("name"), rs.getString("email"));
        return new RecurringPlan(rs.getLong("id"), personId, donor == null ? null : donor.name(),
                donor == null ? null : donor.email(), rs.getBigDecimal("amount"), rs.getString("currency"),
                PlanInterval.valueOf(rs.getString("charge_interval")), PlanStatus.valueOf(rs.getString("status")),
                rs.getObject("started_on", LocalDate.class), rs.getObject("next_charge_on", LocalDate.class),
                DonationPlatform.valueOf(rs.getString("source_platform")), rs.getString("external_id"));
    }
}
