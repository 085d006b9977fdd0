package org.grassroots.crm.petitions.internal;

import java.util.List;
import java.util.Optional;

import org.grassroots.crm.people.CriterionChoice;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Petitions as a picker lists them: id and title, newest first, optionally those whose title or slug contains some
 * text. An organisation has hundreds of petitions, not millions, so the text match may read the whole table; the
 * order walks {@code petition_created_idx}.
 */
@Repository
public class PetitionPicker {

    private final JdbcClient jdbc;

    PetitionPicker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CriterionChoice> page(@Nullable String text, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, title FROM petition
                        WHERE CAST(:text AS text) IS NULL
                           OR strpos(lower(title), lower(:text)) > 0 OR strpos(slug, lower(:text)) > 0
                        ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit""")
                .param("text", text).param("offset", offset).param("limit", limit)
                .query((rs, row) -> new CriterionChoice(rs.getLong("id"), rs.getString("title"))).list();
    }

    public Optional<CriterionChoice> find(long id) {
        return jdbc.sql("SELECT id, title FROM petition WHERE id = :id").param("id", id)
                .query((rs, row) -> new CriterionChoice(rs.getLong("id"), rs.getString("title"))).optional();
    }
}
