package org.grassroots.crm.plugin.api.petitions;

import java.util.List;

/**
 * A row the plugin could not read, kept for the rejected-rows report.
 *
 * @param line   the row's line number in the file (the header is line 1)
 * @param values the row's original values
 * @param reason why it was rejected, naming the column, for example "SIGNED_AT 'yesterday' is not a date"
 */
public record RejectedRow(long line, List<String> values, String reason) {

    public RejectedRow {
        values = List.copyOf(values);
    }
}
