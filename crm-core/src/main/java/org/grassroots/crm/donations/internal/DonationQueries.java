package org.grassroots.crm.donations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.DonationCursor;
import org.grassroots.crm.donations.DonationFilter;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PaymentMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads donations with SQL: the newest-first list (keyset on received_on, id, served by donation_received_idx or the
 * campaign/platform/person index that matches the filter), one gift, one person's gifts, and the campaign names.
 */
@Repository
public class DonationQueries {

    private static final String SELECT = """
            SELECT d.id, d.person_id, %s AS name, %s AS email,
                   d.amount, d.currency, d.received_on, d.method, d.source_platform, d.external_id, d.campaign,
                   d.employer, d.occupation, d.recurring_plan_id, d.created_at
            FROM donation d LEFT JOIN person p ON p.id = d.person_id
            """.formatted(DonorDirectory.NAME_SQL, DonorDirectory.EMAIL_SQL);

    private final JdbcClient jdbc;

    DonationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest first, after {@code after} (or from the top), skipping {@code skip} rows: the grid continues from the
     * last row it has with no skip, and jumps with a skip from the nearest position it knows.
     */
    public List<Donation> page(DonationFilter filter, @Nullable DonationCursor after, int skip, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.from() != null) {
            conditions.add("d.received_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("d.received_on <= :to");
            params.put("to", filter.to());
        }
        if (filter.campaign() != null && !filter.campaign().isBlank()) {
            conditions.add("d.campaign = :campaign");
            params.put("campaign", filter.campaign().trim());
        }
        if (filter.platform() != null) {
            conditions.add("d.source_platform = :platform");
            params.put("platform", filter.platform().name());
        }
        if (filter.method() != null) {
            conditions.add("d.method = :method");
            params.put("method", filter.method().name());
        }
        if (filter.minAmount() != null) {
            conditions.add("d.amount >= :minAmount");
            params.put("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            conditions.add("d.amount <= :maxAmount");
            params.put("maxAmount", filter.maxAmount());
        }
        if (filter.personId() != null) {
            conditions.add("d.person_id = :personId");
            params.put("personId", filter.personId());
        }
        if (after != null) {
            conditions.add("(d.received_on, d.id) < (:afterDate, :afterId)");
            params.put("afterDate", after.receivedOn());
            params.put("afterId", after.id());
        }
        params.put("skip", skip);
        params.put("limit", limit);
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return jdbc.sql(SELECT + where + " ORDER BY d.received_on DESC, d.id DESC OFFSET :skip LIMIT :limit")
                .params(params).query(DonationQueries::donation).list();
    }

    public Optional<Donation> find(long id) {
        return jdbc.sql(SELECT + "WHERE d.id = :id").param("id", id).query(DonationQueries::donation).optional();
    }

    /** One person's gifts, newest first. */
    public List<Donation> forPerson(long personId, int limit) {
        return jdbc.sql(SELECT + "WHERE d.person_id = :personId ORDER BY d.received_on DESC, d.id DESC LIMIT :limit")
                .param("personId", personId).param("limit", limit).query(DonationQueries::donation).list();
    }

    /**
     * The distinct campaign names, alphabetically. A loose index scan over donation_campaign_idx: one index probe
     * per campaign instead of reading every donation.
     */
    public List<String> campaigns(int limit) {
        return jdbc.sql("""
                WITH RECURSIVE names (campaign) AS (
                    (SELECT campaign FROM donation WHERE campaign IS NOT NULL ORDER BY campaign LIMIT 1)
                    UNION ALL
                    SELECT (SELECT d.campaign FROM donation d WHERE d.campaign > names.campaign
                            ORDER BY d.campaign LIMIT 1)
                    FROM names WHERE names.campaign IS NOT NULL
                )
                SELECT campaign FROM names WHERE campaign IS NOT NULL LIMIT :limit
                """).param("limit", limit).query(String.class).list();
    }

    private static Donation donation(ResultSet rs, int row) throws SQLException {
        Long personId = rs.getObject("person_id", Long.class);
        String name = null;
        String email = null;
        if (personId != null) {
            var donor = DonorDirectory.donor(personId, rs.getString("name"), rs.getString("email"));
            name = donor.name();
            email = donor.email();
        }
        return new Donation(rs.getLong("id"), personId, name, email, rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getObject("received_on", java.time.LocalDate.class),
                PaymentMethod.valueOf(rs.getString("method")),
                DonationPlatform.valueOf(rs.getString("source_platform")), rs.getString("external_id"),
                rs.getString("campaign"), rs.getString("employer"), rs.getString("occupation"),
                rs.getObject("recurring_plan_id", Long.class), rs.getTimestamp("created_at").toInstant());
    }
}
