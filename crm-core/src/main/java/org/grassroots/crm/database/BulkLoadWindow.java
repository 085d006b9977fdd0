package org.grassroots.crm.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares tables for a bulk load and restores them afterwards: secondary indexes are dropped and rebuilt once, and
 * foreign keys and unique constraints declared on the tables are dropped and re-added, which PostgreSQL checks with
 * one set-based join or sort instead of one lookup per row. Primary keys stay. Everything happens in the caller's
 * transaction: a failed load restores the tables exactly as they were, and a re-added constraint that does not hold
 * (a duplicate, a dangling key) fails the whole load, so nothing unchecked is ever committed.
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
    // unique constraints no foreign key depends on; re-adding one checks the loaded rows with a single sort
    private static final String UNIQUE_CONSTRAINTS = """
            SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c
            WHERE c.conrelid = ?::regclass AND c.contype = 'u'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
            """;

    private final Connection connection;
    private final List<String> restore = new ArrayList<>();

    private BulkLoadWindow(Connection connection) {
        this.connection = connection;
    }

    public static BulkLoadWindow open(Connection connection, String... tables) throws SQLException {
        BulkLoadWindow window = new BulkLoadWindow(connection);
        List<String> uniques = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (String table : tables) {
            window.dropConstraints(table, FOREIGN_KEYS, keys);
            window.dropConstraints(table, UNIQUE_CONSTRAINTS, uniques);
            for (String[] index : window.query(SECONDARY_INDEXES, table)) {
                window.execute("DROP INDEX " + index[0]);
                indexes.add(index[1]);
            }
        }
        // uniques before the keys that may rely on them, plain indexes last
        window.restore.addAll(uniques);
        window.restore.addAll(keys);
        window.restore.addAll(indexes);
        return window;
    }

    private void dropConstraints(String table, String sql, List<String> restoreStatements) throws SQLException {
        for (String[] constraint : query(sql, table)) {
            execute("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint[0]);
            restoreStatements.add("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint[0] + " " + constraint[1]);
        }
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
