package org.grassroots.crm.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.exports.ExportLink;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code export_link}: download links, found by the SHA-256 of their token (the token itself is never stored). */
@Repository
public class ExportLinkSql {

    private final JdbcClient jdbc;

    ExportLinkSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long definitionId, byte[] tokenSha256, @Nullable String note, String createdBy, Instant at,
            Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO export_link (definition_id, token_sha256, note, created_by, created_at, expires_at)
                VALUES (:definition, :token, :note, :by, :at, :expires) RETURNING id""")
                .param("definition", definitionId).param("token", tokenSha256).param("note", note)
                .param("by", createdBy).param("at", Timestamp.from(at)).param("expires", Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    public Optional<ExportLink> find(long id) {
        return jdbc.sql("SELECT * FROM export_link WHERE id = :id").param("id", id).query(ExportLinkSql::link)
                .optional();
    }

    /** The link with this token hash, locked until the caller's transaction ends (a download counts on it). */
    public Optional<ExportLink> lockByToken(byte[] tokenSha256) {
        return jdbc.sql("SELECT * FROM export_link WHERE token_sha256 = :token FOR UPDATE")
                .param("token", tokenSha256).query(ExportLinkSql::link).optional();
    }

    /** Newest first. */
    public List<ExportLink> forDefinition(long definitionId) {
        return jdbc.sql("SELECT * FROM export_link WHERE definition_id = :definition ORDER BY id DESC")
                .param("definition", definitionId).query(ExportLinkSql::link).list();
    }

    /** @return false when the link was revoked already */
    public boolean revoke(long id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE export_link SET revoked_by = :by, revoked_at = :at WHERE id = :id AND revoked_at IS NULL""")
                .param("id", id).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    public void downloaded(long id, Instant at) {
        jdbc.sql("UPDATE export_link SET downloads = downloads + 1, last_download_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    private static ExportLink link(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        Timestamp lastDownload = rs.getTimestamp("last_download_at");
        return new ExportLink(rs.getLong("id"), rs.getLong("definition_id"), rs.getString("note"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("revoked_by"),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getInt("downloads"),
                lastDownload == null ? null : lastDownload.toInstant());
    }
}
