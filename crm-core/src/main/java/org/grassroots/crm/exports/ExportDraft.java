package org.grassroots.crm.exports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an organizer asks for: a named export of {@code fields} about {@code segment}, for one partner, in the format
 * whose id is {@code formatId} (see {@link ExportFormats#available()}).
 */
public record ExportDraft(@Nullable String name, long partnerId, ExportSegment segment, List<ExportField> fields,
        @Nullable String formatId) {

    public ExportDraft {
        fields = fields == null ? List.of() : List.copyOf(fields);
        segment = segment == null ? ExportSegment.EVERYONE : segment;
    }
}
