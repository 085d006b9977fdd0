package org.grassroots.crm.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with {@code COPY … FROM STDIN} (text format) on the caller's connection, buffering
 * about a megabyte at a time, so memory stays flat whatever the row count. Values are escaped here; callers write
 * plain Java values. Not thread-safe: one stream per connection.
 */
public final class CopyStream implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn copyIn;
    private final StringBuilder pending = new StringBuilder(FLUSH_BYTES + 4096);
    private boolean rowStarted;
    private long rows;

    private CopyStream(CopyIn copyIn) {
        this.copyIn = copyIn;
    }

    /** Starts {@code COPY table (columns…) FROM STDIN}; identifiers are the caller's constants, never user input. */
    public static CopyStream open(Connection connection, String table, String... columns) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text)";
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    public CopyStream value(String value) {
        separator();
        if (value == null) {
            pending.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> pending.append("\\\\");
                case '\t' -> pending.append("\\t");
                case '\n' -> pending.append("\\n");
                case '\r' -> pending.append("\\r");
                case '\0' -> { } // PostgreSQL text cannot hold NUL; a stray one in a file is dropped
                default -> pending.append(c);
            }
        }
        return this;
    }

    public CopyStream value(long value) {
        separator();
        pending.append(value);
        return this;
    }

    public CopyStream value(boolean value) {
        separator();
        pending.append(value ? 't' : 'f');
        return this;
    }

    public CopyStream value(Instant value) {
        return value == null ? value((String) null) : value(value.toString());
    }

    public CopyStream value(LocalDate value) {
        return value == null ? value((String) null) : value(value.toString());
    }

    /** A value already in PostgreSQL's text form that needs no escaping (a number with decimals, an array literal). */
    public CopyStream raw(String literal) {
        separator();
        pending.append(literal);
        return this;
    }

    public void endRow() throws SQLException {
        pending.append('\n');
        rowStarted = false;
        rows++;
        if (pending.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /** Sends what is buffered and finishes the COPY; the rows become visible when the transaction commits. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
            copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** Abandons the COPY without sending what is buffered; the caller rolls its transaction back. */
    public void cancel() {
        pending.setLength(0);
        try {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException e) {
            // the connection is being abandoned with its transaction; nothing more to undo here
        }
    }

    private void separator() {
        if (rowStarted) {
            pending.append('\t');
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        if (!pending.isEmpty()) {
            byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
            copyIn.writeToCopy(bytes, 0, bytes.length);
            pending.setLength(0);
        }
    }
}
