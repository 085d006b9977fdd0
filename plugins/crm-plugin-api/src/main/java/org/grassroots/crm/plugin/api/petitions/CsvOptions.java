package org.grassroots.crm.plugin.api.petitions;

import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

/**
 * How to read a delimited file. A {@code null} member means "detect it".
 *
 * @param charset   the file's encoding, or {@code null} to detect UTF-8 (with or without BOM) or Windows-1252
 * @param delimiter the column separator, or {@code null} to detect comma, semicolon or tab
 */
public record CsvOptions(@Nullable Charset charset, @Nullable Character delimiter) {

    /** Detect both the encoding and the delimiter. */
    public static final CsvOptions DETECT = new CsvOptions(null, null);
}
