package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.grassroots.crm.database.CopyStream;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.exports.OverlapMatch;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The overlap with a partner's hashed file, set-based, in the caller's transaction: the partner's hashes are COPYed
 * into a temporary table, ours are computed in SQL with pgcrypto's {@code hmac} over every active supporter's
 * addresses and phone numbers, and a hash join finds the shared people. The key travels inside the COPY data (never
 * a statement parameter that a server log could show) into a temporary table dropped at commit.
 */
// not @Repository: exception translation would hide the file's line in a data-access exception
@Component
public class OverlapSql {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    OverlapSql(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Loads the partner's file and works out the shared supporters into {@code overlap_shared}.
     *
     * @return the hash lines of the file
     */
    public long load(MatchKey key, InputStream file, String fileName) throws IOException {
        jdbc.sql("CREATE TEMP TABLE overlap_key (k BYTEA NOT NULL) ON COMMIT DROP").update();
        jdbc.sql("CREATE TEMP TABLE overlap_hash (kind CHAR(1) NOT NULL, hash BYTEA NOT NULL) ON COMMIT DROP")
                .update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long lines;
        try {
            try (CopyStream keyCopy = CopyStream.open(connection, "overlap_key", "k")) {
                keyCopy.value(hex(key.bytes())).endRow();
            }
            CopyStream hashes = CopyStream.open(connection, "overlap_hash", "kind", "hash");
            try {
                lines = HashedFileReader.read(file, fileName, (kind, hash) -> {
                    try {
                        hashes.value(kind == HashedFileReader.Kind.EMAIL ? "e" : "p").value(hex(hash)).endRow();
                    } catch (SQLException e) {
                        throw new IOException(e);
                    }
                });
                hashes.close();
            } catch (IOException | RuntimeException e) {
                hashes.cancel();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("Could not load the hashed file into the database: " + e.getMessage(), e);
        }
        jdbc.sql("ANALYZE overlap_hash").update();
        jdbc.sql("""
                CREATE TEMP TABLE overlap_shared ON COMMIT DROP AS
                SELECT DISTINCT m.person_id FROM (
                    SELECT pe.person_id FROM person_email pe
                    JOIN overlap_hash h ON h.kind = 'e'
                     AND h.hash = hmac(convert_to(pe.email, 'UTF8'), (SELECT k FROM overlap_key), 'sha256')
                    UNION ALL
                    SELECT ph.person_id FROM person_phone ph
                    JOIN overlap_hash h ON h.kind = 'p'
                     AND h.hash = hmac(convert_to(ph.e164, 'UTF8'), (SELECT k FROM overlap_key), 'sha256')) m
                JOIN person p ON p.id = m.person_id AND p.merged_into_id IS NULL AND p.erased_at IS NULL""")
                .update();
        return lines;
    }

    public long shared() {
        return jdbc.sql("SELECT count(*) FROM overlap_shared").query(Long.class).single();
    }

    public long sharedWithConsent(long partnerId) {
        return jdbc.sql("""
                SELECT count(*) FROM overlap_shared s
                JOIN partner_consent pc ON pc.person_id = s.person_id AND pc.partner_id = :partner
                 AND pc.withdrawn_at IS NULL""").param("partner", partnerId).query(Long.class).single();
    }

    /** The first {@code limit} shared supporters who consent to the partner, by id. */
    public List<OverlapMatch> consenting(long partnerId, int limit) {
        return jdbc.sql("""
                SELECT p.id, p.first_name, p.last_name, pe.email FROM overlap_shared s
                JOIN partner_consent pc ON pc.person_id = s.person_id AND pc.partner_id = :partner
                 AND pc.withdrawn_at IS NULL
                JOIN person p ON p.id = s.person_id
                LEFT JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
                ORDER BY p.id LIMIT :limit""")
                .param("partner", partnerId).param("limit", limit)
                .query((rs, row) -> new OverlapMatch(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    private static String hex(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }
}
