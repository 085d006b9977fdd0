package org.grassroots.crm.plugin.api.petitions;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of the file feeds which signature field, by column header as it appears in the file.
 *
 * @param columns the header of the column mapped to each field; unmapped fields are absent
 */
public record FieldMapping(Map<SignatureField, String> columns) {

    public FieldMapping {
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
    }

    /** The header mapped to {@code field}, if any. */
    public Optional<String> column(SignatureField field) {
        return Optional.ofNullable(columns.get(field));
    }
}
