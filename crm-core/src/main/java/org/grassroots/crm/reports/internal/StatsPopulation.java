package org.grassroots.crm.reports.internal;

import java.sql.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a report counts: the signers of a petition, the holders of a tag, the people of a source, each optional, as
 * conditions on the statistics tables; plus the SQL pieces every statistics query shares. A tag or petition picks
 * people out, so those reports read stats_person; without one the rollups (by state and source) answer.
 */
record StatsPopulation(@Nullable Long petitionId, @Nullable Long tagId, @Nullable String source) {

    private static final Pattern DATE_PARAMETER = Pattern.compile(":(from|to|before|first|last)\\b");

    /** The population the filter names, or empty when it names a tag that does not exist (nobody holds it). */
    static Optional<StatsPopulation> of(JdbcClient jdbc, StatsFilter filter) {
        Long tagId = null;
        if (filter.tag() != null) {
            Optional<Long> tag = jdbc.sql("SELECT id FROM tag WHERE name = ?").param(filter.tag())
                    .query(Long.class).optional();
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            tagId = tag.get();
        }
        return Optional.of(new StatsPopulation(filter.petitionId(), tagId, filter.source()));
    }

    /** The statement with its date parameters typed, so {@code :to + 6} is date arithmetic. */
    static JdbcClient.StatementSpec sql(JdbcClient jdbc, String sql) {
        return jdbc.sql(DATE_PARAMETER.matcher(sql).replaceAll("CAST(:$1 AS date)"));
    }

    /** A tag or petition picks people out, which the rollups (by state and source only) cannot. */
    boolean narrowsPeople() {
        return petitionId != null || tagId != null;
    }

    /** The population as conditions on stats_person (only source applies to the rollups). */
    String condition() {
        return (source == null ? "" : " AND source = :source")
                + (tagId == null ? "" : " AND tag_ids @> ARRAY[:tag]::bigint[]")
                + (petitionId == null ? "" : " AND signed_petitions @> ARRAY[:petition]::bigint[]");
    }

    /** Elements of a sorted day array within the period, as a count (null when the array is). */
    static String inPeriod(String days) {
        return "(width_bucket(:to, " + days + ") - width_bucket(:before, " + days + "))";
    }

    /** The growth of a running total over the period: its value at {@code to} minus its value before {@code from}. */
    static String growth(String days, String running) {
        return "(" + running + "[width_bucket(:to, " + days + ")] - coalesce(" + running + "[width_bucket(:before, "
                + days + ")], 0))";
    }

    /** An aggregate: the population's signatures in the period (only the petition's when the filter names one). */
    String signatures() {
        return petitionId == null
                ? "coalesce(sum(" + inPeriod("signature_days") + "), 0)"
                : "count(*) FILTER (WHERE signed_on[array_position(signed_petitions, :petition)]"
                        + " BETWEEN :from AND :to)";
    }

    /** The named parameters: the period (from, to, before = the day before from) and the population's. */
    Map<String, Object> params(StatsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Date.valueOf(filter.from()));
        params.put("to", Date.valueOf(filter.to()));
        params.put("before", Date.valueOf(filter.from().minusDays(1)));
        if (petitionId != null) {
            params.put("petition", petitionId);
        }
        if (tagId != null) {
            params.put("tag", tagId);
        }
        if (source != null) {
            params.put("source", source);
        }
        return params;
    }
}
