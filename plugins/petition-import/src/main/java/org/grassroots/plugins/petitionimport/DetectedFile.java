package org.grassroots.plugins.petitionimport;

import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * A file whose encoding and delimiter are known.
 *
 * @param charset   the encoding to decode {@code content} with
 * @param delimiter the column separator
 * @param content   the whole file from its first byte after any byte order mark
 */
record DetectedFile(Charset charset, char delimiter, InputStream content) {
}
