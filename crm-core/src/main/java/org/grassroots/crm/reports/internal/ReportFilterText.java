package org.grassroots.crm.reports.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import org.grassroots.crm.plugin.api.reports.StatsFilter;

/** The filters and generation time of a report in words, for the exports' header and footer lines. */
public final class ReportFilterText {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportFilterText() {
    }

    /** "2026-08-26 to 2026-11-23 · petition: Save the river · tag: iowa · source: fair". */
    public static String describe(StatsFilter filter, LongFunction<String> petitionTitle) {
        List<String> parts = new ArrayList<>();
        parts.add(filter.from() + " to " + filter.to());
        if (filter.petitionId() != null) {
            parts.add("petition: " + petitionTitle.apply(filter.petitionId()));
        }
        if (filter.tag() != null) {
            parts.add("tag: " + filter.tag());
        }
        if (filter.source() != null) {
            parts.add("source: " + filter.source());
        }
        return String.join(" · ", parts);
    }

    /** "Generated 2026-11-23 08:40 UTC". */
    public static String generated(Instant at) {
        return "Generated " + GENERATED.format(at) + " UTC";
    }
}
