package org.grassroots.crm.plugin.api.petitions;

import java.nio.charset.Charset;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The first rows of a file as the wizard shows them before mapping.
 *
 * @param charset         the encoding used (as chosen or detected)
 * @param delimiter       the column separator used (as chosen or detected)
 * @param headers         the header row
 * @param rows            the first data rows, each as many values as it had
 * @param suggested       a mapping suggested from the header names
 * @param matchingPreset  the id of a {@link MappingPreset} whose headers all appear in the file, or {@code null}
 */
public record FilePreview(Charset charset, char delimiter, List<String> headers, List<List<String>> rows,
        FieldMapping suggested, @Nullable String matchingPreset) {

    public FilePreview {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
