package org.grassroots.crm.plugin.api.exports;

/**
 * A column of an export, from the export definition's allow-listed fields.
 *
 * @param key   stable field key, for example {@code email} or {@code zip}
 * @param label the column heading
 */
public record ExportColumn(String key, String label) {
}
