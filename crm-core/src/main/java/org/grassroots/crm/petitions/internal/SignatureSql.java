package org.grassroots.crm.petitions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.petitions.PetitionSummary;
import org.grassroots.crm.petitions.Signature;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over signatures: adding one, the lists, the petitions list with counts, and merge and erasure moves. */
@Repository
public class SignatureSql {

    /** The display name of supporter {@code pe}; someone with no name on file is called by their number. */
    private static final String NAME_SQL =
            "coalesce(nullif(btrim(concat_ws(' ', pe.first_name, pe.last_name)), ''), 'Supporter #' || pe.id)";
    private static final String SELECT = """
            SELECT s.id, s.petition_id, pt.title, s.person_id, %s AS person_name, s.signed_at, s.source, s.comment,
                   s.external_id
            FROM signature s JOIN petition pt ON pt.id = s.petition_id JOIN person pe ON pe.id = s.person_id
            """.formatted(NAME_SQL);

    private final JdbcClient jdbc;

    SignatureSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a signature unless the person already signed the petition; empty when they had (the unique
     * (petition, person) constraint decides, so two staff entering the same paper form at once store one).
     */
    public Optional<Long> insert(long petitionId, long personId, Instant signedAt, @Nullable String source,
            @Nullable String comment, boolean cosponsorConsent) {
        return jdbc.sql("""
                        INSERT INTO signature (petition_id, person_id, signed_at, source, comment, cosponsor_consent)
                        VALUES (:petitionId, :personId, :signedAt, :source, :comment, :cosponsorConsent)
                        ON CONFLICT (petition_id, person_id) DO NOTHING
                        RETURNING id""")
                .param("petitionId", petitionId).param("personId", personId)
                .param("signedAt", OffsetDateTime.ofInstant(signedAt, java.time.ZoneOffset.UTC))
                .param("source", source).param("comment", comment).param("cosponsorConsent", cosponsorConsent)
                .query(Long.class).optional();
    }

    public Optional<Signature> find(long signatureId) {
        return jdbc.sql(SELECT + "WHERE s.id = :id").param("id", signatureId).query((rs, row) -> signature(rs))
                .optional();
    }

    public Optional<Signature> find(long petitionId, long personId) {
        return jdbc.sql(SELECT + "WHERE s.petition_id = :petitionId AND s.person_id = :personId")
                .param("petitionId", petitionId).param("personId", personId).query((rs, row) -> signature(rs))
                .optional();
    }

    /** A person's signatures, newest first ({@code signature_person_idx}). */
    public List<Signature> forPerson(long personId, int limit) {
        return jdbc.sql(SELECT + "WHERE s.person_id = :personId ORDER BY s.signed_at DESC, s.id DESC LIMIT :limit")
                .param("personId", personId).param("limit", limit).query((rs, row) -> signature(rs)).list();
    }

    /** A page of a petition's signatures, newest first ({@code signature_petition_signed_idx} read backwards). */
    public List<Signature> forPetition(long petitionId, int offset, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE s.petition_id = :petitionId ORDER BY s.signed_at DESC, s.id DESC
                        OFFSET :offset LIMIT :limit""")
                .param("petitionId", petitionId).param("offset", offset).param("limit", limit)
                .query((rs, row) -> signature(rs)).list();
    }

    public long count(long petitionId) {
        return jdbc.sql("SELECT count(*) FROM signature WHERE petition_id = :petitionId")
                .param("petitionId", petitionId).query(Long.class).single();
    }

    /**
     * A page of petitions, newest first, each with its signature count: one statement that counts only the page's
     * petitions, one GROUP BY over the (petition_id, …) index.
     */
    public List<PetitionSummary> summaries(int offset, int limit) {
        return jdbc.sql("""
                        WITH page AS (
                            SELECT id, slug, title, target, goal, created_at FROM petition
                            ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit)
                        SELECT page.*, coalesce(c.signatures, 0) AS signatures
                        FROM page LEFT JOIN (
                            SELECT petition_id, count(*) AS signatures FROM signature
                            WHERE petition_id IN (SELECT id FROM page) GROUP BY petition_id) c
                          ON c.petition_id = page.id
                        ORDER BY page.created_at DESC, page.id DESC""")
                .param("offset", offset).param("limit", limit)
                .query((rs, row) -> new PetitionSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("target"), (Integer) rs.getObject("goal"), instant(rs, "created_at"),
                        rs.getLong("signatures")))
                .list();
    }

    /** Whether the supporter exists and is neither merged away nor erased. */
    public boolean isLivePerson(long personId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM person WHERE id = :id AND merged_into_id IS NULL"
                        + " AND erased_at IS NULL)")
                .param("id", personId).query(Boolean.class).single();
    }

    /**
     * Gives {@code from}'s signatures to {@code into}. Where both signed the same petition, the earlier signature
     * stays (with its source and comment) and the later one is deleted.
     */
    public void move(long from, long into) {
        jdbc.sql("""
                        DELETE FROM signature later USING signature earlier
                        WHERE later.petition_id = earlier.petition_id
                          AND later.person_id IN (:from, :into) AND earlier.person_id IN (:from, :into)
                          AND later.person_id <> earlier.person_id
                          AND (later.signed_at, later.id) > (earlier.signed_at, earlier.id)""")
                .param("from", from).param("into", into).update();
        jdbc.sql("UPDATE signature SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
    }

    /** Deletes every signature of the person; returns how many there were. */
    public int deleteAll(long personId) {
        return jdbc.sql("DELETE FROM signature WHERE person_id = :personId").param("personId", personId).update();
    }

    private static Signature signature(ResultSet rs) throws SQLException {
        return new Signature(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("title"),
                rs.getLong("person_id"), rs.getString("person_name"), instant(rs, "signed_at"),
                rs.getString("source"), rs.getString("comment"), rs.getString("external_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
