package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.ExportSegment;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of an export: the definition's allow-listed fields of the people its segment holds who currently consent
 * to its partner, in id order, streamed from a server-side cursor (memory stays flat whatever the count). No role
 * check: staff reach it through the secured services, the delivery job as the system.
 */
// not @Repository: exception translation would wrap what the row handler throws
@Component
public class ExportRowQuery {

    /** Rows the driver fetches per round trip. */
    static final int FETCH_SIZE = 2_000;

    /** Takes one row's values, one per field in the definition's order; {@code null} for an empty value. */
    @FunctionalInterface
    public interface RowHandler {
        void row(List<@Nullable String> values) throws IOException;
    }

    private final JdbcClient jdbc;

    ExportRowQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many people an export of this segment for this partner holds now. */
    @Transactional(readOnly = true)
    public long count(long partnerId, ExportSegment segment) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = "SELECT count(*)" + ExportSegmentSql.fromWhere(partnerId, segment, false, parameters);
        return bind(jdbc.sql(sql), parameters).query(Long.class).single();
    }

    /**
     * Passes every row to {@code handler} inside one read-only transaction (a consistent snapshot).
     *
     * @return the number of rows
     * @throws IOException what the handler threw; the stream stops there
     */
    @Transactional(readOnly = true)
    public long stream(ExportDefinition definition, RowHandler handler) throws IOException {
        List<ExportField> fields = definition.fields();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = ExportColumns.select(fields) + ExportSegmentSql.fromWhere(definition.partnerId(),
                definition.segment(), definition.includesDonationFields(), parameters) + " ORDER BY p.id";
        long[] rows = {0};
        int columns = fields.size();
        try {
            bind(jdbc.sql(sql), parameters).withFetchSize(FETCH_SIZE).query((ResultSet rs) -> {
                List<@Nullable String> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                try {
                    handler.row(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private static StatementSpec bind(StatementSpec statement, Map<String, Object> parameters) {
        parameters.forEach(statement::param);
        return statement;
    }
}
