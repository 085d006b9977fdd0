package org.grassroots.crm.plugin.api.reports;

import org.jspecify.annotations.Nullable;

/**
 * A column of a {@link ReportTable}.
 *
 * @param key         the column's key; rows hold values by position, the key names it in CSV headers and chart specs
 * @param label       the column's heading
 * @param kind        how core formats and protects it
 * @param derivedFrom the key of the {@link ColumnKind#COUNT} column this one is computed from or describes the
 *                    people of (a rate or change of that count, the amount or hours of those people, an average per
 *                    head), so that core masks it whenever it masks that count: otherwise an average gift beside
 *                    "&lt;10" donors would give their number away; {@code null} for none
 */
public record ReportColumn(String key, String label, ColumnKind kind, @Nullable String derivedFrom) {

    /** A column that derives from no other. */
    public static ReportColumn of(String key, String label, ColumnKind kind) {
        return new ReportColumn(key, label, kind, null);
    }
}
