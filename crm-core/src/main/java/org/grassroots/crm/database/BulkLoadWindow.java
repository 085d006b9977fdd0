package org.grassroots.crm.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares tables for a bulk load and restores them afterwards: secondary indexes are dropped and rebuilt once,
 * and foreign keys declared on the tables are dropped and re-added, which PostgreSQL validates in one set-based
 * join instead of one lookup per row. Indexes behind primary keys and unique constraints stay, so duplicates are
 * still refused during the load. Everything happens in the caller's transaction: a failed load restores the tables
 * exactly as they were, and a re-added key that does not hold fails the whole load.
 */
public final class BulkLoadWindow {

    private static final String SECONDARY_INDEXES = """
            SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i
            WHERE i.indrelid = ?::regclass
              AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """;
    private static final String FOREIGN_KEYS = """
            SELECT conname AS name, pg_get_constraintdef(oid) AS definition
            FROM pg_constraint
            WHERE conrelid = ?::regclass AND contype = 'f'
            """;

    private final Connection connection;
    private final List<String> restore = new ArrayList<>();

    private BulkLoadWindow(Connection connection) {
        this.connection = connection;
    }

    public static BulkLoadWindow open(Connection connection, String... tables) throws SQLException {
        BulkLoadWindow window = new BulkLoadWindow(connection);
        for (String table : tables) {
            for (String[] key : window.query(FOREIGN_KEYS, table)) {
                window.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + key[0]);
                window.restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + key[0] + " " + key[1]);
            }
            for (String[] index : window.query(SECONDARY_INDEXES, table)) {
                window.execute("DROP INDEX " + index[0]);
                window.restore.add(index[1]);
            }
        }
        return window;
    }

    /** Re-adds the keys (validating the loaded rows) and rebuilds the indexes. */
    public void close() throws SQLException {
        execute("SET LOCAL maintenance_work_mem = '512MB'");
        for (String statement : restore) {
            execute(statement);
        }
    }

    private List<String[]> query(String sql, String table) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString("name"), rs.getString("definition")});
                }
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
