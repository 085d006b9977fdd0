package org.grassroots.crm.plugin.api.petitions;

/**
 * A built-in mapping for the export of a known tool, offered in the import wizard.
 *
 * @param id      stable id, for example {@code action-network}
 * @param name    name for people, for example "Action Network export"
 * @param mapping the headers that tool's export uses
 */
public record MappingPreset(String id, String name, FieldMapping mapping) {
}
