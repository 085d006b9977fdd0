package org.grassroots.crm.exports.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.exports.ExportField;

/**
 * The allow-list in SQL: each {@link ExportField} maps to one fixed text expression over the export query's aliases
 * ({@code p} person, {@code pe} primary e-mail, {@code pc} the partner consent, {@code ds} donor summary). A SELECT
 * list is built from these constants only, so no column outside the list can ever be read.
 */
final class ExportColumns {

    private static final Map<ExportField, String> EXPRESSIONS = new EnumMap<>(ExportField.class);

    static {
        EXPRESSIONS.put(ExportField.FIRST_NAME, "p.first_name");
        EXPRESSIONS.put(ExportField.LAST_NAME, "p.last_name");
        EXPRESSIONS.put(ExportField.EMAIL, "pe.email");
        EXPRESSIONS.put(ExportField.PHONE, """
                (SELECT ph.e164 FROM person_phone ph WHERE ph.person_id = p.id
                 ORDER BY ph.is_primary DESC, ph.id LIMIT 1)""");
        EXPRESSIONS.put(ExportField.STREET, "p.street");
        EXPRESSIONS.put(ExportField.CITY, "p.city");
        EXPRESSIONS.put(ExportField.STATE, "p.state::text");
        EXPRESSIONS.put(ExportField.ZIP, "p.zip");
        EXPRESSIONS.put(ExportField.TAGS, """
                (SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                 WHERE pt.person_id = p.id)""");
        EXPRESSIONS.put(ExportField.JOINED_ON, "to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')");
        EXPRESSIONS.put(ExportField.CONSENT_GIVEN_ON, "to_char(pc.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')");
        EXPRESSIONS.put(ExportField.TOTAL_GIVEN, "ds.lifetime_total::text");
        EXPRESSIONS.put(ExportField.GIFT_COUNT, "ds.donation_count::text");
        EXPRESSIONS.put(ExportField.LAST_GIFT_ON, "ds.last_gift_on::text");
        for (ExportField field : ExportField.values()) {
            if (!EXPRESSIONS.containsKey(field)) {
                throw new IllegalStateException("No SQL for export field " + field);
            }
        }
    }

    private ExportColumns() {
    }

    /** {@code SELECT expr AS c1, expr AS c2 …} in the order given. */
    static String select(List<ExportField> fields) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(EXPRESSIONS.get(fields.get(i))).append(" AS c").append(i + 1);
        }
        return select.toString();
    }
}
