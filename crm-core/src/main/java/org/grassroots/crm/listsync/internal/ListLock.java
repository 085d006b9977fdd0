package org.grassroots.crm.listsync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.grassroots.crm.plugin.api.jobs.JobContext;

/**
 * One list's sync lock across every instance: a PostgreSQL session advisory lock held on a connection of its own
 * for as long as the sync runs, so two syncs of the same list (a scheduled one and one started by hand) never send
 * at once. A crashed instance's lock goes with its connection.
 */
final class ListLock implements AutoCloseable {

    private static final String SQL = "SELECT pg_try_advisory_lock(hashtext('list-sync'), hashtext(?))";

    private final Connection connection;
    private final String listKey;

    private ListLock(Connection connection, String listKey) {
        this.connection = connection;
        this.listKey = listKey;
    }

    /**
     * Takes the lock, waiting up to {@code wait} (checking every second) while another sync of the list holds it.
     *
     * @throws IllegalStateException when another sync of the list still holds it
     */
    static ListLock take(DataSource dataSource, String listKey, Duration wait, JobContext job)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return take(dataSource, listKey);
            } catch (IllegalStateException busy) {
                if (System.nanoTime() >= deadline) {
                    throw busy;
                }
                job.checkCancelled();
                Thread.sleep(1_000);
            }
        }
    }

    private static ListLock take(DataSource dataSource, String listKey) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement(SQL)) {
            connection.setAutoCommit(true);
            lock.setString(1, listKey);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new ListLock(connection, listKey);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        throw new IllegalStateException("Another sync of list " + listKey + " is running; wait for it to end.");
    }

    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement unlock = connection.prepareStatement(
                "SELECT pg_advisory_unlock(hashtext('list-sync'), hashtext(?))")) {
            unlock.setString(1, listKey);
            unlock.execute();
        }
    }
}
