package org.grassroots.crm.plugin.api.reports;

import org.jspecify.annotations.Nullable;

/**
 * A column of a {@link ReportTable}.
 *
 * @param key         the column's key; rows hold values by position, the key names it in CSV headers and chart specs
 * @param label       the column's heading
 * @param kind        how core formats and protects it
 * @param derivedFrom for a {@link ColumnKind#RATE} or {@link ColumnKind#PERCENT} column, the key of the
 *                    {@link ColumnKind#COUNT} column it is computed from (so it is hidden with it), else {@code null}
 */
public record ReportColumn(String key, String label, ColumnKind kind, @Nullable String derivedFrom) {

    /** A column that derives from no other. */
    public static ReportColumn of(String key, String label, ColumnKind kind) {
        return new ReportColumn(key, label, kind, null);
    }
}
