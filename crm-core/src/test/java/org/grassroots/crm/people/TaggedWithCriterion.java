package org.grassroots.crm.people;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A filter with a choice another feature could offer, here over tags picked by id, to show that the picked id
 * reaches the list's SQL as a bound parameter.
 */
@Component
class TaggedWithCriterion implements PersonChoiceCriterion {

    static final String KEY = "test-tagged-with";

    private final JdbcClient jdbc;

    TaggedWithCriterion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Tagged with";
    }

    @Override
    public List<CriterionChoice> choices(@Nullable String text, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, name FROM tag WHERE CAST(:text AS text) IS NULL OR strpos(name, :text) > 0
                        ORDER BY id DESC OFFSET :offset LIMIT :limit""")
                .param("text", text).param("offset", offset).param("limit", limit)
                .query((rs, row) -> new CriterionChoice(rs.getLong("id"), rs.getString("name"))).list();
    }

    @Override
    public Optional<CriterionChoice> choice(long id) {
        return jdbc.sql("SELECT id, name FROM tag WHERE id = :id").param("id", id)
                .query((rs, row) -> new CriterionChoice(rs.getLong("id"), rs.getString("name"))).optional();
    }

    @Override
    public String sqlCondition(String parameter) {
        return "EXISTS (SELECT 1 FROM person_tag pt WHERE pt.person_id = p.id AND pt.tag_id = :" + parameter + ")";
    }
}
