package org.grassroots.crm.petitions;

import java.util.List;

import org.grassroots.crm.plugin.api.petitions.MappingPreset;

/**
 * A plugin extension that reads petition files, as the import wizard offers it.
 *
 * @param pluginId    the plugin
 * @param extensionId the extension within it
 * @param name        its name for people, for example "CSV file"
 * @param presets     its built-in mappings
 */
public record SignatureFileReader(String pluginId, String extensionId, String name, List<MappingPreset> presets) {

    public SignatureFileReader {
        presets = List.copyOf(presets);
    }
}
