package org.grassroots.crm.donations.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.donations.DonationTotals;
import org.grassroots.crm.donations.DonorSummary;
import org.grassroots.crm.donations.ElectionCycle;
import org.grassroots.crm.donations.FecFollowUpDonor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the donor_summary rollup: one donor (primary key), the FEC follow-up list (partial index), totals. */
@Repository
public class DonorSummaryQueries {

    /**
     * Written out rather than bound, so the planner matches the predicate of donor_summary_fec_idx. $200 is the
     * FEC's itemisation threshold: above it a committee must use best efforts to get employer and occupation.
     */
    private static final String NEEDS_FOLLOW_UP = "s.cycle_total > 200 AND NOT s.has_employer_occupation";

    private final JdbcClient jdbc;

    DonorSummaryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DonorSummary> summaryFor(long personId, ElectionCycle current) {
        return jdbc.sql("""
                SELECT person_id, donation_count, lifetime_total, first_gift_on, last_gift_on, largest_gift,
                       cycle_start, cycle_total, cycle_count, employer, occupation
                FROM donor_summary WHERE person_id = :personId
                """).param("personId", personId).query((rs, row) -> {
                    // a row last rebuilt in an earlier cycle has had no gift since, so nothing counts this cycle
                    boolean currentCycle = current.start().equals(rs.getObject("cycle_start", LocalDate.class));
                    return new DonorSummary(rs.getLong("person_id"), rs.getInt("donation_count"),
                            rs.getBigDecimal("lifetime_total"), rs.getObject("first_gift_on", LocalDate.class),
                            rs.getObject("last_gift_on", LocalDate.class), rs.getBigDecimal("largest_gift"), current,
                            currentCycle ? rs.getBigDecimal("cycle_total") : BigDecimal.ZERO.setScale(2),
                            currentCycle ? rs.getInt("cycle_count") : 0,
                            rs.getString("employer"), rs.getString("occupation"));
                }).optional();
    }

    /**
     * Biggest cycle totals first. The page is cut from the partial index alone (an index-only scan, however deep the
     * offset); names and emails are looked up for those rows only. Erased and merged-away people have no summary
     * row (DonationsPersonData removes it), so they never appear.
     */
    public List<FecFollowUpDonor> fecFollowUp(ElectionCycle current, int offset, int limit) {
        return jdbc.sql("""
                SELECT s.person_id, %s AS name, %s AS email, s.cycle_total, s.cycle_count, s.last_gift_on
                FROM (SELECT s.person_id FROM donor_summary s WHERE s.cycle_start = :cycleStart AND %s
                      ORDER BY s.cycle_total DESC, s.person_id OFFSET :offset LIMIT :limit) page
                JOIN donor_summary s ON s.person_id = page.person_id
                JOIN person p ON p.id = s.person_id
                ORDER BY s.cycle_total DESC, s.person_id
                """.formatted(DonorDirectory.NAME_SQL, DonorDirectory.EMAIL_SQL, NEEDS_FOLLOW_UP))
                .param("cycleStart", current.start()).param("offset", offset).param("limit", limit)
                .query((rs, row) -> {
                    var donor = DonorDirectory.donor(rs.getLong("person_id"), rs.getString("name"),
                            rs.getString("email"));
                    return new FecFollowUpDonor(donor.personId(), donor.name(), donor.email(),
                            rs.getBigDecimal("cycle_total"), rs.getInt("cycle_count"),
                            rs.getObject("last_gift_on", LocalDate.class));
                }).list();
    }

    /** An index-only count over the partial index. */
    public long fecFollowUpCount(ElectionCycle current) {
        return jdbc.sql("SELECT count(*) FROM donor_summary s WHERE s.cycle_start = :cycleStart AND "
                + NEEDS_FOLLOW_UP).param("cycleStart", current.start()).query(Long.class).single();
    }

    /** Every US-dollar gift of the cycle counts, including those whose donor was erased. */
    public DonationTotals totals(ElectionCycle current) {
        return jdbc.sql("""
                SELECT count(*) AS gifts, coalesce(sum(amount), 0) AS raised,
                       (SELECT count(*) FROM recurring_plan WHERE status = 'ACTIVE') AS active_plans
                FROM donation WHERE received_on BETWEEN :start AND :end AND currency = 'USD'
                """).param("start", current.start()).param("end", current.end())
                .query((rs, row) -> new DonationTotals(current, rs.getLong("gifts"), rs.getBigDecimal("raised"),
                        rs.getLong("active_plans"))).single();
    }
}
